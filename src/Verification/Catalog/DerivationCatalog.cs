namespace TensorLinear.Verification.Catalog;

/// <summary>
/// Every derivation TensorLinear checks, each pairing a reference function (and its hand derivative) with its tensor
/// twin and a generator of well-posed inputs. The entries live beside this file by area: vectors and norms, angles
/// and projections (<c>DerivationCatalog.Vectors.cs</c>), hyperplanes (<c>.Geometry.cs</c>), pointwise losses
/// (<c>.Losses.cs</c>) and the two linear models (<c>.Models.cs</c>).
/// </summary>
/// <remarks>
/// To add a derivation, add an entry to its area's list: the property tests and <see cref="Verifier"/> iterate over
/// <see cref="All"/>, so every check that applies to it (<see cref="Derivation.Checks"/>) runs with no further code.
/// </remarks>
public static partial class DerivationCatalog
{
    /// <summary>Every entry, in the order reports list them.</summary>
    public static IReadOnlyList<Derivation> All => _all ??= [.. Vectors, .. Geometry, .. Losses, .. Models];

    private static IReadOnlyList<Derivation>? _all;

    /// <summary>The entry named <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No entry has that name.</exception>
    public static Derivation Get(string name) =>
        All.FirstOrDefault(d => d.Name == name) ?? throw new KeyNotFoundException($"the catalog has no derivation named '{name}'; it has {string.Join(", ", All.Select(d => d.Name))}");
}
