using FsCheck;
using FsCheck.Fluent;
using TensorLinear.Verification.GradientChecking;

namespace TensorLinear.Verification.Tests.GradientChecking;

/// <summary>Properties over random quadratics f(x) = ½xᵀAx + bᵀx (A symmetric, not necessarily definite) and points.</summary>
public sealed class GradientCheckerProperties
{
    /// <summary>A random quadratic problem: A symmetric, b, x, with entries drawn at a random magnitude 10ᵏ, k ∈ [−3, 3].</summary>
    internal sealed record Problem(double[,] A, double[] B, double[] X, int Perturbed)
    {
        public TestFunction Function => TestFunction.Quadratic(A, B);

        public override string ToString() =>
            $"n = {B.Length}, x = [{string.Join(", ", X)}], b = [{string.Join(", ", B)}], perturbed coordinate {Perturbed}";
    }

    private static readonly Gen<double> Unit = Gen.Choose(-1_000_000, 1_000_000).Select(k => k / 1_000_000.0);

    private static Arbitrary<Problem> Problems()
    {
        var gen =
            from n in Gen.Choose(1, 6)
            from exponentA in Gen.Choose(-3, 3)
            from exponentX in Gen.Choose(-3, 3)
            from entries in Gen.ArrayOf(Unit, n * n)
            from b in Gen.ArrayOf(Unit, n)
            from x in Gen.ArrayOf(Unit, n)
            from perturbed in Gen.Choose(0, n - 1)
            select Build(n, Math.Pow(10, exponentA), Math.Pow(10, exponentX), entries, b, x, perturbed);
        return Arb.From(gen, Shrink);
    }

    private static Problem Build(int n, double scaleA, double scaleX, double[] entries, double[] b, double[] x, int perturbed)
    {
        var a = new double[n, n];
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++) a[i, j] = scaleA * 0.5 * (entries[i * n + j] + entries[j * n + i]);
        return new Problem(a, b.Select(v => v * scaleA).ToArray(), x.Select(v => v * scaleX).ToArray(), perturbed);
    }

    /// <summary>Shrinks by dropping a coordinate (its row and column of A), so a counterexample gets small.</summary>
    private static IEnumerable<Problem> Shrink(Problem p)
    {
        var n = p.B.Length;
        if (n == 1) yield break;
        for (var drop = 0; drop < n; drop++)
        {
            var keep = Enumerable.Range(0, n).Where(i => i != drop).ToArray();
            var a = new double[n - 1, n - 1];
            for (var i = 0; i < n - 1; i++)
                for (var j = 0; j < n - 1; j++) a[i, j] = p.A[keep[i], keep[j]];
            yield return new Problem(a, keep.Select(i => p.B[i]).ToArray(), keep.Select(i => p.X[i]).ToArray(), Math.Min(p.Perturbed, n - 2));
        }
    }

    [Fact]
    public void TheRightGradientOfAnyQuadraticPasses()
    {
        Prop.ForAll(Problems(), p =>
        {
            var f = p.Function;
            var report = GradientChecker.Check(f.Value, f.Gradient, p.X);
            return report.Passed && report.Coordinates.All(c => c.Verdict == Verdict.Agrees);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void AGradientOffByOnePercentInOneCoordinateFailsThere()
    {
        Prop.ForAll(Problems(), p =>
        {
            var f = p.Function;
            var exact = f.Gradient(p.X);
            // Off by 1% of the coordinate's value, or by 1% of the gradient's scale when that value is (nearly) 0.
            var scale = Math.Max(exact.Max(Math.Abs), 1e-300);
            var delta = 0.01 * Math.Max(Math.Abs(exact[p.Perturbed]), scale);
            var report = GradientChecker.Check(f.Value, v =>
            {
                var g = f.Gradient(v);
                g[p.Perturbed] += delta;
                return g;
            }, p.X, new GradientCheckOptions { RunTaylorTest = false });
            return !report.Passed && report.Worst.Index == p.Perturbed && report.Worst.Verdict == Verdict.Disagrees;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void TheFiniteDifferenceOfAQuadraticIsWithinItsBound()
    {
        Prop.ForAll(Problems(), p =>
        {
            var f = p.Function;
            var exact = f.Gradient(p.X);
            var estimate = FiniteDifferences.GradientWithErrors(f.Value, p.X);
            return exact.Select((g, i) => Math.Abs(estimate.Values[i] - g) <= estimate.ErrorBounds[i]).All(ok => ok);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void TheTaylorOrderSeparatesRightFromWrongGradients()
    {
        Prop.ForAll(Problems(), p =>
        {
            var f = p.Function;
            var exact = f.Gradient(p.X);
            var right = GradientChecker.Check(f.Value, f.Gradient, p.X).Taylor;
            var wrong = GradientChecker.Check(f.Value, TestFunction.SignError(f.Gradient), p.X).Taylor;
            var gradientIsZero = exact.All(g => g == 0);
            return right.Passed && (gradientIsZero || (!wrong.Passed && wrong.ObservedOrder is > 0.8 and < 1.2));
        }).QuickCheckThrowOnFailure();
    }
}
