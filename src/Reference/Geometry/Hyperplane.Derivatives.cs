namespace TensorLinear.Reference;

// The derivatives of the score wᵀx + w₀ and the Jacobians of the foot p = x − d·ŵ, with respect to x, w and w₀.
public sealed partial record Hyperplane
{
    /// <summary>The gradient of the score s = wᵀx + w₀ with respect to x: w.</summary>
    public double[] EvaluateGradientX()
    {
        // ∂(Σⱼwⱼxⱼ + w₀)/∂xᵢ = wᵢ
        return (double[])_w.Clone();
    }

    /// <summary>The gradient of the score s = wᵀx + w₀ with respect to w: x.</summary>
    /// <exception cref="EmptyInputException">x is empty.</exception>
    /// <exception cref="NonFiniteInputException">A component of x is NaN or infinite.</exception>
    /// <exception cref="DimensionMismatchException">x does not have the hyperplane's dimension.</exception>
    public double[] EvaluateGradientWeights(double[] x)
    {
        CheckPoint(x);
        // ∂(Σⱼwⱼxⱼ + w₀)/∂wᵢ = xᵢ
        return (double[])x.Clone();
    }

    /// <summary>The derivative of the score s = wᵀx + w₀ with respect to the bias w₀: 1.</summary>
    public static double EvaluateGradientBias() =>
        // ∂(wᵀx + w₀)/∂w₀ = 1
        1.0;

    /// <summary>The Jacobian of the foot p = x − d·ŵ with respect to x: I − ŵŵᵀ, the projection onto the hyperplane's direction space.</summary>
    public double[,] FootJacobianX()
    {
        var wHat = UnitNormal();
        var n = wHat.Length;
        var jacobian = new double[n, n];
        // ∂[xᵢ − (wᵀx + w₀)wᵢ/‖w‖²]/∂xⱼ = δᵢⱼ − ŵᵢŵⱼ
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++) jacobian[i, j] = (i == j ? 1.0 : 0.0) - wHat[i] * wHat[j];
        return jacobian;
    }

    /// <summary>The Jacobian of the foot p = x − d·ŵ with respect to w: row i is −(ŵᵢx + d·eᵢ − 2d·ŵᵢŵ)/‖w‖.</summary>
    /// <exception cref="EmptyInputException">x is empty.</exception>
    /// <exception cref="NonFiniteInputException">A component of x is NaN or infinite.</exception>
    /// <exception cref="DimensionMismatchException">x does not have the hyperplane's dimension.</exception>
    /// <exception cref="OutOfDomainException">x is so far from the hyperplane that d overflows.</exception>
    public double[,] FootJacobianWeights(double[] x)
    {
        var d = SignedDistance(x);
        if (!double.IsFinite(d))
            throw new OutOfDomainException(nameof(x), "is so far from the hyperplane that its distance overflows double, so its foot has no Jacobian in double");
        var wHat = UnitNormal();
        var n = wHat.Length;
        var jacobian = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            // ∂[(wᵀx + w₀)wᵢ/‖w‖²]/∂wⱼ = (ŵᵢxⱼ + d·δᵢⱼ − 2d·ŵᵢŵⱼ)/‖w‖, and p = x − that
            var row = VectorArithmetic.AddMultiple(VectorArithmetic.Multiply(wHat[i], x), -2.0 * d * wHat[i], wHat);
            row[i] += d;
            var scaled = ExactScaling.DivideByNorm(row, _w);
            for (var j = 0; j < n; j++) jacobian[i, j] = -scaled[j];
        }
        return jacobian;
    }

    /// <summary>The derivative of the foot p = x − d·ŵ with respect to the bias w₀: −ŵ/‖w‖.</summary>
    public double[] FootJacobianBias()
    {
        // ∂[xᵢ − (wᵀx + w₀)wᵢ/‖w‖²]/∂w₀ = −wᵢ/‖w‖² = −ŵᵢ/‖w‖
        return ExactScaling.DivideByNorm(VectorArithmetic.Multiply(-1.0, UnitNormal()), _w);
    }
}
