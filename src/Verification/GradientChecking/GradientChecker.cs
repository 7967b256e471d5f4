using System.Runtime.InteropServices;
using TensorLinear.Autograd;
using TensorLinear.Numerics;
using static TorchSharp.torch;

namespace TensorLinear.Verification.GradientChecking;

/// <summary>
/// The gradient checker: checks a claimed gradient (or Jacobian) against Richardson-extrapolated central differences,
/// against libtorch autograd when f is written with TorchSharp tensors, and with the Taylor test along a seeded random direction.
/// Kinks (|x| at 0, the L1 norm at a zero component, max at a tie) are recognised and reported as such. Every bound is
/// derived from the samples and the unit roundoff (docs/gradcheck.md), not chosen.
/// </summary>
/// <example>
/// C#: <c>var report = GradientChecker.Check(x =&gt; x[0] * x[0], x =&gt; [2 * x[0]], [3.0]);</c><br/>
/// F#: <c>let report = GradientChecker.Check((fun x -&gt; x[0] * x[0]), (fun x -&gt; [| 2.0 * x[0] |]), [| 3.0 |])</c><br/>
/// With a TorchSharp function, three ways: <c>GradientChecker.CheckWithAutograd((fun t -&gt; t.exp().sum()), (fun x -&gt; Array.map exp x), x)</c>.
/// </example>
/// <remarks>
/// The forms for a function of <c>double[]</c> and for one written with tensors have different names
/// (<see cref="Check"/>, <see cref="CheckWithAutograd"/>; <see cref="CheckJacobian"/>,
/// <see cref="CheckJacobianWithAutograd"/>) rather than being overloads of one name: F# infers a lambda's parameter type
/// from the method only when every overload agrees on it, so with both overloads <c>fun x -&gt; x[0] * x[0]</c> did not
/// compile (FS0752), and C# needed an overload-resolution priority for lambdas such as <c>x =&gt; x.Max()</c>.
/// </remarks>
public static partial class GradientChecker
{
    /// <summary>
    /// Checks <paramref name="claimedGradient"/> against central finite differences of f at x, and runs the Taylor
    /// test with it. Costs about 4n + 1 evaluations of f (more at kinks and disagreements) plus a few dozen for the
    /// Taylor test.
    /// </summary>
    /// <param name="f">f: ℝⁿ → ℝ, finite at x.</param>
    /// <param name="claimedGradient">The gradient to check, as a function of x (called once, at x).</param>
    /// <param name="x">The point, non-empty and finite.</param>
    /// <param name="options">Settings; <see cref="GradientCheckOptions.Default"/> when null.</param>
    /// <exception cref="InvalidInputException">
    /// x empty or not finite; the claimed gradient of the wrong length; f not finite at x (or at x ± h even for tiny h);
    /// an option out of range.
    /// </exception>
    public static GradientReport Check(Func<double[], double> f, Func<double[], double[]> claimedGradient, double[] x, GradientCheckOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(claimedGradient);
        Numerics.Check.Vector(x, nameof(x));
        options ??= GradientCheckOptions.Default;
        options.Validate();
        var sampled = SampledFunction.Scalar(f, x.Length);
        var f0 = sampled.ValueAt(x);
        var claimed = ClaimedGradient(claimedGradient, x);
        return GradientCore(sampled, f0, claimed, autograd: null, x, options);
    }

    /// <summary>
    /// Checks <paramref name="claimedGradient"/> against a function written with TorchSharp tensor operations: three
    /// ways, against libtorch autograd's gradient and against central finite differences of f, saying which pair
    /// disagrees. f gets a float64 vector of n elements (requiring gradients when autograd runs, with no graph recorded
    /// when it is sampled) and must return a float64 tensor with one element; every tensor created during each call is
    /// released after it (a dispose scope), so f must not keep them.
    /// </summary>
    /// <param name="f">f: ℝⁿ → ℝ written with tensors, e.g. <c>t =&gt; t.exp().sum()</c>; it must not change its input in place.</param>
    /// <param name="claimedGradient">The gradient to check, as a function of x (called once, at x).</param>
    /// <param name="x">The point, non-empty and finite.</param>
    /// <param name="options">Settings; <see cref="GradientCheckOptions.Default"/> when null.</param>
    /// <exception cref="InvalidInputException">
    /// As for <see cref="Check"/>; also when f returns null, a disposed tensor, a tensor that is not float64
    /// (<see cref="OutOfDomainException"/>), or one with more than one element (<see cref="DimensionMismatchException"/>).
    /// </exception>
    /// <exception cref="TorchException">libtorch refused an operation inside f (the message keeps libtorch's first line).</exception>
    public static GradientReport CheckWithAutograd(Func<Tensor, Tensor> f, Func<double[], double[]> claimedGradient, double[] x, GradientCheckOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(claimedGradient);
        Numerics.Check.Vector(x, nameof(x));
        options ??= GradientCheckOptions.Default;
        options.Validate();
        Torch.Initialize(); // before the first TorchSharp call: it applies the libstdc++ fix where needed
        var sampled = SampledFunction.Scalar(t => TensorValue(f, t), x.Length);
        var f0 = sampled.ValueAt(x);
        var autograd = AutogradJacobian(f, x, scalar: true);
        var claimed = ClaimedGradient(claimedGradient, x);
        return GradientCore(sampled, f0, claimed, Row(autograd), x, options);
    }

    /// <summary>
    /// Checks a claimed m×n Jacobian of f: ℝⁿ → ℝᵐ against central finite differences, entry by entry, and runs the
    /// Taylor test ‖f(x + hv) − f(x) − h·J·v‖∞ = O(h²).
    /// </summary>
    /// <param name="f">f: ℝⁿ → ℝᵐ, finite at x; it must always return m values.</param>
    /// <param name="claimedJacobian">The Jacobian to check (m rows, n columns), as a function of x.</param>
    /// <param name="x">The point, non-empty and finite.</param>
    /// <param name="options">Settings; defaults when null.</param>
    /// <exception cref="InvalidInputException">As for <see cref="Check"/>, or a Jacobian of the wrong shape.</exception>
    public static JacobianReport CheckJacobian(Func<double[], double[]> f, Func<double[], double[,]> claimedJacobian, double[] x, GradientCheckOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(claimedJacobian);
        Numerics.Check.Vector(x, nameof(x));
        options ??= GradientCheckOptions.Default;
        options.Validate();
        var sampled = SampledFunction.Vector(f, x, out var f0);
        var claimed = ClaimedJacobian(claimedJacobian, x, sampled.OutputLength);
        return JacobianCore(sampled, f0, claimed, autograd: null, x, options);
    }

    /// <summary>
    /// Checks a claimed Jacobian of a function written with TorchSharp tensor operations (a float64 vector of m elements
    /// out), three ways: against autograd's Jacobian (m backward passes) and against central finite differences. f is
    /// called as in <see cref="CheckWithAutograd"/>.
    /// </summary>
    /// <param name="f">f: ℝⁿ → ℝᵐ written with tensors; it must always return m values.</param>
    /// <param name="claimedJacobian">The Jacobian to check (m rows, n columns).</param>
    /// <param name="x">The point, non-empty and finite.</param>
    /// <param name="options">Settings; defaults when null.</param>
    /// <exception cref="InvalidInputException">
    /// As for <see cref="CheckJacobian"/>; also when f returns null, a disposed tensor, a tensor that is not float64
    /// (<see cref="OutOfDomainException"/>), or one of more than one dimension (<see cref="DimensionMismatchException"/>).
    /// </exception>
    /// <exception cref="TorchException">libtorch refused an operation inside f.</exception>
    public static JacobianReport CheckJacobianWithAutograd(Func<Tensor, Tensor> f, Func<double[], double[,]> claimedJacobian, double[] x, GradientCheckOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(claimedJacobian);
        Numerics.Check.Vector(x, nameof(x));
        options ??= GradientCheckOptions.Default;
        options.Validate();
        Torch.Initialize(); // before the first TorchSharp call: it applies the libstdc++ fix where needed
        var sampled = SampledFunction.Vector(t => TensorValues(f, t), x, out var f0);
        var autograd = AutogradJacobian(f, x, scalar: false);
        var claimed = ClaimedJacobian(claimedJacobian, x, sampled.OutputLength);
        return JacobianCore(sampled, f0, claimed, autograd, x, options);
    }

    // ---- the shared core ------------------------------------------------------------------------------------------

    internal static GradientReport GradientCore(SampledFunction f, double[] f0, double[] claimed, double[]? autograd, double[] x, GradientCheckOptions options, Witness second = Witness.Autograd)
    {
        var jacobian = new double[1, claimed.Length];
        for (var j = 0; j < claimed.Length; j++) jacobian[0, j] = claimed[j];
        var analysis = Analyse(f, f0, jacobian, autograd is null ? null : ToRow(autograd), second, x, options);
        var coordinates = Enumerable.Range(0, x.Length)
            .Select(j => new CoordinateCheck(j, claimed[j], autograd?[j], analysis.Entries[0, j]))
            .ToArray();
        var verdict = Overall(coordinates.Select(c => c.Verdict), analysis.Taylor, analysis.Kinks);
        return new GradientReport
        {
            Verdict = verdict,
            Coordinates = coordinates,
            Taylor = analysis.Taylor,
            KinkTest = analysis.Kinks,
            Point = (double[])x.Clone(),
            FunctionValue = f0[0],
            TaylorDirection = analysis.Direction,
            Seed = options.Seed,
            SecondWitness = autograd is null ? null : second,
            FunctionRelativeError = analysis.Rho,
            TermScale = analysis.Survey.Scale[0],
            NoiseLevel = analysis.Survey.Sigma[0],
            NoiseSamples = analysis.Survey.NoiseSamples,
            Tolerance = options.Tolerance,
            Evaluations = f.Evaluations,
            MaxRows = options.MaxRowsInText,
        };
    }

    internal static JacobianReport JacobianCore(SampledFunction f, double[] f0, double[,] claimed, double[,]? autograd, double[] x, GradientCheckOptions options, Witness second = Witness.Autograd)
    {
        var analysis = Analyse(f, f0, claimed, autograd, second, x, options);
        var m = f0.Length;
        var entries = new List<JacobianEntryCheck>(m * x.Length);
        var fd = new double[m, x.Length];
        for (var i = 0; i < m; i++)
            for (var j = 0; j < x.Length; j++)
            {
                entries.Add(new JacobianEntryCheck(i, j, claimed[i, j], autograd?[i, j], analysis.Entries[i, j]));
                fd[i, j] = analysis.Entries[i, j].FiniteDifference;
            }
        return new JacobianReport
        {
            Verdict = Overall(entries.Select(e => e.Verdict), analysis.Taylor, analysis.Kinks),
            Entries = entries,
            Rows = m,
            Columns = x.Length,
            Claimed = (double[,])claimed.Clone(),
            Autograd = autograd is null ? null : (double[,])autograd.Clone(),
            FiniteDifference = fd,
            Taylor = analysis.Taylor,
            KinkTest = analysis.Kinks,
            Point = (double[])x.Clone(),
            FunctionValue = (double[])f0.Clone(),
            TaylorDirection = analysis.Direction,
            Seed = options.Seed,
            SecondWitness = autograd is null ? null : second,
            FunctionRelativeError = analysis.Rho,
            TermScales = (double[])analysis.Survey.Scale.Clone(),
            NoiseLevels = (double[])analysis.Survey.Sigma.Clone(),
            NoiseSamples = analysis.Survey.NoiseSamples,
            Tolerance = options.Tolerance,
            Evaluations = f.Evaluations,
            MaxRows = options.MaxRowsInText,
        };
    }

    /// <summary>
    /// The whole report's verdict: Disagrees when any entry, the Taylor test or the kink test disagrees; else
    /// Inconclusive when any of them is; else Agrees. A test that was not run does not count.
    /// </summary>
    internal static Verdict Overall(IEnumerable<Verdict> entries, TaylorTestResult taylor, KinkTestResult kinks)
    {
        var all = entries.ToList();
        if (taylor.WasRun) all.Add(taylor.Verdict);
        if (kinks.WasRun) all.Add(kinks.Verdict);
        return all.Contains(Verdict.Disagrees) ? Verdict.Disagrees : all.Contains(Verdict.Inconclusive) ? Verdict.Inconclusive : Verdict.Agrees;
    }

    private sealed record Analysis(EntryResult[,] Entries, TaylorTestResult Taylor, KinkTestResult Kinks, double[] Direction, double Rho, DerivativeSurvey Survey);

    /// <summary>
    /// Every entry's verdict; the Taylor test along a random direction that leaves out the coordinates with a kink at
    /// or near x;
    /// and, when there is a kink (along an axis, or along the Taylor direction: an O(h) remainder although every entry
    /// agrees), the kink test along several directions.
    /// </summary>
    private static Analysis Analyse(SampledFunction f, double[] f0, double[,] claimed, double[,]? autograd, Witness second, double[] x, GradientCheckOptions options)
    {
        var n = x.Length;
        var m = f0.Length;
        var rho = options.RelativeErrorFor(n);
        var entries = new EntryResult[m, n];
        var kinkColumn = new bool[n];
        var nearKink = new bool[n];
        options.ValidateScales(n);
        var survey = DerivativeSurvey.Take(f, x, f0, rho, options.Seed, options.Step, options.CoordinateScales);
        for (var j = 0; j < n; j++)
        {
            for (var i = 0; i < m; i++)
            {
                var r = EntryAnalysis.Analyse(survey, i, j, claimed[i, j], autograd?[i, j], second, options);
                entries[i, j] = r;
                kinkColumn[j] |= r.LeftSlope is not null;
                nearKink[j] |= r.LeftSlope is not null || (options.DetectKinks && survey.Kinks[i, j]);
            }
        }
        var noise = Enumerable.Range(0, m).Select(survey.Noise).ToArray();
        var finite = true;
        foreach (var v in claimed) finite &= double.IsFinite(v);
        var direction = RandomDirection(x, options.Seed, nearKink, options.CoordinateScales, scaled: true);
        var taylor = !options.RunTaylorTest
            ? TaylorTestResult.NotRun
            : finite
                ? TaylorTest.RunCore(f, f0, claimed, x, direction, options.TaylorHalvings, noise)
                : TaylorTestResult.NotRunBecause("not run: the claimed derivative holds NaN or an infinity");

        // For a differentiable f, right partial derivatives make every directional derivative right: an O(h) Taylor
        // remainder while every entry agrees means f is not differentiable along the direction (a kink off the axes).
        var extra = new List<double[]>();
        var allAgree = true;
        foreach (var r in entries) allAgree &= r.Verdict == Verdict.Agrees;
        if (taylor.Verdict == Verdict.Disagrees && allAgree)
        {
            extra.Add(direction);
            taylor = taylor with
            {
                Verdict = Verdict.Inconclusive,
                Reason = taylor.Reason + "; yet every entry agrees, so f is not differentiable along this direction (a kink within h·v of x): the kink test decides",
            };
        }
        var kinks = options.DetectKinks && finite && (kinkColumn.Any(k => k) || extra.Count > 0)
            ? KinkTest.Run(f, f0, x, claimed, autograd, KinkTest.Directions(x, kinkColumn, extra, options.Seed, options.CoordinateScales), noise)
            : KinkTestResult.NotRun;
        return new Analysis(entries, taylor, kinks, options.RunTaylorTest ? direction : [], rho, survey);
    }

    /// <summary>
    /// A standard normal direction from <see cref="Random"/> seeded with <paramref name="seed"/> (Box–Muller), each
    /// component scaled by σⱼ (<see cref="StepRule.Scale"/>) when <paramref name="scaled"/>, so the step is relative to
    /// each coordinate's magnitude; excluded coordinates (kinks) are 0.
    /// </summary>
    internal static double[] RandomDirection(double[] x, int seed, bool[] exclude, double[]? typical, bool scaled)
    {
        var random = new Random(seed);
        var v = new double[x.Length];
        for (var j = 0; j < x.Length; j++)
        {
            var u1 = 1.0 - random.NextDouble(); // (0, 1]
            var u2 = random.NextDouble();
            var z = Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
            v[j] = exclude[j] ? 0.0 : scaled ? z * StepRule.Scale(x, j, typical) : z;
        }
        return v;
    }

    // ---- inputs -----------------------------------------------------------------------------------------------------

    private static double[] ClaimedGradient(Func<double[], double[]> claimedGradient, double[] x)
    {
        var g = claimedGradient((double[])x.Clone()) ?? throw new OutOfDomainException(nameof(claimedGradient), "returned null; it must return a vector of the length of x");
        Numerics.Check.SameLength(x.Length, nameof(x), g.Length, nameof(claimedGradient));
        return (double[])g.Clone();
    }

    private static double[,] ClaimedJacobian(Func<double[], double[,]> claimedJacobian, double[] x, int m)
    {
        var j = claimedJacobian((double[])x.Clone()) ?? throw new OutOfDomainException(nameof(claimedJacobian), "returned null; it must return an m×n matrix");
        if (j.GetLength(0) != m || j.GetLength(1) != x.Length)
            throw new DimensionMismatchException(nameof(claimedJacobian), FormattableString.Invariant(
                $"is {j.GetLength(0)}×{j.GetLength(1)} but f maps {x.Length} inputs to {m} outputs, so it must be {m}×{x.Length}"));
        return (double[,])j.Clone();
    }

    private static double[] Row(double[,] matrix)
    {
        var row = new double[matrix.GetLength(1)];
        for (var j = 0; j < row.Length; j++) row[j] = matrix[0, j];
        return row;
    }

    private static double[,] ToRow(double[] vector)
    {
        var m = new double[1, vector.Length];
        for (var j = 0; j < vector.Length; j++) m[0, j] = vector[j];
        return m;
    }

    // ---- tensors -------------------------------------------------------------------------------------------------------

    /// <summary>f at x without recording a graph; every tensor made on the way is released.</summary>
    internal static double TensorValue(Func<Tensor, Tensor> f, double[] x)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        return Output(Call(f, tensor(x)), scalar: true).ToDouble();
    }

    /// <summary>The m values of a vector-valued tensor f at x.</summary>
    private static double[] TensorValues(Func<Tensor, Tensor> f, double[] x)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        return Output(Call(f, tensor(x)), scalar: false).ToDoubles();
    }

    /// <summary>
    /// autograd's Jacobian of f at x (1×n for a scalar f): one backward pass per output, the graph kept between them
    /// (<see cref="Torch.Gradients"/> always keeps it; the dispose scope frees it). An output that does not depend on
    /// x has a zero row.
    /// </summary>
    internal static double[,] AutogradJacobian(Func<Tensor, Tensor> f, double[] x, bool scalar)
    {
        using var scope = NewDisposeScope();
        var input = tensor(x, requires_grad: true);
        var y = Output(Call(f, input), scalar).reshape(-1);
        var m = (int)y.numel();
        var jacobian = new double[m, x.Length];
        for (var i = 0; i < m; i++)
        {
            var row = Torch.Gradients([y[i]], [input])[0].ToDoubles();
            for (var j = 0; j < x.Length; j++) jacobian[i, j] = row[j];
        }
        return jacobian;
    }

    // libtorch's refusal of an operation inside f (mismatched shapes, an in-place change of x) arrives as TorchSharp's
    // ExternalException with a page of C++ backtrace: it becomes a TorchException carrying libtorch's first line.
    private static Tensor? Call(Func<Tensor, Tensor> f, Tensor x)
    {
        try
        {
            return f(x);
        }
        catch (ExternalException e)
        {
            throw new TorchException("f (the tensor function under check)", e.Message, e);
        }
    }

    private static Tensor Output(Tensor? y, bool scalar)
    {
        if (y is null) throw new OutOfDomainException("f", "returned null; it must return a tensor");
        if (y.IsInvalid) throw new OutOfDomainException("f", "returned a tensor that has been disposed; return it undisposed (the checker releases it)");
        if (y.dtype != ScalarType.Float64)
            throw new OutOfDomainException("f", $"returned a {y.dtype} tensor; the checker's bounds are for float64, so compute f in float64 (the input it receives is float64; TorchSharp creates float32 unless told otherwise)");
        if (scalar && y.numel() != 1)
            throw new DimensionMismatchException("f", $"returned a tensor of shape {Shape(y)}; a gradient check needs a scalar (use CheckJacobianWithAutograd for a vector)");
        if (!scalar && y.dim() > 1)
            throw new DimensionMismatchException("f", $"returned a tensor of shape {Shape(y)}; a Jacobian check needs a vector (0 or 1 dimensions)");
        return y;
    }

    private static string Shape(Tensor y) => "[" + string.Join(", ", y.shape) + "]";
}
