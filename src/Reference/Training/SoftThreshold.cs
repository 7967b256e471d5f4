namespace TensorLinear.Reference.Training;

/// <summary>The proximal operator of t·|·|, the step that handles an L1 penalty in proximal gradient descent.</summary>
internal static class SoftThreshold
{
    // prox_{t|·|}(v) = argmin_u ½(u − v)² + t|u| = sign(v)·max(|v| − t, 0): shrink towards 0 by t, and stop at 0. The
    // sign is copied rather than multiplied by Math.Sign, which throws on NaN: a step that overflowed must reach the
    // next loss, where the descent monitor reports it as divergence.
    public static double Apply(double v, double t) => double.CopySign(Math.Max(Math.Abs(v) - t, 0.0), v);
}
