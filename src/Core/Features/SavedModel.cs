using System.Collections.Immutable;
using System.Text.Json;
using TensorLinear.Models;

namespace TensorLinear.Features;

/// <summary>
/// A fitted linear or logistic model as a file: the coefficients in the original units of its encoded features, the
/// <see cref="FeatureEncoding"/> that makes those features from raw columns, the standardisation it was trained in,
/// and the class labels behind 0 and 1. <c>tensorlinear fit --save</c> writes it and <c>tensorlinear predict</c> reads
/// it; the format is JSON, versioned (docs/cli.md, "The model file").
/// </summary>
public sealed record SavedModel
{
    /// <summary>The value of the file's "format" field.</summary>
    public const string FormatName = "tensorlinear.model";

    /// <summary>The version this library writes and reads.</summary>
    public const int CurrentVersion = 1;

    /// <summary>Linear or logistic.</summary>
    public required ModelKind Kind { get; init; }

    /// <summary>The target column's name in the training data.</summary>
    public required string Target { get; init; }

    /// <summary>How raw columns become the features.</summary>
    public required FeatureEncoding Encoding { get; init; }

    /// <summary>The coefficients, one weight per encoded feature, in original units.</summary>
    public required LinearModel Model { get; init; }

    /// <summary>Whether the intercept was fitted (else it is 0).</summary>
    public bool FitIntercept { get; init; } = true;

    /// <summary>The standardisation trained in; null when the features were used as they are.</summary>
    public Standardization? Standardization { get; init; }

    /// <summary>For a logistic model the labels of class 0 and class 1, in that order; empty for a linear one.</summary>
    public ImmutableArray<string> Classes { get; init; } = [];

    /// <summary>The engine whose fit this is: "reference" or "torch".</summary>
    public string Engine { get; init; } = "reference";

    /// <summary>Writes the model as JSON (indented, every number in round-trip precision).</summary>
    public void Write(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("format", FormatName);
        json.WriteNumber("version", CurrentVersion);
        json.WriteString("model", Kind == ModelKind.Linear ? "linear" : "logistic");
        json.WriteString("target", Target);
        json.WriteString("engine", Engine);
        WriteStrings(json, "classes", Classes);
        json.WriteStartObject("encoding");
        WriteStrings(json, "terms", Encoding.Terms.Select(t => t.ToString()));
        json.WriteStartArray("categorical");
        foreach (var c in Encoding.Categorical)
        {
            json.WriteStartObject();
            json.WriteString("column", c.Column);
            WriteStrings(json, "levels", c.Levels);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        WriteStrings(json, "features", Encoding.FeatureNames);
        json.WriteEndObject();
        WriteNumbers(json, "weights", Model.Weights);
        json.WriteNumber("intercept", Model.Bias);
        json.WriteBoolean("fitIntercept", FitIntercept);
        if (Standardization is { } s)
        {
            json.WriteStartObject("standardization");
            WriteNumbers(json, "means", s.Means);
            WriteNumbers(json, "scales", s.Scales);
            json.WriteEndObject();
        }
        else json.WriteNull("standardization");
        json.WriteEndObject();
        json.Flush();
        stream.WriteByte((byte)'\n');
    }

    /// <summary>Reads a model written by <see cref="Write"/>.</summary>
    /// <param name="stream">The file's contents.</param>
    /// <param name="source">The file's name, for messages.</param>
    /// <exception cref="DataFormatException">Not JSON, not a model file, another version, or a field missing or
    /// inconsistent (weights that do not match the features); the message names the field.</exception>
    public static SavedModel Read(Stream stream, string source)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(source);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(stream);
        }
        catch (JsonException e)
        {
            throw new DataFormatException(source, (int?)e.LineNumber + 1, null, $"is not JSON: {e.Message}");
        }
        using (document)
            return new ModelFileReader(source).Read(document.RootElement);
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var v in values) json.WriteStringValue(v);
        json.WriteEndArray();
    }

    private static void WriteNumbers(Utf8JsonWriter json, string name, IEnumerable<double> values)
    {
        json.WriteStartArray(name);
        foreach (var v in values) json.WriteNumberValue(v);
        json.WriteEndArray();
    }
}
