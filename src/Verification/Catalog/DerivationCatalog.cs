namespace TensorLinear.Verification.Catalog;

/// <summary>
/// Every derivation TensorLinear checks, each pairing public reference functions (a value and its hand derivatives,
/// <see cref="ReferenceFunctions"/>) with their tensor twins and a generator of well-posed inputs. The entries live
/// beside this file by area: vectors and norms, angles and projections (<c>DerivationCatalog.Vectors.cs</c>),
/// hyperplanes (<c>.Geometry.cs</c>), lines and the decision rule (<c>.Lines.cs</c>), pointwise losses
/// (<c>.Losses.cs</c>), the maximum-margin classifier (<c>.MaxMargin.cs</c>), the two linear models (<c>.Models.cs</c>) and
/// softmax regression (<c>.Softmax.cs</c>); their names are <see cref="EntryNames"/>.
/// </summary>
/// <remarks>
/// To add a derivation, add an entry to its area's list: the property tests and <see cref="Verifier"/> iterate over
/// <see cref="All"/>, so every check that applies to it (<see cref="Derivation.Checks"/>) runs with no further code.
/// An entry calls only the delegates of the <see cref="ReferenceFunctions"/> it is built from, so
/// <see cref="Build"/> with one function replaced checks that replacement and nothing else.
/// </remarks>
public static partial class DerivationCatalog
{
    /// <summary>Every entry, bound to the shipped reference functions, in the order reports list them.</summary>
    public static IReadOnlyList<Derivation> All => _all ??= Build(ReferenceFunctions.Shipped);

    private static IReadOnlyList<Derivation>? _all;

    /// <summary>Every entry, bound to the given reference functions (the shipped ones, or a copy with one replaced).</summary>
    public static IReadOnlyList<Derivation> Build(ReferenceFunctions functions)
    {
        ArgumentNullException.ThrowIfNull(functions);
        return [.. CreateVectors(functions), .. CreateGeometry(functions), .. CreateLines(functions), .. CreateLosses(functions), .. CreateMaxMargin(functions), .. CreateModels(functions), .. CreateSoftmax(functions)];
    }

    /// <summary>The entry named <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No entry has that name.</exception>
    public static Derivation Get(string name) => Get(All, name);

    /// <summary>The entry named <paramref name="name"/> among <paramref name="entries"/>.</summary>
    /// <exception cref="KeyNotFoundException">No entry has that name.</exception>
    public static Derivation Get(IReadOnlyList<Derivation> entries, string name)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return entries.FirstOrDefault(d => d.Name == name)
               ?? throw new KeyNotFoundException($"the catalog has no derivation named '{name}'; it has {string.Join(", ", entries.Select(d => d.Name))}");
    }
}
