namespace TensorLinear.Reference.Training;

/// <summary>The proximal operator of t·|·|, the step that handles an L1 penalty in proximal gradient descent.</summary>
internal static class SoftThreshold
{
    // prox_{t|·|}(v) = argmin_u ½(u − v)² + t|u| = sign(v)·max(|v| − t, 0): shrink towards 0 by t, and stop at 0.
    public static double Apply(double v, double t) => Math.Sign(v) * Math.Max(Math.Abs(v) - t, 0.0);
}
