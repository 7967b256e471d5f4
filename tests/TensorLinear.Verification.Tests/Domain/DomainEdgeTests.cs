using TensorLinear.Autograd;
using TensorLinear.Autograd.Models;
using TensorLinear.Reference;
using TensorLinear.Reference.Losses;
using static TorchSharp.torch;
using TensorLinear.Autograd.Losses;

namespace TensorLinear.Verification.Tests.Domain;

// Inputs outside a function's domain are excluded from the generators by construction; here they are tested as
// errors: the reference and its tensor twin refuse the same input with the same typed error. Where libtorch's autograd
// has a convention of its own at such a point (a zero gradient for ‖x‖₂ at 0), the test records it.
public sealed class DomainEdgeTests
{
    // TorchSharp's native library loads only after TensorLinear.Autograd's libstdc++ fix has run.
    public DomainEdgeTests() => Torch.Initialize();

    private static Tensor T(params double[] values) => tensor(values);

    private static Tensor Scalar(double value) => tensor(value, dtype: ScalarType.Float64);

    [Fact]
    public void TheUnitVectorOfZeroIsRefusedOnBothSides()
    {
        using var scope = NewDisposeScope();
        Assert.Throws<DegenerateInputException>(() => Vector.Unit([0, 0, 0]));
        Assert.Throws<DegenerateInputException>(() => TensorVector.Unit(T(0, 0, 0)));
    }

    [Fact]
    public void AnglesAndCosinesWithAZeroVectorAreRefusedOnBothSides()
    {
        using var scope = NewDisposeScope();
        Assert.Throws<DegenerateInputException>(() => Vector.Cosine([0, 0], [1, 2]));
        Assert.Throws<DegenerateInputException>(() => TensorVector.Cosine(T(0, 0), T(1, 2)));
        Assert.Throws<DegenerateInputException>(() => Vector.Angle([1, 2], [0, 0]));
        Assert.Throws<DegenerateInputException>(() => TensorVector.Angle(T(1, 2), T(0, 0)));
    }

    [Fact]
    public void ProjectingOnTheZeroVectorIsRefusedOnBothSides()
    {
        using var scope = NewDisposeScope();
        Assert.Throws<DegenerateInputException>(() => Vector.Project([1, 2], [0, 0]));
        Assert.Throws<DegenerateInputException>(() => TensorVector.Project(T(1, 2), T(0, 0)));
        Assert.Throws<DegenerateInputException>(() => Vector.ScalarProjection([1, 2], [0, 0]));
        Assert.Throws<DegenerateInputException>(() => TensorVector.ScalarProjection(T(1, 2), T(0, 0)));
        Assert.Throws<DegenerateInputException>(() => Vector.Reject([1, 2], [0, 0]));
        Assert.Throws<DegenerateInputException>(() => TensorVector.Reject(T(1, 2), T(0, 0)));
    }

    [Fact]
    public void AHyperplaneWithAZeroNormalIsRefusedOnBothSides()
    {
        using var scope = NewDisposeScope();
        Assert.Throws<DegenerateInputException>(() => new Hyperplane([0, 0], 1));
        Assert.Throws<DegenerateInputException>(() => TensorHyperplane.SignedDistance(T(0, 0), Scalar(1), T(1, 2)));
        Assert.Throws<DegenerateInputException>(() => TensorHyperplane.Foot(T(0, 0), Scalar(1), T(1, 2)));
    }

    [Fact]
    public void MismatchedEmptyAndNonFiniteVectorsAreRefusedOnBothSides()
    {
        using var scope = NewDisposeScope();
        Assert.Throws<DimensionMismatchException>(() => Vector.Dot([1, 2, 3], [1, 2]));
        Assert.Throws<DimensionMismatchException>(() => TensorVector.Dot(T(1, 2, 3), T(1, 2)));
        Assert.Throws<EmptyInputException>(() => Vector.Norm2([]));
        Assert.Throws<EmptyInputException>(() => TensorVector.Norm2(T()));
        Assert.Throws<NonFiniteInputException>(() => Vector.Norm1([1, double.NaN]));
        Assert.Throws<NonFiniteInputException>(() => TensorVector.Norm1(T(1, double.NaN)));
        Assert.Throws<DimensionMismatchException>(() => new Hyperplane([1, 2], 0).Evaluate([1, 2, 3]));
        Assert.Throws<DimensionMismatchException>(() => TensorHyperplane.Evaluate(T(1, 2), Scalar(0), T(1, 2, 3)));
    }

    [Fact]
    public void NormOrdersBelowOneAreRefusedOnBothSides()
    {
        using var scope = NewDisposeScope();
        Assert.Throws<OutOfDomainException>(() => Vector.NormP([1, 2], 0.5));
        Assert.Throws<OutOfDomainException>(() => TensorVector.NormP(T(1, 2), 0.5));
        Assert.Throws<OutOfDomainException>(() => Vector.Distance([1, 2], [3, 4], double.NaN));
        Assert.Throws<OutOfDomainException>(() => TensorVector.Distance(T(1, 2), T(3, 4), double.NaN));
    }

    [Fact]
    public void ProbabilitiesAndLabelsOutsideTheUnitIntervalAreRefusedOnBothSides()
    {
        using var scope = NewDisposeScope();
        Assert.Throws<OutOfDomainException>(() => BinaryCrossEntropy.FromProbabilities([1, 0], [0.5, 1.5]));
        Assert.Throws<OutOfDomainException>(() => TensorLosses.BinaryCrossEntropyFromProbabilities(T(1, 0), T(0.5, 1.5)));
        Assert.Throws<OutOfDomainException>(() => BinaryCrossEntropy.FromLogits([2, 0], [0.5, 1.5]));
        Assert.Throws<OutOfDomainException>(() => TensorLosses.BinaryCrossEntropyFromLogits(T(2, 0), T(0.5, 1.5)));
    }

    [Fact]
    public void AtZeroTheReferenceRefusesTheGradientOfTheTwoNormWhereLibtorchReturnsZero()
    {
        Assert.Throws<DegenerateInputException>(() => VectorGradients.Norm2Gradient([0, 0]));
        Assert.Throws<DegenerateInputException>(() => VectorGradients.NormPGradient([0, 0], 3));
        using var scope = NewDisposeScope();
        // libtorch's norm backward masks the 0/0 at a zero norm to 0 (one subgradient of a cone's tip); the catalog's
        // generators therefore never produce x = 0 for these entries.
        foreach (var p in new[] { 2.0, 3.0, 4.109264943380499 })
        {
            var x = T(0, 0).requires_grad_();
            TensorVector.NormP(x, p).backward();
            Assert.Equal([0.0, 0.0], x.grad!.ToDoubles());
        }
    }

    [Fact]
    public void AtATieTheMaxNormGradientIsSplitEvenlyOnBothSides()
    {
        // The reference's convention sign(xᵢ)/k on the k tied components is libtorch 2.10's norm backward for p = ∞
        // too (sgn(x)·mask/mask.sum()): for (3, −3, 1) both give (½, −½, 0), and three ways tie as ⅓.
        using var scope = NewDisposeScope();
        foreach (var values in new[] { new double[] { 3, -3, 1 }, [2, -2, 2], [-5, 1, -5, 5] })
        {
            var x = tensor(values, requires_grad: true);
            TensorVector.NormInf(x).backward();
            Assert.Equal(VectorGradients.NormInfGradient(values), x.grad!.ToDoubles());
        }
        Assert.Equal([0.5, -0.5, 0.0], VectorGradients.NormInfGradient([3, -3, 1]));
    }

    [Fact]
    public void AFractionalNormOrderIsNotRoundedToSinglePrecision()
    {
        // libtorch 1.13's norm kernel rounded a fractional p to float32: for p = 4.109264943380499 and x = (0.1163…, −1)
        // its ‖x‖ₚ was 1.0000352161450197, 8e-12 off; the true value (40 digits: 1.00003521613719684619…) rounds to
        // 1.0000352161371968, which the reference returns. libtorch 2.10's linalg.vector_norm, which TensorVector
        // reaches through VectorNorm.Of, takes p as a double (TorchSharp's Tensor.norm(float p) would still round it),
        // and agrees with the reference to the last bit here, value and gradient.
        double[] values = [0.11632021396847789, -1];
        const double p = 4.109264943380499;
        using var scope = NewDisposeScope();
        var x = tensor(values, requires_grad: true);
        var norm = TensorVector.NormP(x, p);
        Assert.Equal(1.0000352161371968, norm.ToDouble());
        Assert.Equal(Vector.NormP(values, p), norm.ToDouble());
        norm.backward();
        Assert.Equal(VectorGradients.NormPGradient(values, p), x.grad!.ToDoubles());
    }

    [Fact]
    public void LargeComponentsDoNotOverflowThePNormOrItsGradientOnEitherSide()
    {
        // ‖(1e200, 1)‖₃ = 1e200 and ∇ ≈ (1, 1e-400 → 0): unscaled, libtorch's |x|ᵖ and ‖x‖^(p−1) would overflow to
        // ∞ and give ∞/∞ = NaN; both sides scale by a power of two near the largest component, which is exact.
        double[] values = [1e200, 1];
        using var scope = NewDisposeScope();
        foreach (var p in new[] { 3.0, 4.109264943380499 })
        {
            var x = tensor(values, requires_grad: true);
            var norm = TensorVector.NormP(x, p);
            Assert.Equal(Vector.NormP(values, p), norm.ToDouble());
            norm.backward();
            var g = x.grad!.ToDoubles();
            Assert.All(g, v => Assert.True(double.IsFinite(v)));
            Assert.Equal(VectorGradients.NormPGradient(values, p), g);
        }
    }

    [Fact]
    public void AtExactlyParallelVectorsTheAngleIsZeroAndAutogradReturnsAZeroSubgradient()
    {
        // θ has a cone point at x ∥ y, where no gradient exists; the catalog checks the angle's derivatives only away
        // from it. There Kahan's formula gives θ = 0 exactly and autograd 0 (the norm of the zero vector x̂ − ŷ).
        using var scope = NewDisposeScope();
        var x = T(1, 2, 3).requires_grad_();
        var angle = TensorVector.Angle(x, T(2, 4, 6));
        Assert.Equal(0.0, angle.ToDouble());
        Assert.Equal(0.0, Vector.Angle([1, 2, 3], [2, 4, 6]));
        angle.backward();
        Assert.All(x.grad!.ToDoubles(), v => Assert.Equal(0.0, v));
    }
}
