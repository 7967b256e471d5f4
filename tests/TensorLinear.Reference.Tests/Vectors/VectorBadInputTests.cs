namespace TensorLinear.Reference.Tests;

public class VectorBadInputTests
{
    private static readonly (string Name, Func<double[], object> Call)[] OfX =
    [
        ("Norm1", x => Vector.Norm1(x)),
        ("Norm2", x => Vector.Norm2(x)),
        ("NormInf", x => Vector.NormInf(x)),
        ("NormP(x, 3)", x => Vector.NormP(x, 3.0)),
        ("Norm(x, 3)", x => Vector.Norm(x, 3.0)),
        ("Unit", Vector.Unit),
        ("Norm1Gradient", VectorGradients.Norm1Gradient),
        ("Norm2Gradient", VectorGradients.Norm2Gradient),
        ("NormPGradient(x, 3)", x => VectorGradients.NormPGradient(x, 3.0)),
        ("NormInfGradient", VectorGradients.NormInfGradient),
    ];

    private static readonly (string Name, Func<double[], double[], object> Call)[] OfXAndY =
    [
        ("Dot", (x, y) => Vector.Dot(x, y)),
        ("Cosine", (x, y) => Vector.Cosine(x, y)),
        ("Angle", (x, y) => Vector.Angle(x, y)),
        ("AngleDegrees", (x, y) => Vector.AngleDegrees(x, y)),
        ("ScalarProjection", (x, y) => Vector.ScalarProjection(x, y)),
        ("Project", Vector.Project),
        ("Reject", Vector.Reject),
        ("Distance(x, y, 2)", (x, y) => Vector.Distance(x, y, 2.0)),
        ("DotGradientX", VectorGradients.DotGradientX),
        ("DotGradientY", VectorGradients.DotGradientY),
        ("CosineGradientX", VectorGradients.CosineGradientX),
        ("CosineGradientY", VectorGradients.CosineGradientY),
        ("ScalarProjectionGradientX", VectorGradients.ScalarProjectionGradientX),
        ("ScalarProjectionGradientY", VectorGradients.ScalarProjectionGradientY),
    ];

    // The functions that need x, or y, to have a direction.
    private static readonly string[] NeedDirectionOfX = ["Unit", "Norm2Gradient", "NormPGradient(x, 3)", "Cosine", "Angle", "AngleDegrees", "CosineGradientX", "CosineGradientY"];
    private static readonly string[] NeedDirectionOfY = ["Cosine", "Angle", "AngleDegrees", "CosineGradientX", "CosineGradientY", "ScalarProjection", "Project", "Reject", "ScalarProjectionGradientX", "ScalarProjectionGradientY"];

    private static readonly (string Name, Action<double> Call)[] OfP =
    [
        ("NormP", p => Vector.NormP([1.0, 2.0], p)),
        ("Norm", p => Vector.Norm([1.0, 2.0], p)),
        ("Distance", p => Vector.Distance([1.0, 2.0], [3.0, 4.0], p)),
        ("NormPGradient", p => VectorGradients.NormPGradient([1.0, 2.0], p)),
    ];

    private static readonly double[] NonFinite = [double.NaN, double.PositiveInfinity, double.NegativeInfinity];

    public static TheoryData<string, Action, Type, string> Cases
    {
        get
        {
            double[] good = [1.0, 2.0], other = [3.0, 4.0], zero = [0.0, 0.0];
            var cases = new TheoryData<string, Action, Type, string>();
            foreach (var (name, call) in OfX)
            {
                cases.Add($"{name} of an empty x", () => call([]), typeof(EmptyInputException), "x");
                foreach (var bad in NonFinite)
                    cases.Add($"{name} of x holding {bad}", () => call([1.0, bad]), typeof(NonFiniteInputException), "x");
                if (NeedDirectionOfX.Contains(name))
                    cases.Add($"{name} of the zero vector", () => call(zero), typeof(DegenerateInputException), "x");
            }
            foreach (var (name, call) in OfXAndY)
            {
                cases.Add($"{name} with an empty x", () => call([], other), typeof(EmptyInputException), "x");
                cases.Add($"{name} with an empty y", () => call(good, []), typeof(EmptyInputException), "y");
                cases.Add($"{name} with y shorter than x", () => call(good, [3.0]), typeof(DimensionMismatchException), "y");
                foreach (var bad in NonFinite)
                {
                    cases.Add($"{name} with x holding {bad}", () => call([1.0, bad], other), typeof(NonFiniteInputException), "x");
                    cases.Add($"{name} with y holding {bad}", () => call(good, [bad, 4.0]), typeof(NonFiniteInputException), "y");
                }
                if (NeedDirectionOfX.Contains(name))
                    cases.Add($"{name} with x the zero vector", () => call(zero, other), typeof(DegenerateInputException), "x");
                if (NeedDirectionOfY.Contains(name))
                    cases.Add($"{name} with y the zero vector", () => call(good, zero), typeof(DegenerateInputException), "y");
            }
            foreach (var (name, call) in OfP)
                foreach (var p in new[] { 0.5, 0.0, -1.0, double.NegativeInfinity, double.NaN })
                    cases.Add($"{name} with p = {p}", () => call(p), typeof(OutOfDomainException), "p");
            return cases;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void EveryBadInputThrowsItsTypedExceptionNamingTheArgument(string input, Action call, Type exception, string argument)
    {
        var thrown = Record.Exception(call);
        Assert.True(thrown?.GetType() == exception,
            $"{input}: expected {exception.Name}, got {thrown?.GetType().Name ?? "no exception"} {thrown?.Message}");
        Assert.Equal(argument, ((InvalidInputException)thrown!).ArgumentName);
        Assert.StartsWith(argument + ":", thrown.Message);
    }

    [Fact]
    public void NoVectorFunctionModifiesItsInputs()
    {
        foreach (var (name, call) in OfX)
        {
            double[] x = [0.3, -1.2, 2.5];
            call(x);
            Assert.True(x.SequenceEqual([0.3, -1.2, 2.5]), $"{name} modified x");
        }
        foreach (var (name, call) in OfXAndY)
        {
            double[] x = [0.3, -1.2, 2.5], y = [1.0, 0.5, -0.25];
            call(x, y);
            Assert.True(x.SequenceEqual([0.3, -1.2, 2.5]) && y.SequenceEqual([1.0, 0.5, -0.25]), $"{name} modified x or y");
        }
    }
}
