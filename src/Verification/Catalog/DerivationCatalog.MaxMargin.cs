using TensorLinear.Autograd.MaxMargin;
using TensorLinear.Autograd.Models;
using TensorLinear.Models;
using TensorLinear.Reference.MaxMargin;
using TensorLinear.Verification.Cases;
using TensorLinear.Verification.Checks;
using TensorLinear.Verification.Exact;
using TensorLinear.Verification.Generators;
using TensorLinear.Verification.Tolerances;
using static TensorLinear.Verification.Catalog.CatalogParts;
using static TorchSharp.torch;

namespace TensorLinear.Verification.Catalog;

// The maximum-margin classifier: Reference.Losses.Hinge, Reference.MaxMargin.SoftMarginObjective and
// ReferenceMarginDual against Autograd.MaxMargin.TensorHinge and TorchMarginDual (docs/derivations/max-margin.md).
public static partial class DerivationCatalog
{
    private static Derivation[] CreateMaxMargin(ReferenceFunctions f) =>
    [
        new Derivation<LossCase>
        {
            Name = EntryNames.Hinge,
            Formula = "ℓᵢ = max(0, 1 − yᵢsᵢ) elementwise, Jacobian diag(−yᵢ where yᵢsᵢ < 1, else 0)",
            References = [f.Hinge, f.HingeSubgradient],
            Twins = [(Func<Tensor, Tensor, Tensor>)TensorHinge.Value],
            Exact = c => ExactMaxMargin.Hinge(c.Targets),
            Notes = "Kinks where yᵢsᵢ = 1 (generated exactly, s = y): both sides and forward mode take the subgradient 0 there (relu's backward passes nothing at 0).",
            Generator = Inputs.HingeScores(),
            IsValid = c => c.IsWellFormed && c.Targets.All(y => y is 1.0 or -1.0),
            Bind = c =>
            {
                var (s, y) = (c.Predictions, c.Targets);
                return new Problem
                {
                    Point = s,
                    Variables = Names("s", s.Length),
                    Reference = t => [.. t.Select((v, i) => f.Hinge(y[i], v))],
                    Twin = t => TensorHinge.Value(tensor(y), t),
                    ValueError = t => TolerancePolicy.Hinge(y, t),
                    HandJacobian = t => Diagonal([.. t.Select((v, i) => f.HingeSubgradient(y[i], v))]),
                    JacobianError = t => TolerancePolicy.HingeJacobian(y, t),
                    KinkDistances = t => MarginKinks(y, t),
                };
            },
        },
        new Derivation<LossCase>
        {
            Name = EntryNames.MeanHinge,
            Formula = "(1/n)Σ max(0, 1 − yᵢsᵢ), ∂/∂sᵢ = −yᵢ/n where yᵢsᵢ < 1, else 0",
            References = [f.MeanHinge, f.MeanHingeSubgradient],
            Twins = [(Func<Tensor, Tensor, Tensor>)TensorHinge.Mean],
            Exact = c => ExactMaxMargin.MeanHinge(c.Targets),
            Notes = "Kinks where yᵢsᵢ = 1, as for the hinge.",
            Generator = Inputs.HingeScores(),
            IsValid = c => c.IsWellFormed && c.Targets.All(y => y is 1.0 or -1.0),
            Bind = c => LossProblem(c, "s", f.MeanHinge, f.MeanHingeSubgradient, TensorHinge.Mean,
                TolerancePolicy.MeanHinge, TolerancePolicy.MeanHingeSubgradient, MarginKinks),
        },
        new Derivation<SoftMarginCase>
        {
            Name = EntryNames.SoftMarginObjective,
            Formula = "P = ½‖w‖² + CΣ max(0, 1 − yᵢ(wᵀxᵢ + b)), ∂P/∂w = w − CΣ_{yᵢsᵢ<1} yᵢxᵢ, ∂P/∂b = −CΣ_{yᵢsᵢ<1} yᵢ",
            References = [f.SoftMarginObjective, f.SoftMarginSubgradient],
            Twins = [(Func<Tensor, Tensor, Tensor, Tensor, double, Tensor>)TensorHinge.SoftMarginObjective],
            Exact = c => ExactMaxMargin.SoftMargin(c.Data, c.C),
            Notes = "A row on the margin (generated one time in five) is a kink in θ: where its yᵢsᵢ is within the score's rounding of 1 the sides may take different subgradients, and the bound allows C|aᵢⱼ| for it.",
            Generator = Inputs.SoftMargin(),
            IsValid = c => c.IsWellFormed,
            Bind = c => BindSoftMargin(f, c),
        },
        new Derivation<MarginDualCase>
        {
            Name = EntryNames.MarginDual,
            Formula = "f(α) = ½‖Σᵢ αᵢyᵢxᵢ‖² − Σᵢ cᵢαᵢ, ∇f = yᵢxᵢᵀw(α) − cᵢ, ∇²f = (yyᵀ)∘(XXᵀ)",
            References = [f.MarginDualObjective, f.MarginDualGradient, f.MarginDualHessian],
            Twins = [(Func<Tensor, Tensor, Tensor, Tensor, Tensor>)TorchMarginDual.Objective],
            Exact = c => ExactMaxMargin.Dual(c.Data, c.Linear),
            Notes = "A quadratic: its Hessian is constant, the labelled Gram matrix SMO's second-order working-set selection reads.",
            Generator = Inputs.MarginDual(),
            IsValid = c => c.IsWellFormed,
            Bind = c => BindMarginDual(f, c),
            HasHessian = true,
        },
    ];

    private static Problem BindSoftMargin(ReferenceFunctions f, SoftMarginCase c)
    {
        var (data, price) = (c.Data, c.C);
        var d = data.FeatureCount;
        var x = data.ToRows();
        var y = data.TargetArray();
        return Scalar(c.Parameters, Names(Names("w", d), ["b"]),
            t => f.SoftMarginObjective(data, LinearModel.FromParameterVector(t), price),
            t => f.SoftMarginSubgradient(data, LinearModel.FromParameterVector(t), price).ToParameterVector(),
            t => TensorHinge.SoftMarginObjective(DataTensors.Features(data), DataTensors.Targets(data), Part(t, 0, d), Part(t, d, 1), price),
            t => TolerancePolicy.SoftMarginObjective(data, t, price),
            t => TolerancePolicy.SoftMarginSubgradient(data, t, price),
            // θⱼ moving by at most δⱼ moves sᵢ by at most Σⱼ δⱼ|aᵢⱼ| (aᵢ = (xᵢ, 1)); with δⱼ = minᵢ |1 − yᵢsᵢ|/((d + 1)|aᵢⱼ|)
            // each term is at most |1 − yᵢsᵢ|/(d + 1), so no row reaches its kink, and a column that is zero on the
            // rows near it leaves its weight free to move
            kinkDistances: t =>
            {
                var distances = Enumerable.Repeat(double.PositiveInfinity, d + 1).ToArray();
                for (var i = 0; i < x.Length; i++)
                {
                    var s = t[d];
                    for (var j = 0; j < d; j++) s += t[j] * x[i][j];
                    var room = Math.Abs(1.0 - y[i] * s) / (d + 1);
                    for (var j = 0; j <= d; j++)
                    {
                        var a = j < d ? Math.Abs(x[i][j]) : 1.0;
                        if (a > 0) distances[j] = Math.Min(distances[j], room / a);
                    }
                }
                return distances;
            },
            variableScales: NaturalScales(data));
    }

    private static Problem BindMarginDual(ReferenceFunctions f, MarginDualCase c)
    {
        var (data, linear) = (c.Data, c.Linear);
        var dual = new ReferenceMarginDual(data);
        var all = Enumerable.Range(0, data.RowCount).ToArray();
        Tensor Twin(Tensor alpha) => TorchMarginDual.Objective(DataTensors.Features(data), DataTensors.Targets(data), alpha, tensor(linear));
        return Scalar(c.Multipliers, Names("α", data.RowCount),
            t => f.MarginDualObjective(dual, t, linear),
            t => f.MarginDualGradient(dual, t, linear),
            Twin,
            t => TolerancePolicy.MarginDualObjective(data, t, linear),
            t => TolerancePolicy.MarginDualGradient(data, t, linear),
            hessian: new HessianProblem
            {
                Hand = _ => f.MarginDualHessian(dual, all, all),
                SmoothTwin = Twin,
                SmoothGradient = t => f.MarginDualGradient(dual, t, linear),
                SmoothGradientError = t => TolerancePolicy.MarginDualGradient(data, t, linear),
                Error = _ => TolerancePolicy.MarginDualHessian(data),
            });
    }

    // How far each score may move before its row meets the hinge's kink yᵢsᵢ = 1: |1 − yᵢsᵢ| (y = ±1).
    private static double[] MarginKinks(double[] labels, double[] scores) => [.. scores.Select((s, i) => Math.Abs(1.0 - labels[i] * s))];

    private static double[,] Diagonal(double[] values)
    {
        var m = new double[values.Length, values.Length];
        for (var i = 0; i < values.Length; i++) m[i, i] = values[i];
        return m;
    }
}
