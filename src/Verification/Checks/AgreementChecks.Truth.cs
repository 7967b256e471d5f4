using TensorLinear.Numerics;
using TensorLinear.Verification.Tolerances;

namespace TensorLinear.Verification.Checks;

// Checks 8–10: against the entry's definition rather than against the other engine. Agreement is not truth: a defect
// both sides share (the same cancelling grouping, the same wrong factor) passes checks 1–7 and fails these.
public static partial class AgreementChecks
{
    /// <summary>The pair name for the reference's value against the truth.</summary>
    public const string ReferenceVersusTruth = "reference vs truth";

    /// <summary>The pair name for the twin's value against the truth.</summary>
    public const string TwinVersusTruth = "twin vs truth";

    /// <summary>The pair name for the hand derivative against forward mode.</summary>
    public const string HandVersusForwardMode = "hand vs forward mode";

    /// <summary>The pair name for autograd's derivative against forward mode, where the reference has no hand derivative.</summary>
    public const string AutogradVersusForwardMode = "autograd vs forward mode";

    // ---- 8, 9. each engine's values against the truth ----------------------------------------------------------

    // Each engine is held to its own forward-error bound (the one the values check adds up for the pair): the bound
    // claims to limit the error against the exact value, and here it is measured against it.
    private static CheckResult Truth(CaseEvaluation e, CheckKind kind)
    {
        var reference = kind == CheckKind.ReferenceTruth;
        var (values, pair) = reference ? (e.ReferenceValues, ReferenceVersusTruth) : (e.TwinValues, TwinVersusTruth);
        var name = reference ? "reference against the truth" : "twin against the truth";
        var truth = e.Truth;
        var bounds = e.TruthError;
        if (truth.Length != values.Length)
            return Result(e, kind, name, [], $"the definition has {truth.Length} outputs, the {(reference ? "reference" : "twin")} {values.Length}");
        var elements = new List<ElementCheck>();
        for (var i = 0; i < values.Length; i++)
        {
            var b = bounds[i];
            elements.Add(new ElementCheck
            {
                Index = i, Element = values.Length == 1 ? "value" : $"value[{i}]", Reference = values[i], Truth = truth[i].Hi,
                Pair = pair, AbsoluteError = DoubleDouble.Abs(values[i] - truth[i]).Hi,
                Bound = b.Value + TolerancePolicy.UnderflowFloor, Scale = b.Scale, Rule = b.Rule,
            });
        }
        return Result(e, kind, name, elements);
    }

    // ---- 10. the claimed derivative against forward mode --------------------------------------------------------

    // Forward mode differentiates the definition, not the reference's code: a hand derivative of the right formula
    // written wrongly, or autograd of a twin that computes something else, both show here. Dual arithmetic rounds like
    // the code it differentiates, so the pair gets the bound of two implementations, as hand against autograd does.
    private static CheckResult ForwardMode(CaseEvaluation e)
    {
        var claimed = e.Claimed;
        var pair = e.Hand is null ? AutogradVersusForwardMode : HandVersusForwardMode;
        var forward = e.ForwardJacobian;
        var bounds = e.JacobianError;
        var elements = new List<ElementCheck>();
        for (var i = 0; i < claimed.GetLength(0); i++)
            for (var j = 0; j < claimed.GetLength(1); j++)
            {
                var bound = TolerancePolicy.BetweenImplementations(bounds[i, j], bounds[i, j]);
                elements.Add(new ElementCheck
                {
                    Index = i * claimed.GetLength(1) + j, Element = e.EntryName(i, j), Reference = claimed[i, j], Truth = forward[i, j],
                    Pair = pair, AbsoluteError = Math.Abs(claimed[i, j] - forward[i, j]), Bound = bound.Value, Scale = bound.Scale, Rule = bound.Rule,
                });
            }
        return Result(e, CheckKind.ForwardMode, "forward mode (claimed vs dual numbers)", elements);
    }
}
