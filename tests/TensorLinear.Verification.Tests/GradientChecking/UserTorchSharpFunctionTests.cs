using TensorLinear.Tests.Torch;
using TensorLinear.Autograd;
using TensorLinear.Verification.GradientChecking;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace TensorLinear.Verification.Tests.GradientChecking;

// The checker's tensor forms take a function written by its user with TorchSharp's own operations: here the functions
// are written in the test as a user would write them, with nothing from TensorLinear.Autograd inside. A right claimed
// gradient passes three ways, the same gradient with its sign flipped fails, and a function that returns the wrong
// dtype or shape, or that libtorch refuses, is a typed error rather than a crash.
public sealed class UserTorchSharpFunctionTests(ITestOutputHelper output)
{
    public static TheoryData<string> Functions => ["sum of squares", "sum of exponentials"];

    // f(x) = Σxᵢ², ∇f = 2x; f(x) = Σ exp(xᵢ), ∇f = exp(x).
    private static (Func<Tensor, Tensor> F, Func<double[], double[]> Gradient) Function(string name) => name switch
    {
        "sum of squares" => (x => (x * x).sum(), x => [.. x.Select(v => 2 * v)]),
        "sum of exponentials" => (x => x.exp().sum(), x => [.. x.Select(Math.Exp)]),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such test function"),
    };

    private static readonly double[] Point = [0.7, -1.3, 2.1, 0.05];

    [Theory]
    [MemberData(nameof(Functions))]
    public void AUsersTorchSharpFunctionPassesWithItsRightGradientAndAutogradAgrees(string name)
    {
        var (f, gradient) = Function(name);

        var report = GradientChecker.CheckWithAutograd(f, gradient, Point);

        output.WriteLine(report.ToString());
        Assert.True(report.Passed, report.ToString());
        Assert.True(report.HasAutograd);
        var expected = gradient(Point);
        Assert.All(report.Coordinates, c =>
        {
            Assert.Equal(Verdict.Agrees, c.Verdict);
            // 2x is exact; libtorch's exp and Math.Exp are each within an ulp, and 2 ulps ≤ 2⁻⁵¹|g|.
            Assert.Equal(expected[c.Index], c.Autograd!.Value, Math.ScaleB(Math.Abs(expected[c.Index]), -51));
        });
        Assert.InRange(report.Taylor.ObservedOrder, 1.8, 2.2);
    }

    [Theory]
    [MemberData(nameof(Functions))]
    public void AUsersTorchSharpFunctionFailsWithItsGradientsSignFlippedAndTheClaimIsBlamed(string name)
    {
        var (f, gradient) = Function(name);

        var report = GradientChecker.CheckWithAutograd(f, TestFunction.SignError(gradient), Point);

        output.WriteLine(report.ToString());
        Assert.False(report.Passed);
        Assert.All(report.Coordinates, c =>
        {
            Assert.Equal(Verdict.Disagrees, c.Verdict);
            Assert.Contains(ComparedPairs.ClaimedVersusAutograd, c.DisagreeingPairs);
            Assert.DoesNotContain(ComparedPairs.AutogradVersusFiniteDifference, c.DisagreeingPairs);
        });
        Assert.False(report.Taylor.Passed);
    }

    [Fact]
    public void AUsersFunctionThatReturnsFloat32IsATypedErrorNamingTheDtype()
    {
        var error = Assert.Throws<OutOfDomainException>(() =>
            GradientChecker.CheckWithAutograd(x => (x * x).sum().to_type(ScalarType.Float32), x => [.. x.Select(v => 2 * v)], Point));

        Assert.IsAssignableFrom<InvalidInputException>(error);
        Assert.Contains("Float32", error.Message);
    }

    [Fact]
    public void AUsersFunctionThatReturnsAVectorIsATypedErrorPointingToTheJacobianCheck()
    {
        var error = Assert.Throws<DimensionMismatchException>(() =>
            GradientChecker.CheckWithAutograd(x => x * x, x => [.. x.Select(v => 2 * v)], Point));

        Assert.Contains("[4]", error.Message);
        Assert.Contains("CheckJacobianWithAutograd", error.Message);
    }

    [Fact]
    public void AUsersJacobianFunctionThatReturnsAMatrixOrFloat32IsATypedError()
    {
        var identity = new double[Point.Length, Point.Length];
        Assert.Throws<DimensionMismatchException>(() => GradientChecker.CheckJacobianWithAutograd(x => x.outer(x), _ => identity, Point));
        Assert.Throws<OutOfDomainException>(() => GradientChecker.CheckJacobianWithAutograd(x => x.to_type(ScalarType.Float32), _ => identity, Point));
    }

    [Fact]
    public void AUsersFunctionThatLibtorchRefusesIsATorchExceptionWithLibtorchsFirstLineOnly()
    {
        // Adding vectors of 4 and 3 elements fails inside libtorch, whose message TorchSharp follows with a C++ backtrace.
        var error = Assert.Throws<TorchException>(() =>
            GradientChecker.CheckWithAutograd(x => x.Plus(tensor(new double[] { 1, 2, 3 })).sum(), x => x, Point));

        Assert.Contains("must match the size", error.TorchMessage);
        Assert.DoesNotContain("Exception raised from", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void AUsersFunctionThatChangesItsInputInPlaceIsATorchExceptionNotACrash()
    {
        // Under autograd the input is a leaf that requires gradients, which libtorch does not let change in place.
        var error = Assert.Throws<TorchException>(() => GradientChecker.CheckWithAutograd(x => x.mul_(Held.Two).sum(), x => [.. x.Select(_ => 2.0)], Point));

        Assert.Contains("in-place", error.TorchMessage);
    }

    [Fact]
    public void AUsersFunctionThatReturnsADisposedTensorIsATypedError()
    {
        Tensor Disposed(Tensor x)
        {
            var y = x.sum();
            y.Dispose();
            return y;
        }

        var error = Assert.Throws<OutOfDomainException>(() => GradientChecker.CheckWithAutograd(Disposed, x => [.. x.Select(_ => 1.0)], Point));
        Assert.Contains("disposed", error.Message);
    }
}
