namespace TensorLinear.Numerics;

/// <summary>
/// A dual number v + d·ε with ε² = 0, both parts in double-double: evaluating f on x + ε·e gives f(x) + ε·∇f(x)ᵀe, so
/// the tangent d carries a directional derivative through every operation by the chain rule, with no step to choose.
/// In double-double the derivative keeps ~32 digits even where the formula differentiated cancels (the derivative of
/// −y·log p − (1 − y)·log(1 − p) is −y/p + (1 − y)/(1 − p)): the forward-mode witness is the truth of the derivative.
/// </summary>
public readonly record struct Dual(DoubleDouble Value, DoubleDouble Tangent) : IRealNumber<Dual>
{
    /// <summary>0.</summary>
    public static Dual AdditiveIdentity => default;

    /// <summary>A constant: tangent 0.</summary>
    public static Dual From(double value) => new(value, 0.0);

    /// <summary>(a + b)′ = a′ + b′.</summary>
    public static Dual operator +(Dual a, Dual b) => new(a.Value + b.Value, a.Tangent + b.Tangent);

    /// <summary>(a − b)′ = a′ − b′.</summary>
    public static Dual operator -(Dual a, Dual b) => new(a.Value - b.Value, a.Tangent - b.Tangent);

    /// <summary>(−a)′ = −a′.</summary>
    public static Dual operator -(Dual a) => new(-a.Value, -a.Tangent);

    /// <summary>(ab)′ = a′b + ab′.</summary>
    public static Dual operator *(Dual a, Dual b) => new(a.Value * b.Value, a.Tangent * b.Value + a.Value * b.Tangent);

    /// <summary>(a/b)′ = (a′ − (a/b)b′)/b.</summary>
    public static Dual operator /(Dual a, Dual b)
    {
        var q = a.Value / b.Value;
        return new(q, (a.Tangent - q * b.Tangent) / b.Value);
    }

    /// <summary>Compares values (the tangent does not order).</summary>
    public static bool operator <(Dual a, Dual b) => a.Value < b.Value;

    /// <inheritdoc cref="op_LessThan"/>
    public static bool operator >(Dual a, Dual b) => a.Value > b.Value;

    /// <inheritdoc cref="op_LessThan"/>
    public static bool operator <=(Dual a, Dual b) => a.Value <= b.Value;

    /// <inheritdoc cref="op_LessThan"/>
    public static bool operator >=(Dual a, Dual b) => a.Value >= b.Value;

    /// <summary>(√a)′ = a′/(2√a).</summary>
    public static Dual Sqrt(Dual a)
    {
        var root = DoubleDouble.Sqrt(a.Value);
        return new(root, a.Tangent / (2.0 * root));
    }

    /// <summary>(eᵃ)′ = eᵃ·a′.</summary>
    public static Dual Exp(Dual a)
    {
        var e = DoubleDouble.Exp(a.Value);
        return new(e, e * a.Tangent);
    }

    /// <summary>(log a)′ = a′/a.</summary>
    public static Dual Log(Dual a) => new(DoubleDouble.Log(a.Value), a.Tangent / a.Value);

    /// <summary>|a|′ = sign(a)·a′, with sign(0) = 0: the subgradient the reference takes at the kink.</summary>
    public static Dual Abs(Dual a) => a.Value.Hi > 0.0 ? a : a.Value.Hi < 0.0 ? -a : new(default, default);

    /// <summary>atan2(y, x)′ = (x·y′ − y·x′)/(x² + y²).</summary>
    public static Dual Atan2(Dual y, Dual x) =>
        new(DoubleDouble.Atan2(y.Value, x.Value), (x.Value * y.Tangent - y.Value * x.Tangent) / (x.Value * x.Value + y.Value * y.Value));

    /// <summary>(log(1 + a))′ = a′/(1 + a).</summary>
    public static Dual Log1p(Dual a) => new(DoubleDouble.Log1p(a.Value), a.Tangent / (1.0 + a.Value));

    /// <summary>
    /// ∇f at <paramref name="x"/> by forward mode: one evaluation per coordinate, seeded with the tangent eⱼ, each
    /// component rounded once to double.
    /// </summary>
    public static double[] Gradient(Func<Dual[], Dual> f, double[] x)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(x);
        var gradient = new double[x.Length];
        for (var j = 0; j < x.Length; j++)
            gradient[j] = f([.. x.Select((v, i) => new Dual(v, i == j ? 1.0 : 0.0))]).Tangent.Hi;
        return gradient;
    }
}
