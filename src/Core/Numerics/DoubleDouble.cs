using System.Globalization;
using System.Numerics;

namespace TensorLinear.Numerics;

/// <summary>
/// A double-double number: an unevaluated sum hi + lo of two doubles with |lo| ≤ ulp(hi)/2, about 106 bits (32 digits)
/// of precision over double's exponent range. The exact oracle the tests measure both engines against: a formula
/// evaluated in it errs by about 2⁻¹⁰⁴ relative per operation, some 10¹⁵ times below the engines' bounds.
/// </summary>
/// <remarks>
/// The algorithms are Dekker's and Knuth's error-free transformations (Hida, Li and Bailey, "Library for double-double
/// and quad-double arithmetic", 2000; the "IEEE" addition, which stays accurate under cancellation): a + b and a·b are
/// each a double plus an exactly representable error, found with a fused multiply–add. The type implements
/// <see cref="IRealNumber{T}"/> (.NET's generic-math operator interfaces and four functions), so the oracle's
/// definitions run on it as on <see cref="Dual"/>. Only what the oracle
/// needs is here: the four operations, √, eˣ and log(1 + x); not a general-purpose type (no parsing, no trigonometry).
/// </remarks>
public readonly struct DoubleDouble : IRealNumber<DoubleDouble>, IMultiplicativeIdentity<DoubleDouble, DoubleDouble>
{
    // ln 2 to 106 bits: 0.6931471805599453 + 2.3190468138462996e-17.
    private static readonly DoubleDouble Ln2 = new(0.6931471805599453, 2.3190468138462996e-17);

    private DoubleDouble(double hi, double lo)
    {
        Hi = hi;
        Lo = lo;
    }

    /// <summary>The leading double: the value rounded to double precision.</summary>
    public double Hi { get; }

    /// <summary>The trailing double, the rest: Hi + Lo is the value.</summary>
    public double Lo { get; }

    /// <summary>0.</summary>
    public static DoubleDouble AdditiveIdentity => default;

    /// <summary>1.</summary>
    public static DoubleDouble MultiplicativeIdentity => new(1.0, 0.0);

    /// <summary>A double, exactly.</summary>
    public static implicit operator DoubleDouble(double value) => new(value, 0.0);

    /// <summary>A double, exactly.</summary>
    public static DoubleDouble From(double value) => value;

    /// <summary>The nearest double to the value (Hi, since |Lo| ≤ ulp(Hi)/2).</summary>
    public static explicit operator double(DoubleDouble value) => value.Hi;

    /// <summary>a + b, accurate to about 2⁻¹⁰⁴ relative even when a and b nearly cancel.</summary>
    public static DoubleDouble operator +(DoubleDouble a, DoubleDouble b)
    {
        var (s1, s2) = TwoSum(a.Hi, b.Hi);
        var (t1, t2) = TwoSum(a.Lo, b.Lo);
        s2 += t1;
        (s1, s2) = QuickTwoSum(s1, s2);
        s2 += t2;
        return Normalised(s1, s2);
    }

    /// <summary>a − b.</summary>
    public static DoubleDouble operator -(DoubleDouble a, DoubleDouble b) => a + -b;

    /// <summary>−a, exactly.</summary>
    public static DoubleDouble operator -(DoubleDouble a) => new(-a.Hi, -a.Lo);

    /// <summary>a·b: hi·hi exactly by an FMA, plus the cross terms.</summary>
    public static DoubleDouble operator *(DoubleDouble a, DoubleDouble b)
    {
        var (p1, p2) = TwoProduct(a.Hi, b.Hi);
        p2 += a.Hi * b.Lo + a.Lo * b.Hi;
        return Normalised(p1, p2);
    }

    /// <summary>a/b by long division: three quotient digits, each correcting the remainder of the last.</summary>
    public static DoubleDouble operator /(DoubleDouble a, DoubleDouble b)
    {
        var q1 = a.Hi / b.Hi;
        var r = a - q1 * b;
        var q2 = r.Hi / b.Hi;
        r -= q2 * b;
        var q3 = r.Hi / b.Hi;
        return Normalised(q1, q2) + q3;
    }

    /// <inheritdoc/>
    public static bool operator <(DoubleDouble a, DoubleDouble b) => a.Hi < b.Hi || (a.Hi == b.Hi && a.Lo < b.Lo);

    /// <inheritdoc/>
    public static bool operator >(DoubleDouble a, DoubleDouble b) => b < a;

    /// <inheritdoc/>
    public static bool operator <=(DoubleDouble a, DoubleDouble b) => !(b < a);

    /// <inheritdoc/>
    public static bool operator >=(DoubleDouble a, DoubleDouble b) => !(a < b);

    /// <inheritdoc/>
    public static bool operator ==(DoubleDouble a, DoubleDouble b) => a.Hi == b.Hi && a.Lo == b.Lo;

    /// <inheritdoc/>
    public static bool operator !=(DoubleDouble a, DoubleDouble b) => !(a == b);

    /// <summary>|a|.</summary>
    public static DoubleDouble Abs(DoubleDouble a) => a.Hi < 0.0 ? -a : a;

    /// <summary>max(a, b).</summary>
    public static DoubleDouble Max(DoubleDouble a, DoubleDouble b) => a < b ? b : a;

    /// <summary>√a for a ≥ 0: the double root, then one Newton step in double-double, x + (a − x²)/(2x).</summary>
    public static DoubleDouble Sqrt(DoubleDouble a)
    {
        if (a.Hi <= 0.0) return a.Hi == 0.0 ? default : new(double.NaN, double.NaN);
        DoubleDouble x = Math.Sqrt(a.Hi);
        return x + (a - x * x) / (2.0 * x);
    }

    /// <summary>
    /// eᵃ: a = k·ln 2 + r with |r| ≤ ln 2/2, then e^(r/1024) by its Taylor series (|r/1024| &lt; 3.4e-4, so 14 terms
    /// reach 2⁻¹¹⁰), squared ten times, times 2ᵏ. 0 below e⁻⁷⁴⁵ and ∞ above e⁷⁰⁹·⁷⁸, as for double.
    /// </summary>
    public static DoubleDouble Exp(DoubleDouble a)
    {
        if (a.Hi < -745.2) return default;
        if (a.Hi > 709.78) return new(double.PositiveInfinity, 0.0);
        var k = Math.Round(a.Hi / Ln2.Hi);
        var r = (a - k * Ln2) / 1024.0;
        DoubleDouble term = 1.0, sum = 1.0;
        for (var i = 1; i <= 14; i++)
        {
            term = term * r / i;
            sum += term;
        }
        for (var i = 0; i < 10; i++) sum *= sum;
        return ScaleB(sum, (int)k);
    }

    /// <summary>
    /// log(1 + a) for a ≥ 0: 2·atanh(u) with u = a/(2 + a) ∈ [0, 1) and atanh(u) = u + u³/3 + u⁵/5 + …, which keeps every
    /// digit of a tiny a; for a &gt; 1 the argument is first halved by log(1 + a) = log(2) + log(1 + (a − 1)/2).
    /// </summary>
    public static DoubleDouble Log1p(DoubleDouble a)
    {
        if (a.Hi < 0.0) throw new ArgumentOutOfRangeException(nameof(a), a.Hi, "the oracle's log1p takes a ≥ 0");
        if (a.Hi > 1.0) return Ln2 + Log1p((a - 1.0) / 2.0);
        return 2.0 * Atanh(a / (2.0 + a));
    }

    /// <summary>
    /// log a for a &gt; 0: a = m·2ᵏ with m ∈ [√½, √2), then log m = 2·atanh((m − 1)/(m + 1)), where m − 1 is exact, so a
    /// near 1 keeps every digit of log a.
    /// </summary>
    public static DoubleDouble Log(DoubleDouble a)
    {
        if (a.Hi <= 0.0) throw new ArgumentOutOfRangeException(nameof(a), a.Hi, "the oracle's log takes a > 0");
        if (double.IsPositiveInfinity(a.Hi)) return a;
        var k = Math.ILogB(a.Hi);
        var m = ScaleB(a, -k);
        if (m.Hi > Math.Sqrt(2.0)) (m, k) = (ScaleB(m, -1), k + 1);
        return k * Ln2 + 2.0 * Atanh((m - 1.0) / (m + 1.0));
    }

    // atanh u = u + u³/3 + u⁵/5 + … for |u| < 1, to the term below 1e-34 of the sum (|u| ≤ 1/3 here: under 80 terms).
    private static DoubleDouble Atanh(DoubleDouble u)
    {
        var u2 = u * u;
        DoubleDouble power = u, sum = u;
        for (var k = 1; k < 80 && power.Hi != 0.0; k++)
        {
            power *= u2;
            var term = power / (2 * k + 1);
            sum += term;
            if (Math.Abs(term.Hi) < 1e-34 * Math.Abs(sum.Hi)) break;
        }
        return sum;
    }

    /// <summary>
    /// The angle of (x, y): θ₀ = atan2 in double, then θ₀ + (y·cos θ₀ − x·sin θ₀)/(x·cos θ₀ + y·sin θ₀) =
    /// θ₀ + tan(θ − θ₀), whose error is O((θ − θ₀)³); sin and cos of the double θ₀ by their Taylor series.
    /// </summary>
    public static DoubleDouble Atan2(DoubleDouble y, DoubleDouble x)
    {
        var theta = Math.Atan2(y.Hi, x.Hi);
        var (sin, cos) = SinCos(theta);
        return theta + (y * cos - x * sin) / (x * cos + y * sin);
    }

    // sin t and cos t for a double |t| ≤ π: Σ (−1)ᵏ t^(2k+1)/(2k+1)! and Σ (−1)ᵏ t^(2k)/(2k)!, to the term below 2⁻¹¹⁰
    // of the largest (π³/6 ≈ 5.2), so the error is absolute, about 5·2⁻¹⁰⁶: the Newton step above needs no more.
    private static (DoubleDouble Sin, DoubleDouble Cos) SinCos(double t)
    {
        DoubleDouble x = t, term = 1.0, sin = 0.0, cos = 1.0;
        for (var n = 1; n < 60 && Math.Abs(term.Hi) > 1e-36; n++)
        {
            term = term * x / n;
            if (n % 2 == 1) sin += (n % 4 == 1) ? term : -term;
            else cos += (n % 4 == 0) ? term : -term;
        }
        return (sin, cos);
    }

    /// <summary>2ᵏ·a, exactly (unless a part leaves double's range).</summary>
    public static DoubleDouble ScaleB(DoubleDouble a, int k) => new(Math.ScaleB(a.Hi, k), Math.ScaleB(a.Lo, k));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is DoubleDouble other && this == other;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Hi, Lo);

    /// <summary>"hi + lo", each round-tripping.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Hi:R} + {Lo:R}");

    // s + e = a + b exactly (Knuth).
    private static (double Sum, double Error) TwoSum(double a, double b)
    {
        var s = a + b;
        var bb = s - a;
        return (s, (a - (s - bb)) + (b - bb));
    }

    // s + e = a + b exactly when |a| ≥ |b| (Dekker).
    private static (double Sum, double Error) QuickTwoSum(double a, double b)
    {
        var s = a + b;
        return (s, b - (s - a));
    }

    // p + e = a·b exactly: the FMA computes a·b − p without rounding the product.
    private static (double Product, double Error) TwoProduct(double a, double b)
    {
        var p = a * b;
        return (p, Math.FusedMultiplyAdd(a, b, -p));
    }

    private static DoubleDouble Normalised(double hi, double lo)
    {
        var (s, e) = QuickTwoSum(hi, lo);
        return new(s, e);
    }
}
