using TensorLinear.Verification.Cases;
using TensorLinear.Verification.Checks;

namespace TensorLinear.Verification.Catalog;

/// <summary>
/// An identity the mathematics implies (‖unit(x)‖ = 1, proj(proj(x)) = proj(x), …), checked on the reference and on
/// the twin: <see cref="Check"/> returns one <see cref="ElementCheck"/> per side and component, each a computed
/// residual against its derived bound. Written for one input type with <see cref="Of{TCase}"/>.
/// </summary>
/// <param name="Name">A short name, e.g. "unit length".</param>
/// <param name="Statement">The identity in symbols, e.g. "‖unit(x)‖₂ = 1".</param>
/// <param name="Check">Evaluates the identity on a case.</param>
public sealed record Identity(string Name, string Statement, Func<CaseInput, IReadOnlyList<ElementCheck>> Check)
{
    /// <summary>An identity of the entries whose input is a <typeparamref name="TCase"/>.</summary>
    public static Identity Of<TCase>(string name, string statement, Func<TCase, IReadOnlyList<ElementCheck>> check) where TCase : CaseInput
    {
        ArgumentNullException.ThrowIfNull(check);
        return new(name, statement, input => check(input as TCase
            ?? throw new ArgumentException($"the identity '{name}' takes a {typeof(TCase).Name}, not a {input?.GetType().Name ?? "null"}", nameof(input))));
    }
}
