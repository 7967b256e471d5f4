using System.Collections.Immutable;
using TensorLinear.Models;

namespace TensorLinear.Training;

/// <summary>
/// The bookkeeping of full-batch gradient descent that both engines share, so that a run stops, converges and
/// diverges by the same rules whichever engine computes the gradients.
/// </summary>
/// <remarks>
/// Each epoch the engine evaluates the loss L(θₖ) and the step direction at the current parameters, hands both to
/// <see cref="Observe"/>, and takes the step only when told to go on. Divergence is a non-finite loss, or a loss that
/// grew in <see cref="TrainingOptions.DivergencePatience"/> consecutive epochs.
/// </remarks>
public sealed class DescentMonitor
{
    private readonly TrainingOptions _options;
    private readonly double _learningRate;
    private readonly double? _divergenceBound;
    private readonly IProgress<EpochProgress>? _progress;
    private readonly ImmutableArray<double>.Builder _losses = ImmutableArray.CreateBuilder<double>();
    private int _growing;
    private double _lastStepNorm = double.NaN;
    private StopReason _reason = StopReason.EpochLimit;

    /// <summary>Starts monitoring a run with the given options and step.</summary>
    /// <param name="options">The run's options (validated here).</param>
    /// <param name="learningRate">The step η actually used.</param>
    /// <param name="divergenceBound">2/L when the caller computed L, for the divergence message.</param>
    /// <param name="progress">Told of every epoch's loss.</param>
    public DescentMonitor(TrainingOptions options, double learningRate, double? divergenceBound, IProgress<EpochProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _learningRate = learningRate;
        _divergenceBound = divergenceBound;
        _progress = progress;
    }

    /// <summary>The number of steps taken so far.</summary>
    public int Epoch => Math.Max(0, _losses.Count - 1);

    /// <summary>
    /// Records the loss at the current parameters and the norm of the step direction there (the gradient, or the
    /// proximal-gradient mapping under an L1 penalty). Returns true when descent should stop here, without stepping.
    /// </summary>
    /// <exception cref="DivergenceException">The loss is non-finite, or grew too many epochs in a row.</exception>
    public bool Observe(double loss, double stepNorm)
    {
        var epoch = _losses.Count;
        if (!double.IsFinite(loss) || !double.IsFinite(stepNorm))
            throw new DivergenceException(_learningRate, _divergenceBound, epoch, loss);
        _growing = epoch > 0 && loss > _losses[^1] ? _growing + 1 : 0;
        _losses.Add(loss);
        _lastStepNorm = stepNorm;
        if (epoch > 0) _progress?.Report(new EpochProgress(epoch, _options.MaxEpochs, loss));
        if (_growing >= _options.DivergencePatience)
            throw new DivergenceException(_learningRate, _divergenceBound, epoch, loss);
        if (stepNorm <= _options.Tolerance) { _reason = StopReason.Converged; return true; }
        return epoch >= _options.MaxEpochs;
    }

    /// <summary>The result of the run, ending at <paramref name="model"/>.</summary>
    public TrainingResult Finish(LinearModel model) =>
        new(model, _losses.ToImmutable(), Epoch, _learningRate, _reason, _lastStepNorm);
}
