using TensorLinear.Verification.Checks;

namespace TensorLinear.Verification.Catalog;

/// <summary>
/// An identity the mathematics implies (‖unit(x)‖ = 1, proj(proj(x)) = proj(x), …), checked on the reference and on
/// the twin: <see cref="Check"/> returns one <see cref="ElementCheck"/> per side and component, each a computed
/// residual against its derived bound.
/// </summary>
/// <param name="Name">A short name, e.g. "unit length".</param>
/// <param name="Statement">The identity in symbols, e.g. "‖unit(x)‖₂ = 1".</param>
/// <param name="Check">Evaluates the identity on a case.</param>
public sealed record Identity(string Name, string Statement, Func<CaseInput, IReadOnlyList<ElementCheck>> Check);
