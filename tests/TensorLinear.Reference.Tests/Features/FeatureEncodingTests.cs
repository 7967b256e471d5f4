using TensorLinear.Features;
using TensorLinear.Models;

namespace TensorLinear.Reference.Tests.Features;

// The feature encoding by hand: terms parsed, indicators of the non-reference levels, products and powers, names;
// a saved model read back as written; typed errors for everything a file or a formula can get wrong.
public class FeatureEncodingTests
{
    private static readonly ColumnValues Firm = ColumnValues.Categorical("firm", ["GM", "Ford", "GM", "IBM"]);
    private static readonly ColumnValues X = ColumnValues.Numeric("x", [1, 2, 3, 4]);
    private static readonly ColumnValues Z = ColumnValues.Numeric("z", [0.5, -1, 2, 0]);

    [Fact]
    public void TermsParseIntoFactorsAndPowers()
    {
        var terms = Term.Parse("x + z + x:z + x^2 + `my col`:x");
        Assert.Equal(["x", "z", "x:z", "x^2", "my col:x"], terms.Select(t => t.ToString()));
        Assert.Equal(new Factor("x", 2), terms[3].Factors[0]);
        Assert.Equal("my col", terms[4].Factors[0].Column);
    }

    [Theory]
    [InlineData("x +", "nothing before or after a '+'")]
    [InlineData("x^0", "is not an integer ≥ 1")]
    [InlineData("x^2^3", "more than one '^'")]
    [InlineData("x:x", "names 'x' twice")]
    [InlineData("x + x", "lists the term x twice")]
    [InlineData("my col", "write a name with spaces in backquotes")]
    [InlineData("`x", "opens a backquote it does not close")]
    public void AFormulaThatDoesNotParseIsRefusedSayingWhere(string formula, string problem)
    {
        var e = Assert.Throws<OutOfDomainException>(() => Term.Parse(formula));
        Assert.Contains(problem, e.Message);
    }

    [Fact]
    public void ACategoricalColumnBecomesIndicatorsOfItsNonReferenceLevels()
    {
        // levels in ordinal order Ford, GM, IBM: Ford is the reference and has no column
        var encoding = FeatureEncoding.Fit([Firm, X]);
        Assert.Equal(["firm[GM]", "firm[IBM]", "x"], encoding.FeatureNames.ToArray());
        Assert.Equal("Ford", encoding.Categorical.Single().Reference);
        var rows = encoding.EncodeRows([Firm, X]);
        Assert.Equal([1.0, 0, 1], rows[0]);
        Assert.Equal([0.0, 0, 2], rows[1]);
        Assert.Equal([0.0, 1, 4], rows[3]);
    }

    [Fact]
    public void InteractionsAndPowersAreProductsOfTheirFactorsColumns()
    {
        var encoding = FeatureEncoding.Fit([Firm, X, Z], Term.Parse("x + x:z + x^3 + firm:x"));
        Assert.Equal(["x", "x:z", "x^3", "firm[GM]:x", "firm[IBM]:x"], encoding.FeatureNames.ToArray());
        var rows = encoding.EncodeRows([Firm, X, Z]);
        Assert.Equal([2.0, -2, 8, 0, 0], rows[1]);   // Ford, x = 2, z = −1
        Assert.Equal([3.0, 6, 27, 3, 0], rows[2]);   // GM, x = 3, z = 2
        Assert.Equal([4.0, 0, 64, 0, 4], rows[3]);   // IBM, x = 4, z = 0
    }

    [Fact]
    public void NumericLabelsAreOrderedByValueAndAReferenceCanBeChosen()
    {
        Assert.Equal(["2", "10", "100"], CategoricalLevels.Of("k", ["10", "2", "100"]).Levels.ToArray());
        Assert.Equal(["IBM", "Ford", "GM"], FeatureEncoding.Fit([Firm], references: new Dictionary<string, string> { ["firm"] = "IBM" }).Categorical[0].Levels.ToArray());
        Assert.Throws<OutOfDomainException>(() => CategoricalLevels.Of("firm", ["a", "b"], reference: "c"));
    }

    [Fact]
    public void NewDataWithALevelTheTrainingDataLackedIsRefusedNamingTheRow()
    {
        var encoding = FeatureEncoding.Fit([Firm, X]);
        var e = Assert.Throws<UnseenLevelException>(() => encoding.EncodeRows([ColumnValues.Categorical("firm", ["GM", "Apple"]), ColumnValues.Numeric("x", [1, 2])]));
        Assert.Equal((1, "Apple", "firm"), (e.Row, e.Level, e.ArgumentName));
    }

    [Fact]
    public void MistakesInTheColumnsAreTypedErrors()
    {
        Assert.Throws<DegenerateInputException>(() => FeatureEncoding.Fit([ColumnValues.Categorical("c", ["a", "a"])]));
        Assert.Throws<OutOfDomainException>(() => FeatureEncoding.Fit([Firm], Term.Parse("firm^2")));
        Assert.Throws<OutOfDomainException>(() => FeatureEncoding.Fit([X], Term.Parse("x + y")));
        Assert.Throws<DimensionMismatchException>(() => FeatureEncoding.Fit([X, ColumnValues.Numeric("z", [1])]));
        Assert.Throws<NonFiniteInputException>(() => ColumnValues.Numeric("x", [double.NaN]));
        Assert.Throws<OutOfDomainException>(() => ColumnValues.Categorical("c", ["a", ""]));
        var encoding = FeatureEncoding.Fit([Firm, X]);
        Assert.Throws<OutOfDomainException>(() => encoding.EncodeRows([ColumnValues.Numeric("firm", [1, 2, 3, 4]), X]));
        Assert.Throws<OutOfDomainException>(() => encoding.EncodeRows([X]));
    }

    [Fact]
    public void ASavedModelReadsBackAsWrittenToTheLastBit()
    {
        var encoding = FeatureEncoding.Fit([Firm, X], Term.Parse("firm + x + x^2"));
        var saved = new SavedModel
        {
            Kind = ModelKind.Logistic,
            Target = "defaulted",
            Encoding = encoding,
            Model = new LinearModel([0.1, 1.0 / 3, -2e-300, Math.PI], -1e17),
            Standardization = new Standardization([1, 2, 3, 4], [0.5, 0.25, 1, 2]),
            Classes = ["no", "yes"],
            Engine = "torch",
        };
        using var stream = new MemoryStream();
        saved.Write(stream);
        stream.Position = 0;
        var read = SavedModel.Read(stream, "model.json");
        Assert.Equal(saved.Model, read.Model);
        Assert.Equal(saved.Encoding.FeatureNames.ToArray(), read.Encoding.FeatureNames.ToArray());
        Assert.Equal(saved.Encoding.Categorical[0].Levels.ToArray(), read.Encoding.Categorical[0].Levels.ToArray());
        Assert.Equal((saved.Kind, saved.Target, saved.Engine, saved.FitIntercept), (read.Kind, read.Target, read.Engine, read.FitIntercept));
        Assert.Equal(saved.Classes.ToArray(), read.Classes.ToArray());
        Assert.Equal(saved.Standardization.Scales.ToArray(), read.Standardization!.Scales.ToArray());
    }

    [Theory]
    [InlineData("not json", null, "is not JSON")]
    [InlineData("[]", null, "is not a model file")]
    [InlineData("{\"format\": \"other\"}", "format", "is not 'tensorlinear.model'")]
    [InlineData("{\"format\": \"tensorlinear.model\", \"version\": 2}", "version", "is 2; this TensorLinear reads model files of version 1")]
    [InlineData("{\"format\": \"tensorlinear.model\", \"version\": 1, \"model\": \"svm\"}", "model", "a linear or a logistic model")]
    [InlineData("{\"format\": \"tensorlinear.model\", \"version\": 1, \"model\": \"linear\"}", "encoding", "is missing")]
    public void AFileThatIsNotAModelOfThisVersionIsRefusedNamingTheField(string json, string? field, string problem)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));
        var e = Assert.Throws<DataFormatException>(() => SavedModel.Read(stream, "m.json"));
        Assert.Equal(field, e.Column);
        Assert.Contains(problem, e.Message);
    }

    [Fact]
    public void WeightsThatDoNotMatchTheFeaturesAreRefused()
    {
        var saved = new SavedModel { Kind = ModelKind.Linear, Target = "y", Encoding = FeatureEncoding.Fit([X]), Model = new LinearModel([1.0], 0) };
        using var stream = new MemoryStream();
        saved.Write(stream);
        var text = System.Text.Encoding.UTF8.GetString(stream.ToArray()).Replace("\"weights\": [\n    1\n  ]", "\"weights\": [1, 2]");
        var e = Assert.Throws<DataFormatException>(() => SavedModel.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)), "m.json"));
        Assert.Equal("weights", e.Column);
    }
}
