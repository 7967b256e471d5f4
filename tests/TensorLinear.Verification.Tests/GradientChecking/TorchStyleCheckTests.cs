using TensorLinear.Tests.Torch;
using TensorLinear.Verification.GradientChecking;
using Xunit.Abstractions;

namespace TensorLinear.Verification.Tests.GradientChecking;

/// <summary>What torch.autograd.gradcheck offers: several points in one call, the fast projection mode, gradgradcheck.</summary>
public sealed class TorchStyleCheckTests(ITestOutputHelper output)
{
    // f(x) = Σ xᵢ³ + x₀x₁; ∇f = 3xᵢ² + (x₁, x₀, 0); ∇²f = diag(6xᵢ) + the symmetric (0, 1) pair.
    private static readonly double[] X = [0.7, -1.3, 2.1];

    private static double[,] Hessian(double[] x) => new[,] { { 6 * x[0], 1, 0 }, { 1, 6 * x[1], 0 }, { 0, 0, 6 * x[2] } };

    private static TorchSharp.torch.Tensor F(TorchSharp.torch.Tensor t) => t.pow(Held.Three).sum().Plus(t[0] * t[1]);

    [Fact]
    public void TheRightHessianAgreesThreeWaysAndAWrongOneDisagrees()
    {
        var right = SecondOrderChecker.CheckHessianWithAutograd(F, Hessian, X);
        var wrong = SecondOrderChecker.CheckHessianWithAutograd(F, x => { var h = Hessian(x); h[0, 1] = h[1, 0] = 0; return h; }, X);

        output.WriteLine(right.ToString());
        Assert.True(right.Passed, right.ToString());
        Assert.True(right.HasAutograd);
        Assert.Equal(Verdict.Disagrees, wrong.Verdict);
        Assert.Contains(ComparedPairs.ClaimedVersusAutograd, wrong.Entries.Single(e => e.Row == 0 && e.Column == 1).DisagreeingPairs);
    }

    [Fact]
    public void TheRightHessianVectorProductAgreesAndAHalvedOneDisagrees()
    {
        double[] v = [0.3, -0.5, 1.1];
        double[] Product(double[] x, double[] w) => [6 * x[0] * w[0] + w[1], w[0] + 6 * x[1] * w[1], 6 * x[2] * w[2]];

        var right = SecondOrderChecker.CheckHessianVectorProductWithAutograd(F, Product, X, v);
        var wrong = SecondOrderChecker.CheckHessianVectorProductWithAutograd(F, (x, w) => [.. Product(x, w).Select(p => p / 2)], X, v);

        Assert.True(right.Passed, right.ToString());
        Assert.Equal(Verdict.Disagrees, wrong.Verdict);
    }

    [Fact]
    public void OneRandomProjectionChecksALargeJacobian()
    {
        // f(x) = A·tanh(x) for a 40×30 A: J = A·diag(1 − tanh²x); a claim that drops the diag factor is caught by one vᵀJu.
        var random = new Random(5);
        var a = new double[40, 30];
        for (var i = 0; i < 40; i++)
            for (var j = 0; j < 30; j++) a[i, j] = random.NextDouble() - 0.5;
        var x = Enumerable.Range(0, 30).Select(_ => random.NextDouble() * 2 - 1).ToArray();
        var aTensor = TorchSharp.torch.tensor(a);
        double[] Times(double[] p, double[] u, bool right)
        {
            var r = new double[40];
            for (var i = 0; i < 40; i++)
                for (var j = 0; j < 30; j++) r[i] += a[i, j] * (right ? 1 - Math.Pow(Math.Tanh(p[j]), 2) : 1) * u[j];
            return r;
        }

        var good = ProjectionCheck.CheckWithAutograd(t => aTensor.matmul(t.tanh()), (p, u) => Times(p, u, right: true), x);
        var bad = ProjectionCheck.CheckWithAutograd(t => aTensor.matmul(t.tanh()), (p, u) => Times(p, u, right: false), x);

        output.WriteLine(good.ToString());
        Assert.True(good.Passed, good.ToString());
        Assert.Equal(Verdict.Disagrees, bad.Verdict);
        Assert.True(good.Evaluations < 200, $"{good.Evaluations} evaluations");
    }

    [Fact]
    public void SeveralPointsInOneCall()
    {
        double[][] points = [[0.5, 1.0], [-2.0, 3.0], [1e-6, -4e-6]];

        var reports = GradientChecker.CheckAtPoints(x => x[0] * x[0] * x[1], x => [2 * x[0] * x[1], x[0] * x[0]], points);
        var wrong = GradientChecker.CheckAtPoints(x => x[0] * x[0] * x[1], x => [2 * x[0] * x[1], 2 * x[0] * x[0]], points);

        Assert.Equal(3, reports.Length);
        Assert.Equal(Verdict.Agrees, GradientChecker.Overall(reports));
        Assert.Equal(Verdict.Disagrees, GradientChecker.Overall(wrong));
        Assert.Equal([0, 1, 2], reports.Select(r => r.Seed));
    }
}
