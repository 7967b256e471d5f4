using FsCheck;
using FsCheck.Fluent;
using TensorLinear.Numerics;
using TensorLinear.Verification.Checks;
using TensorLinear.Verification.Generators;

namespace TensorLinear.Verification.Catalog;

/// <summary>
/// One entry of the catalog: a reference function paired with its tensor twin and a generator of well-posed inputs.
/// Adding an entry gets every check that applies to it (<see cref="Checks"/>) for free, in the property tests and in
/// <see cref="Verifier"/>.
/// </summary>
public sealed record Derivation
{
    /// <summary>A short unique name, e.g. "dot", "norm2", "linear regression".</summary>
    public required string Name { get; init; }

    /// <summary>The formula, e.g. "xᵀy = Σᵢ xᵢyᵢ".</summary>
    public required string Formula { get; init; }

    /// <summary>
    /// The public reference functions the entry calls (value and hand derivatives), as the delegates it was built
    /// from (<see cref="ReferenceFunctions"/>): the report names them from these, so a name cannot drift.
    /// </summary>
    public required IReadOnlyList<Delegate> References { get; init; }

    /// <summary>The tensor twins the entry calls (src/Autograd), as delegates.</summary>
    public required IReadOnlyList<Delegate> Twins { get; init; }

    /// <summary>"Type.Method" of each of <see cref="References"/>.</summary>
    public IReadOnlyList<string> ReferenceNames => [.. References.Select(ReferenceFunctions.NameOf)];

    /// <summary>"Type.Method" of each of <see cref="Twins"/>.</summary>
    public IReadOnlyList<string> TwinNames => [.. Twins.Select(ReferenceFunctions.NameOf)];

    /// <summary>Kinks, domain edges and conventions worth knowing when reading a report.</summary>
    public string Notes { get; init; } = "";

    /// <summary>Generates well-posed inputs (inputs outside the domain are excluded by construction).</summary>
    public required Gen<CaseInput> Generator { get; init; }

    /// <summary>Whether an input lies in the entry's domain; shrinking keeps only inputs for which this holds.</summary>
    public Func<CaseInput, bool> IsValid { get; init; } = _ => true;

    /// <summary>Binds an input to the reference, the twin and the bounds.</summary>
    public required Func<CaseInput, Problem> Bind { get; init; }

    /// <summary>Whether the function is differentiated at all (finite differences and the Taylor test apply).</summary>
    public bool Differentiable { get; init; } = true;

    /// <summary>Whether the reference has a hand-derived gradient or Jacobian to compare with autograd's.</summary>
    public bool HasHandDerivative { get; init; } = true;

    /// <summary>Whether a Hessian is checked.</summary>
    public bool HasHessian { get; init; }

    /// <summary>Whether gradient descent is checked.</summary>
    public bool HasDescent { get; init; }

    /// <summary>
    /// The entry's function as defined, over generic numbers, for a case (its fixed parts: p, the targets, the data):
    /// in double-double it is the truth both engines' values are measured against, on dual numbers the forward-mode
    /// witness of the derivative. Null for a predicate (parallel, perpendicular, accept), whose exact answer at its
    /// threshold is decided by rounding rather than measured by an error.
    /// </summary>
    public Func<CaseInput, IRealFunction>? Exact { get; init; }

    /// <summary>The identities checked on this entry.</summary>
    public IReadOnlyList<Identity> Identities { get; init; } = [];

    /// <summary>The checks that apply to this entry, in the order of <see cref="CheckKind"/>.</summary>
    public IReadOnlyList<CheckKind> Checks
    {
        get
        {
            var checks = new List<CheckKind> { CheckKind.Values };
            if (Differentiable && HasHandDerivative) checks.Add(CheckKind.Gradients);
            if (Differentiable) checks.Add(CheckKind.FiniteDifferences);
            if (HasHessian) checks.Add(CheckKind.Hessian);
            if (HasDescent) checks.Add(CheckKind.Descent);
            if (Identities.Count > 0) checks.Add(CheckKind.Identities);
            if (Differentiable) checks.Add(CheckKind.Taylor);
            if (Exact is not null) checks.AddRange([CheckKind.ReferenceTruth, CheckKind.TwinTruth]);
            if (Exact is not null && Differentiable) checks.Add(CheckKind.ForwardMode);
            return checks;
        }
    }

    /// <summary>
    /// The generator with its shrinker, for FsCheck: shrinking drops vector components, rows and features, and moves
    /// values toward small integers, keeping only candidates inside the domain (<see cref="IsValid"/>).
    /// </summary>
    public Arbitrary<CaseInput> Arbitrary => Arb.From(Generator, input => Shrink.Case(input).Where(IsValid));

    /// <inheritdoc/>
    public override string ToString() => $"{Name}: {Formula}";
}
