using FsCheck;
using FsCheck.Fluent;
using TensorLinear.Numerics;
using TensorLinear.Verification.Cases;
using TensorLinear.Verification.Checks;

namespace TensorLinear.Verification.Catalog;

/// <summary>
/// One entry of the catalog: a reference function paired with its tensor twin and a generator of well-posed inputs.
/// Adding an entry gets every check that applies to it (<see cref="Checks"/>) for free, in the property tests and in
/// <see cref="Verifier"/>. An entry is a <see cref="Derivation{TCase}"/>, typed by its input; this base is what the
/// checks see, every case as a <see cref="CaseInput"/>.
/// </summary>
public abstract record Derivation
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

    /// <summary>Whether the function is differentiated at all (finite differences and the Taylor test apply).</summary>
    public bool Differentiable { get; init; } = true;

    /// <summary>Whether the reference has a hand-derived gradient or Jacobian to compare with autograd's.</summary>
    public bool HasHandDerivative { get; init; } = true;

    /// <summary>Whether a Hessian is checked.</summary>
    public bool HasHessian { get; init; }

    /// <summary>Whether gradient descent is checked.</summary>
    public bool HasDescent { get; init; }

    /// <summary>The identities checked on this entry, each written for the entry's input type.</summary>
    public IReadOnlyList<Identity> Identities { get; init; } = [];

    /// <summary>The type of the entry's input (e.g. <see cref="PairCase"/>).</summary>
    public abstract Type InputType { get; }

    /// <summary>The entry's generator, its cases seen as <see cref="CaseInput"/>s.</summary>
    public abstract Gen<CaseInput> Cases { get; }

    /// <summary>Whether <paramref name="input"/> is of the entry's input type and lies in its domain.</summary>
    public abstract bool Admits(CaseInput input);

    /// <summary>Binds an input of the entry's type to the reference, the twin and the bounds.</summary>
    /// <exception cref="ArgumentException">The input is of another entry's type.</exception>
    public abstract Problem Pose(CaseInput input);

    /// <summary>Whether the entry carries its definition over generic numbers (see <see cref="Derivation{TCase}.Exact"/>).</summary>
    public abstract bool HasDefinition { get; }

    /// <summary>The entry's definition bound to an input's fixed parts (see <see cref="Derivation{TCase}.Exact"/>).</summary>
    /// <exception cref="InvalidOperationException">The entry has no definition (<see cref="HasDefinition"/>).</exception>
    public abstract IRealFunction Define(CaseInput input);

    /// <summary>
    /// The same entry with every problem it binds passed through <paramref name="change"/>: the seam for planting a
    /// defect both engines share (the reference's own derivatives are replaced through <see cref="ReferenceFunctions"/>).
    /// </summary>
    public abstract Derivation Rebound(Func<Problem, Problem> change);

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
            if (HasDefinition) checks.AddRange([CheckKind.ReferenceTruth, CheckKind.TwinTruth]);
            if (HasDefinition && Differentiable) checks.Add(CheckKind.ForwardMode);
            return checks;
        }
    }

    /// <summary>
    /// The generator with its shrinker, for FsCheck: shrinking drops vector components, rows and features, and moves
    /// values toward small integers (<see cref="CaseInput.Shrinks"/>), keeping only candidates inside the domain
    /// (<see cref="Admits"/>).
    /// </summary>
    public Arbitrary<CaseInput> Arbitrary => Arb.From(Cases, input => input.Shrinks().Where(Admits));

    /// <inheritdoc/>
    public sealed override string ToString() => $"{Name}: {Formula}";
}

/// <summary>An entry of the catalog typed by its input <typeparamref name="TCase"/>.</summary>
/// <typeparam name="TCase">The entry's input: <see cref="VectorCase"/>, <see cref="PairCase"/>, <see cref="ModelCase"/>…</typeparam>
public sealed record Derivation<TCase> : Derivation where TCase : CaseInput
{
    /// <summary>Generates well-posed inputs (inputs outside the domain are excluded by construction).</summary>
    public required Gen<TCase> Generator { get; init; }

    /// <summary>Whether an input lies in the entry's domain; shrinking keeps only inputs for which this holds.</summary>
    public Func<TCase, bool> IsValid { get; init; } = _ => true;

    /// <summary>Binds an input to the reference, the twin and the bounds.</summary>
    public required Func<TCase, Problem> Bind { get; init; }

    /// <summary>
    /// The entry's function as defined, over generic numbers, for a case (its fixed parts: p, the targets, the data):
    /// in double-double it is the truth both engines' values are measured against, on dual numbers the forward-mode
    /// witness of the derivative. A predicate's (parallel, perpendicular, accept) is its exact verdict, 1 or 0, which
    /// each engine must reach except within rounding of the threshold (<see cref="Problem.TruthError"/>).
    /// </summary>
    public Func<TCase, IRealFunction>? Exact { get; init; }

    /// <inheritdoc/>
    public override Type InputType => typeof(TCase);

    /// <inheritdoc/>
    public override Gen<CaseInput> Cases => Generator.Select(c => (CaseInput)c);

    /// <inheritdoc/>
    public override bool Admits(CaseInput input) => input is TCase c && IsValid(c);

    /// <inheritdoc/>
    public override Problem Pose(CaseInput input) => Bind(Typed(input));

    /// <inheritdoc/>
    public override bool HasDefinition => Exact is not null;

    /// <inheritdoc/>
    public override IRealFunction Define(CaseInput input) =>
        (Exact ?? throw new InvalidOperationException($"{Name} has no definition over generic numbers"))(Typed(input));

    /// <inheritdoc/>
    public override Derivation Rebound(Func<Problem, Problem> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var bind = Bind;
        return this with { Bind = c => change(bind(c)) };
    }

    private TCase Typed(CaseInput input) => input as TCase
        ?? throw new ArgumentException($"{Name} takes a {typeof(TCase).Name}, not a {input?.GetType().Name ?? "null"}", nameof(input));
}
