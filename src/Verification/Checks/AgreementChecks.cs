using TensorLinear.Verification.Cases;
using TensorLinear.Autograd;
using TensorLinear.Autograd.Models;
using TensorLinear.Models;
using TensorLinear.Training;
using TensorLinear.Verification.Catalog;
using TensorLinear.Verification.GradientChecking;
using TensorLinear.Verification.Tolerances;

namespace TensorLinear.Verification.Checks;

/// <summary>
/// The checks as functions of a catalog entry and one input, each returning a <see cref="CheckResult"/> whose
/// elements carry the values compared, the error of the pair furthest out and the bound from
/// <see cref="TolerancePolicy"/>. The property tests call them one check at a time; <see cref="Verifier"/> calls
/// <see cref="RunAll"/>, which shares the evaluations between the checks of a case.
/// </summary>
public static partial class AgreementChecks
{
    /// <summary>The pair name for reference against tensor twin.</summary>
    public const string ReferenceVersusAutograd = "reference vs autograd";

    /// <summary>The pair name for reference (hand) against finite differences.</summary>
    public const string ReferenceVersusFiniteDifference = "reference vs finite difference";

    /// <summary>The pair name for autograd against finite differences.</summary>
    public const string AutogradVersusFiniteDifference = "autograd vs finite difference";

    /// <summary>Runs one check on one input.</summary>
    /// <exception cref="ArgumentException">The check does not apply to the entry (see <see cref="Derivation.Checks"/>).</exception>
    public static CheckResult Run(CheckKind kind, Derivation derivation, CaseInput input)
    {
        ArgumentNullException.ThrowIfNull(derivation);
        ArgumentNullException.ThrowIfNull(input);
        if (!derivation.Checks.Contains(kind))
            throw new ArgumentException($"the check {kind} does not apply to {derivation.Name}", nameof(kind));
        return Run(kind, new CaseEvaluation(derivation, input));
    }

    /// <summary>Runs every check that applies to the entry on one input (identities one result each).</summary>
    public static IReadOnlyList<CheckResult> RunAll(Derivation derivation, CaseInput input)
    {
        ArgumentNullException.ThrowIfNull(derivation);
        ArgumentNullException.ThrowIfNull(input);
        var evaluation = new CaseEvaluation(derivation, input);
        var results = new List<CheckResult>();
        foreach (var kind in derivation.Checks)
        {
            if (kind == CheckKind.Identities)
                results.AddRange(derivation.Identities.Select(identity => Guarded(kind, evaluation, () => IdentityCheck(evaluation, identity))));
            else
                results.Add(Guarded(kind, evaluation, () => Run(kind, evaluation)));
        }
        return results;
    }

    /// <summary>Checks one identity of the entry on one input.</summary>
    public static CheckResult Identity(Derivation derivation, Identity identity, CaseInput input)
    {
        ArgumentNullException.ThrowIfNull(derivation);
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(input);
        return IdentityCheck(new CaseEvaluation(derivation, input), identity);
    }

    private static CheckResult Run(CheckKind kind, CaseEvaluation e) => kind switch
    {
        CheckKind.Values => Values(e),
        CheckKind.Gradients => Gradients(e),
        CheckKind.FiniteDifferences => FiniteDifferences(e),
        CheckKind.Hessian => Hessian(e),
        CheckKind.Descent => Descent(e),
        CheckKind.Identities => Identities(e),
        CheckKind.Taylor => Taylor(e),
        CheckKind.ReferenceTruth or CheckKind.TwinTruth => Truth(e, kind),
        CheckKind.ForwardMode => ForwardMode(e),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown check"),
    };

    // An exception inside a check (a typed error from either side, a libtorch failure) fails that check with its message
    // instead of ending the whole run.
    private static CheckResult Guarded(CheckKind kind, CaseEvaluation e, Func<CheckResult> check)
    {
        try { return check(); }
        catch (Exception ex) when (ex is TensorLinearException or ArithmeticException or InvalidOperationException or ArgumentException)
        {
            return new CheckResult
            {
                Kind = kind, Name = kind.ToString().ToLowerInvariant(), Derivation = e.Derivation.Name, Input = e.Input, Passed = false,
                Detail = $"threw {ex.GetType().Name}: {ex.Message}",
            };
        }
    }

    // ---- 1. values -----------------------------------------------------------------------------------------------

    private static CheckResult Values(CaseEvaluation e)
    {
        double[] reference = e.ReferenceValues, twin = e.TwinValues;
        var bounds = e.ValueError;
        var elements = new List<ElementCheck>();
        if (twin.Length != reference.Length)
            return Result(e, CheckKind.Values, "values (reference vs twin)", [], $"the twin returned {twin.Length} values, the reference {reference.Length}");
        for (var i = 0; i < reference.Length; i++)
        {
            var bound = TolerancePolicy.BetweenImplementations(bounds[i], bounds[i]);
            elements.Add(new ElementCheck
            {
                Index = i, Element = reference.Length == 1 ? "value" : $"value[{i}]", Reference = reference[i], Autograd = twin[i],
                Pair = ReferenceVersusAutograd, AbsoluteError = Math.Abs(reference[i] - twin[i]), Bound = bound.Value, Scale = bound.Scale, Rule = bound.Rule,
            });
        }
        return Result(e, CheckKind.Values, "values (reference vs twin)", elements);
    }

    // ---- 2. hand vs autograd -------------------------------------------------------------------------------------

    private static CheckResult Gradients(CaseEvaluation e)
    {
        const string name = "gradients (hand vs autograd)";
        var hand = e.Hand!;
        var autograd = e.Autograd;
        var bounds = e.JacobianError;
        var elements = new List<ElementCheck>();
        for (var i = 0; i < hand.GetLength(0); i++)
            for (var j = 0; j < hand.GetLength(1); j++)
            {
                var bound = TolerancePolicy.BetweenImplementations(bounds[i, j], bounds[i, j]);
                elements.Add(new ElementCheck
                {
                    Index = i * hand.GetLength(1) + j, Element = e.EntryName(i, j), Reference = hand[i, j], Autograd = autograd[i, j],
                    Pair = ReferenceVersusAutograd, AbsoluteError = Math.Abs(hand[i, j] - autograd[i, j]), Bound = bound.Value, Scale = bound.Scale, Rule = bound.Rule,
                });
            }
        return Result(e, CheckKind.Gradients, name, elements);
    }

    // ---- 3. finite differences -----------------------------------------------------------------------------------

    private static CheckResult FiniteDifferences(CaseEvaluation e)
    {
        const string name = "finite differences (hand and autograd vs central differences)";
        var fd = e.FiniteDifferences;
        var hand = e.Hand;
        var autograd = e.Autograd;
        var bounds = e.JacobianError;
        var n = e.Theta.Length;
        var elements = new List<ElementCheck>();
        var kinks = 0;
        var inconclusive = 0;
        foreach (var entry in fd.Entries)
        {
            int i = entry.Row, j = entry.Column;
            // The checker could not tell (a kink within its step but not at the point): no finite difference to compare.
            if (entry.Inconclusive is not null && !entry.Kink)
            {
                inconclusive++;
                continue;
            }
            var b = bounds[i, j];
            var values = new List<(string Pair, double Value)>();
            if (hand is not null) values.Add((ReferenceVersusFiniteDifference, hand[i, j]));
            values.Add((AutogradVersusFiniteDifference, autograd[i, j]));
            var scale = Math.Max(b.Scale, Math.Max(Math.Abs(entry.Value), values.Max(v => Math.Abs(v.Value))));
            var candidates = new List<ElementCheck>();
            foreach (var (pair, value) in values)
            {
                double error, bound;
                string rule, note;
                if (entry.Kink)
                {
                    // A kink: any value between the one-sided slopes is a subgradient; the error is the distance outside.
                    double lo = Math.Min(entry.LeftSlope!.Value, entry.RightSlope!.Value), hi = Math.Max(entry.LeftSlope.Value, entry.RightSlope.Value);
                    error = Math.Max(0.0, Math.Max(lo - value, value - hi));
                    bound = entry.KinkMargin + b.Value + TolerancePolicy.UnderflowFloor;
                    rule = "kink: distance outside [left slope, right slope] ≤ checker's margin + value bound";
                    note = CheckResult.Invariant($"kink, one-sided slopes {CheckResult.Sci(entry.LeftSlope.Value)} and {CheckResult.Sci(entry.RightSlope.Value)}");
                }
                else
                {
                    var against = TolerancePolicy.AgainstFiniteDifference(b, entry.Error);
                    error = Math.Abs(value - entry.Value);
                    bound = against.Value;
                    rule = against.Rule;
                    note = "";
                }
                candidates.Add(new ElementCheck
                {
                    Index = i * n + j, Element = e.EntryName(i, j), Reference = hand?[i, j] ?? double.NaN, Autograd = autograd[i, j],
                    FiniteDifference = entry.Value, Pair = pair, AbsoluteError = error, Bound = bound, Scale = scale, Rule = rule,
                    Note = note.Length == 0 ? null : note,
                });
            }
            if (entry.Kink) kinks++;
            var worst = candidates.MaxBy(c => c.Ratio)!;
            var others = candidates.Where(c => c != worst && !c.Passed).Select(c => c.Pair + " also out of bounds").ToArray();
            if (others.Length > 0) worst = worst with { Note = string.Join("; ", new[] { worst.Note }.Concat(others).Where(s => s is not null)) };
            elements.Add(worst);
        }
        var notes = new[] { kinks > 0 ? $"{kinks} kink(s) recognised" : null, inconclusive > 0 ? $"{inconclusive} inconclusive (f not smooth on the scale of the step)" : null }.Where(n => n is not null).ToArray();
        return Result(e, CheckKind.FiniteDifferences, name, elements, notes.Length > 0 ? string.Join("; ", notes) : null);
    }

    // ---- 4. Hessian ----------------------------------------------------------------------------------------------

    private static CheckResult Hessian(CaseEvaluation e)
    {
        const string name = "Hessian (hand vs double backward vs finite differences of the gradient)";
        var problem = e.Problem.Hessian ?? throw new InvalidOperationException($"{e.Derivation.Name} has no Hessian");
        var theta = e.Theta;
        var n = theta.Length;
        var hand = problem.Hand(theta);
        var autograd = Torch.Hessian(problem.SmoothTwin, theta);
        var bounds = problem.Error(theta);
        // Finite differences of the hand gradient in the checker's frame: ψ(u) = d·∇f(d·u) + C, whose Jacobian is D·H·D.
        var d = e.Scales;
        var gradientError = problem.SmoothGradientError(theta);
        var scaledErrors = gradientError.Select((b, j) => new Bound(b.Value * d[j], b.Scale * d[j], b.Rule)).ToArray();
        var scaledGradient = problem.SmoothGradient(theta).Select((g, j) => g * d[j]).ToArray();
        var frame = new CheckerFrame(t => problem.SmoothGradient(t).Select((g, j) => g * d[j]).ToArray(), theta, d);
        var claimed = frame.ToFrame(hand);
        for (var j = 0; j < n; j++)
            for (var k = 0; k < n; k++) claimed[j, k] *= d[j];
        var report = GradientChecker.CheckJacobian(frame.Evaluate, _ => claimed, frame.Point,
            new GradientCheckOptions { Seed = e.Input.ContentSeed, FunctionRelativeError = frame.Rho, RunTaylorTest = false, CoordinateScales = frame.UnitScales });
        var elements = new List<ElementCheck>();
        foreach (var entry in report.Entries)
        {
            int j = entry.Row, k = entry.Column;
            var b = bounds[j, k];
            var fdValue = entry.FiniteDifference / (d[j] * d[k]);
            var fdError = (entry.Truncation + entry.Rounding) / (d[j] * d[k]);
            var scale = Math.Max(b.Scale, Math.Abs(hand[j, k]));
            var label = $"H[{e.Problem.Variables[j]}, {e.Problem.Variables[k]}]";
            ElementCheck Pair(string pair, double a, double c, double bound, string rule) => new()
            {
                Index = j * n + k, Element = label, Reference = hand[j, k], Autograd = autograd[j, k], FiniteDifference = fdValue,
                Pair = pair, AbsoluteError = Math.Abs(a - c), Bound = bound, Scale = scale, Rule = rule,
            };
            Bound between = TolerancePolicy.BetweenImplementations(b, b), against = TolerancePolicy.AgainstFiniteDifference(b, fdError);
            ElementCheck[] pairs =
            [
                Pair(ReferenceVersusAutograd, hand[j, k], autograd[j, k], between.Value, between.Rule),
                Pair(ReferenceVersusFiniteDifference, hand[j, k], fdValue, against.Value, against.Rule),
                Pair(AutogradVersusFiniteDifference, autograd[j, k], fdValue, against.Value, against.Rule),
            ];
            elements.Add(pairs.MaxBy(p => p.Ratio)!);
        }
        return Result(e, CheckKind.Hessian, name, elements);
    }

    // ---- 5. gradient descent ---------------------------------------------------------------------------------------

    // The torch engine's two training paths: the canonical autograd loop and the one-pass kernel.
    private static readonly TorchEngine[] TorchEngines = [TorchEngine.Instance, new(new TorchEngineOptions { TrainingPath = TrainingPath.OnePass })];

    private static CheckResult Descent(CaseEvaluation e)
    {
        const string name = "gradient descent (reference engine vs the torch engine's autograd and one-pass paths, epoch by epoch)";
        var p = (e.Problem.Descent ?? throw new InvalidOperationException($"{e.Derivation.Name} has no descent"))();
        var d = p.Data.FeatureCount;
        var smooth = new Penalty(l2: p.Penalty.L2);
        var options = new TrainingOptions
        {
            LearningRate = p.LearningRate, MaxEpochs = 1, Tolerance = 0.0, Penalty = p.Penalty, FitIntercept = p.FitIntercept,
            DivergencePatience = 1000,
        };
        var names = e.Problem.Variables;
        var elements = new List<ElementCheck>();

        // The reference's iterates, and the bound on how far another engine's may be after each epoch.
        var thetaR = (double[])p.Start.Clone();
        var deviation = 0.0;
        var deviations = new double[p.Epochs + 1];
        var iterates = new double[p.Epochs + 1][];
        iterates[0] = thetaR;
        for (var t = 1; t <= p.Epochs; t++)
        {
            // The error this epoch adds, at the reference's iterate before the step (TolerancePolicy.DescentStepError).
            var model = LinearModel.FromParameterVector(thetaR);
            var g = p.SmoothGradient(thetaR);
            var step = TolerancePolicy.DescentStepError(TolerancePolicy.ModelGradient(p.Kind, p.Data, thetaR, smooth), thetaR, g, p.LearningRate, p.Penalty.L1);
            if (!p.FitIntercept) step[d] = 0.0;
            deviation += Math.Sqrt(step.Sum(v => v * v));
            deviations[t] = deviation;
            thetaR = p.Train(p.Kind, p.Data, options, model, null).Model.ToParameterVector();
            iterates[t] = thetaR;
        }
        var full = options with { MaxEpochs = p.Epochs };
        var runR = p.Train(p.Kind, p.Data, full, LinearModel.FromParameterVector(p.Start), null);
        double[] finalR = runR.Model.ToParameterVector();
        var detail = CheckResult.Invariant($"{p.Epochs} epoch(s), η = {CheckResult.Sci(p.LearningRate)} = {CheckResult.Sci(p.LearningRate * p.Lipschitz)}/L");

        for (var k = 0; k < TorchEngines.Length; k++)
        {
            var torch = TorchEngines[k];
            var pair = $"reference engine vs {torch.Name} engine";
            var offset = k * (p.Epochs + 3) * (d + 1 + p.Epochs + 1);
            var thetaT = (double[])p.Start.Clone();
            for (var t = 1; t <= p.Epochs; t++)
            {
                thetaT = torch.Train(p.Kind, p.Data, options, LinearModel.FromParameterVector(thetaT)).Model.ToParameterVector();
                for (var j = 0; j <= d; j++)
                    elements.Add(new ElementCheck
                    {
                        Index = offset + t * (d + 1) + j, Element = $"epoch {t}: {names[j]}", Reference = iterates[t][j], Autograd = thetaT[j], Pair = pair,
                        AbsoluteError = Math.Abs(iterates[t][j] - thetaT[j]), Bound = deviations[t] + TolerancePolicy.UnderflowFloor,
                        Scale = Math.Max(Math.Abs(iterates[t][j]), 1e-300),
                        Rule = "Σₛ ‖eₛ‖₂ over the epochs so far (non-expansive steps; see DescentStepError)",
                    });
            }

            // One run of k epochs on each engine: the same weights at the end, and the loss histories epoch by epoch.
            var runT = torch.Train(p.Kind, p.Data, full, LinearModel.FromParameterVector(p.Start));
            var finalT = runT.Model.ToParameterVector();
            for (var j = 0; j <= d; j++)
                elements.Add(new ElementCheck
                {
                    Index = offset + (p.Epochs + 1) * (d + 1) + j, Element = $"one run of {p.Epochs}: {names[j]}", Reference = finalR[j], Autograd = finalT[j],
                    Pair = pair, AbsoluteError = Math.Abs(finalR[j] - finalT[j]), Bound = deviation + TolerancePolicy.UnderflowFloor,
                    Scale = Math.Max(Math.Abs(finalR[j]), 1e-300), Rule = "Σₛ ‖eₛ‖₂ over all epochs",
                });
            var epochs = Math.Min(runR.LossHistory.Length, runT.LossHistory.Length);
            for (var t = 0; t < epochs && t <= p.Epochs; t++)
            {
                var gradientNorm = Math.Sqrt(p.SmoothGradient(iterates[t]).Sum(v => v * v));
                var bound = TolerancePolicy.LossAtNearbyParameters(TolerancePolicy.ModelLoss(p.Kind, p.Data, iterates[t], p.Penalty),
                    gradientNorm, p.Lipschitz, deviations[t], p.Penalty.L1, d);
                elements.Add(new ElementCheck
                {
                    Index = offset + (p.Epochs + 2) * (d + 1) + t, Element = $"loss after epoch {t}", Reference = runR.LossHistory[t], Autograd = runT.LossHistory[t],
                    Pair = pair, AbsoluteError = Math.Abs(runR.LossHistory[t] - runT.LossHistory[t]),
                    Bound = bound.Value + TolerancePolicy.UnderflowFloor, Scale = bound.Scale, Rule = bound.Rule,
                });
            }
            // With tolerance 0 a run stops only at an exact fixed point of the floating-point iteration (a step that
            // changes nothing), where the weights are the same whether or not it stops; the engines may judge that point
            // differently (see docs/tolerances.md, "descent"), so the weights are compared and the stop is only reported.
            if (runR.Epochs != runT.Epochs) detail += $"; the reference run stopped after {runR.Epochs} epoch(s), the {torch.Name} run after {runT.Epochs}";
        }
        return Result(e, CheckKind.Descent, name, elements, detail);
    }

    // ---- 6. identities -------------------------------------------------------------------------------------------

    private static CheckResult Identities(CaseEvaluation e)
    {
        var elements = new List<ElementCheck>();
        foreach (var identity in e.Derivation.Identities)
            elements.AddRange(identity.Check(e.Input).Select(c => c with { Element = $"{identity.Name}: {c.Element}" }));
        return Result(e, CheckKind.Identities, "identities", elements);
    }

    private static CheckResult IdentityCheck(CaseEvaluation e, Identity identity) =>
        Result(e, CheckKind.Identities, $"identity: {identity.Name} ({identity.Statement})", identity.Check(e.Input));

    // ---- 7. Taylor -----------------------------------------------------------------------------------------------

    // Further random directions tried when one leaves the Taylor test inconclusive.
    private const int TaylorRetries = 3;

    private static CheckResult Taylor(CaseEvaluation e)
    {
        var name = $"Taylor test ({(e.Problem.HandJacobian is null ? "autograd" : "hand")} derivative)";
        var kinks = e.Problem.KinkDistances;
        var taylor = kinks is not null ? TaylorAwayFromKinks(e, kinks, attempt: 0) : e.FiniteDifferences.Taylor;
        if (taylor is null)
            return Skipped(e, CheckKind.Taylor, name, "every variable is within the Taylor test's first step of a kink, so no direction avoids one") with { SkippedAtKink = true };
        // An inconclusive direction (its remainders drowned in rounding, or no clean order) says nothing about the
        // derivative: other directions, from seeds of their own, are tried before the case counts as unchecked.
        for (var attempt = 1; taylor.Verdict == Verdict.Inconclusive && attempt <= TaylorRetries; attempt++)
            taylor = TaylorAwayFromKinks(e, kinks ?? (theta => [.. theta.Select(_ => double.PositiveInfinity)]), attempt)!;
        if (taylor.Verdict == Verdict.Inconclusive) return Skipped(e, CheckKind.Taylor, name, taylor.Reason);
        return new CheckResult
        {
            Kind = CheckKind.Taylor, Name = name, Derivation = e.Derivation.Name, Input = e.Input, Passed = taylor.Passed,
            ObservedOrder = taylor.ObservedOrder, Detail = taylor.Reason,
        };
    }

    /// <summary>
    /// The Taylor test for a piecewise-smooth function: TaylorTest starts at a displacement of max(1, ‖θ‖∞)/16 in the
    /// ∞-norm, so a variable whose kink distance is below that is left out of the direction (as the checker leaves out
    /// variables at a kink); the others are drawn as the checker draws them, N(0, 1)·max(1, |θⱼ|), from the input's
    /// seed (and the attempt's number, for another direction). Along such a direction f is smooth over every step, and a right gradient shows order 2 (or a remainder at
    /// rounding level, f being linear there), a wrong one order 1. Null when every variable is too near a kink.
    /// </summary>
    private static TaylorTestResult? TaylorAwayFromKinks(CaseEvaluation e, Func<double[], double[]> kinks, int attempt)
    {
        var theta = e.Theta;
        var frame = new CheckerFrame(e.Problem.Reference, theta, e.Scales);
        var u = frame.Point;
        var distances = kinks(theta);
        var firstStep = Math.Max(1.0, u.Max(Math.Abs)) / 16;
        var random = new Random(unchecked(e.Input.ContentSeed + attempt * 7919));
        var direction = new double[u.Length];
        for (var j = 0; j < u.Length; j++)
        {
            var u1 = 1.0 - random.NextDouble();
            var u2 = random.NextDouble();
            var z = Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
            direction[j] = distances[j] / frame.Scales[j] > firstStep ? z * Math.Max(1.0, Math.Abs(u[j])) : 0.0;
        }
        if (direction.All(v => v == 0.0)) return null;
        var claimed = frame.ToFrame(e.Claimed);
        return e.OutputCount == 1
            ? TaylorTest.Run(t => frame.Evaluate(t)[0], CaseEvaluation.Row(claimed, 0), u, direction)
            : TaylorTest.RunJacobian(frame.Evaluate, claimed, u, direction);
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private static CheckResult Skipped(CaseEvaluation e, CheckKind kind, string name, string reason) => new()
    {
        Kind = kind, Name = name, Derivation = e.Derivation.Name, Input = e.Input, Passed = true, SkipReason = reason,
    };

    private static CheckResult Result(CaseEvaluation e, CheckKind kind, string name, IReadOnlyList<ElementCheck> elements, string? detail = null) => new()
    {
        Kind = kind, Name = name, Derivation = e.Derivation.Name, Input = e.Input, Elements = elements,
        Passed = elements.All(x => x.Passed) && detail?.StartsWith("the twin returned", StringComparison.Ordinal) != true, Detail = detail,
    };
}
