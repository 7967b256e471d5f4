using System.Collections.Immutable;
using System.Text.Json;
using TensorLinear.Models;

namespace TensorLinear.Features;

// Reads the JSON of SavedModel.Write back, field by field, with a typed error naming the field for anything missing,
// of the wrong kind, or inconsistent with the rest.
internal sealed class ModelFileReader(string source)
{
    public SavedModel Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object) throw Bad(null, "is not a model file: its JSON is not an object");
        if (String(root, "format") != SavedModel.FormatName) throw Bad("format", $"is not '{SavedModel.FormatName}': this is not a TensorLinear model file");
        var version = Field(root, "version", JsonValueKind.Number).GetInt32();
        if (version != SavedModel.CurrentVersion)
            throw Bad("version", FormattableString.Invariant($"is {version}; this TensorLinear reads model files of version {SavedModel.CurrentVersion}"));
        var kind = String(root, "model") switch
        {
            "linear" => ModelKind.Linear,
            "logistic" => ModelKind.Logistic,
            var other => throw Bad("model", $"is '{other}'; a model file holds a linear or a logistic model"),
        };
        var encodingElement = Field(root, "encoding", JsonValueKind.Object);
        var terms = Strings(encodingElement, "terms").Select(t => ParseTerm(t)).ToList();
        var categorical = Field(encodingElement, "categorical", JsonValueKind.Array).EnumerateArray()
            .Select(c => new CategoricalLevels(String(c, "column"), [.. Strings(c, "levels")])).ToList();
        if (categorical.Any(c => c.Levels.Length < 2)) throw Bad("encoding.categorical", "has a column with fewer than two levels");
        var encoding = FeatureEncoding.FromParts(terms, categorical);
        var features = Strings(encodingElement, "features");
        if (!features.SequenceEqual(encoding.FeatureNames))
            throw Bad("encoding.features", $"are {string.Join(", ", features)}, but the terms and levels make {string.Join(", ", encoding.FeatureNames)}");
        var weights = Numbers(root, "weights");
        if (weights.Length != features.Length)
            throw Bad("weights", FormattableString.Invariant($"has {weights.Length} values for {features.Length} features"));
        var classes = Strings(root, "classes");
        if (kind == ModelKind.Logistic && classes.Length != 2) throw Bad("classes", "must name the two classes of a logistic model, class 0 first");
        Standardization? standardization = null;
        if (root.TryGetProperty("standardization", out var s) && s.ValueKind != JsonValueKind.Null)
        {
            standardization = new Standardization([.. Numbers(s, "means")], [.. Numbers(s, "scales")]);
            if (standardization.Means.Length != features.Length || standardization.Scales.Length != features.Length)
                throw Bad("standardization", "does not have one mean and one scale per feature");
        }
        return new SavedModel
        {
            Kind = kind,
            Target = String(root, "target"),
            Encoding = encoding,
            Model = new LinearModel(weights, Field(root, "intercept", JsonValueKind.Number).GetDouble()),
            FitIntercept = Field(root, "fitIntercept", JsonValueKind.True, JsonValueKind.False).GetBoolean(),
            Standardization = standardization,
            Classes = [.. classes],
            Engine = String(root, "engine"),
        };
    }

    private Term ParseTerm(string text)
    {
        try
        {
            var parsed = Term.Parse(text);
            if (parsed.Length != 1) throw Bad("encoding.terms", $"holds '{text}', which is not one term");
            return parsed[0];
        }
        catch (InvalidInputException e)
        {
            throw Bad("encoding.terms", e.Message);
        }
    }

    private JsonElement Field(JsonElement parent, string name, params JsonValueKind[] kinds)
    {
        if (!parent.TryGetProperty(name, out var value)) throw Bad(name, "is missing");
        if (!kinds.Contains(value.ValueKind)) throw Bad(name, $"is {value.ValueKind.ToString().ToLowerInvariant()}, not {string.Join(" or ", kinds.Select(k => k.ToString().ToLowerInvariant()))}");
        return value;
    }

    private string String(JsonElement parent, string name) => Field(parent, name, JsonValueKind.String).GetString()!;

    private string[] Strings(JsonElement parent, string name) =>
        [.. Field(parent, name, JsonValueKind.Array).EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()! : throw Bad(name, "holds a value that is not a string"))];

    private double[] Numbers(JsonElement parent, string name) =>
        [.. Field(parent, name, JsonValueKind.Array).EnumerateArray().Select(e => e.ValueKind == JsonValueKind.Number && double.IsFinite(e.GetDouble()) ? e.GetDouble() : throw Bad(name, "holds a value that is not a finite number"))];

    private DataFormatException Bad(string? field, string problem) => new(source, null, field, problem);
}
