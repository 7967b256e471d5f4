namespace TensorLinear.Reference.Training;

/// <summary>
/// The part of a (d + 1)×(d + 1) matrix over θ = (w₁, …, w_d, b) that belongs to the trained parameters: all of it
/// with a fitted intercept, the weights' leading d×d block when the bias is held at 0.
/// </summary>
internal static class TrainedBlock
{
    /// <summary>The matrix itself when <paramref name="fitIntercept"/>, else a copy of its leading d×d block.</summary>
    public static double[,] Of(double[,] matrix, bool fitIntercept)
    {
        if (fitIntercept) return matrix;
        var d = matrix.GetLength(0) - 1;
        var block = new double[d, d];
        for (var j = 0; j < d; j++)
            for (var k = 0; k < d; k++)
                block[j, k] = matrix[j, k];
        return block;
    }
}
