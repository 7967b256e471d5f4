using System.Collections.Immutable;
using TensorLinear.Models;
using TensorLinear.Numerics;

namespace TensorLinear.Training;

/// <summary>
/// The bookkeeping of full-batch gradient descent that both engines share, so that a run stops, converges and
/// diverges by the same rules whichever engine computes the gradients.
/// </summary>
/// <remarks>
/// Each epoch the engine evaluates the loss L(θₖ) and the step direction at the current parameters, hands both to
/// <see cref="Observe"/>, and takes the step only when told to go on. Both tests are relative to the run itself, so that
/// they read the same whatever the units of the data:
/// <list type="bullet">
/// <item>convergence is ‖∇f(θₖ)‖ ≤ τ·‖∇f(θ₀)‖, the step norm fallen by the factor <see cref="TrainingOptions.Tolerance"/>
/// from its value at the start (an absolute ‖∇f‖ ≤ τ stops at once on data in small units, where every gradient is
/// small, and never on data in large ones);</item>
/// <item>divergence is a non-finite loss, or a loss that, beyond its rounding, grew in
/// <see cref="TrainingOptions.DivergencePatience"/> consecutive epochs or stayed above its starting value L(θ₀) for as
/// many: a step within 2/L never raises the loss of a convex L-smooth f, so a run that keeps it above where it began
/// is overshooting, even when the loss oscillates rather than grows (logistic descent with too large a step does).</item>
/// </list>
/// </remarks>
public sealed class DescentMonitor
{
    private readonly TrainingOptions _options;
    private readonly double _learningRate;
    private readonly double? _divergenceBound;
    private readonly IProgress<EpochProgress>? _progress;
    private readonly double _lossNoise;
    private readonly Func<double>? _cancellation;
    private readonly ImmutableArray<double>.Builder _losses = ImmutableArray.CreateBuilder<double>();
    private int _growing;
    private int _aboveStart;
    private double _startStepNorm = double.NaN;
    private double _lastStepNorm = double.NaN;
    private StopReason _reason = StopReason.EpochLimit;

    /// <summary>Starts monitoring a run with the given options and step.</summary>
    /// <param name="options">The run's options (validated here).</param>
    /// <param name="learningRate">The step η actually used.</param>
    /// <param name="divergenceBound">2/L when the caller computed L, for the divergence message.</param>
    /// <param name="progress">Told of every epoch's loss.</param>
    /// <param name="lossNoise">
    /// A relative bound on the rounding error of one evaluation of the loss (see <see cref="LossNoise"/>): a rise no
    /// larger than this is rounding, not growth, and does not count towards divergence.
    /// </param>
    /// <param name="cancellation">
    /// An absolute bound on the rounding error of the loss at the current parameters that comes from cancellation in
    /// its residuals (<see cref="ResidualCancellation.Bound"/>), which the relative <paramref name="lossNoise"/> misses
    /// when the residuals are much smaller than the targets. Asked for only when a loss rises beyond the relative
    /// allowance, which near a minimum is rare, so that its cost (one pass over the data) is not paid every epoch.
    /// </param>
    public DescentMonitor(TrainingOptions options, double learningRate, double? divergenceBound, IProgress<EpochProgress>? progress = null, double lossNoise = 0.0, Func<double>? cancellation = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _learningRate = learningRate;
        _divergenceBound = divergenceBound;
        _progress = progress;
        _lossNoise = lossNoise;
        _cancellation = cancellation;
    }

    /// <summary>
    /// The relative rounding bound γ_{n+d+2} of a mean loss over n rows of d features: each score is a sum of d + 1
    /// terms, and the mean adds n non-negative terms (squared errors and cross-entropies are ≥ 0), so the computed
    /// loss is within about γ_{n+d+2}·loss of the exact one. Near a minimum the loss changes by less than that per
    /// epoch, and its computed value can rise by that much without anything diverging.
    /// </summary>
    public static double LossNoise(int rowCount, int featureCount) => FloatingPoint.Gamma(rowCount + featureCount + 2);

    /// <summary>The number of steps taken so far.</summary>
    public int Epoch => Math.Max(0, _losses.Count - 1);

    /// <summary>
    /// Records the loss at the current parameters and the norm of the step direction there (the gradient, or the
    /// proximal-gradient mapping under an L1 penalty). Returns true when descent should stop here, without stepping.
    /// </summary>
    /// <exception cref="DivergenceException">The loss is non-finite, or grew or stayed above its start too many epochs in a row.</exception>
    public bool Observe(double loss, double stepNorm)
    {
        var epoch = _losses.Count;
        if (!double.IsFinite(loss) || !double.IsFinite(stepNorm))
            throw new DivergenceException(_learningRate, _divergenceBound, epoch, loss);
        _growing = epoch > 0 && Rises(_losses[^1], loss) ? _growing + 1 : 0;
        _aboveStart = epoch > 0 && Rises(_losses[0], loss) ? _aboveStart + 1 : 0;
        if (epoch == 0) _startStepNorm = stepNorm;
        _losses.Add(loss);
        _lastStepNorm = stepNorm;
        if (epoch > 0) _progress?.Report(new EpochProgress(epoch, _options.MaxEpochs, loss));
        if (_growing >= _options.DivergencePatience || _aboveStart >= _options.DivergencePatience)
            throw new DivergenceException(_learningRate, _divergenceBound, epoch, loss);
        // ‖∇f(θₖ)‖ ≤ τ·‖∇f(θ₀)‖; a start at a stationary point (‖∇f(θ₀)‖ = 0) has converged before any step.
        if (stepNorm <= _options.Tolerance * _startStepNorm) { _reason = StopReason.Converged; return true; }
        return epoch >= _options.MaxEpochs;
    }

    // A rise from one loss to another beyond the rounding of either: the relative part, then, only when that is exceeded,
    // the cancellation in each (the bound at the current parameters stands for both: near a minimum, where rises within
    // rounding occur, consecutive parameters differ by far less than the bound's own precision).
    private bool Rises(double from, double to)
    {
        var rise = to - from - _lossNoise * Math.Max(Math.Abs(from), Math.Abs(to));
        return rise > 0.0 && (_cancellation is null || rise > 2.0 * _cancellation());
    }

    /// <summary>Why the run stopped, once <see cref="Observe"/> has said stop (the epoch limit until then).</summary>
    public StopReason StopReason => _reason;

    /// <summary>The losses observed so far, the start's first: for runs whose parameters are not a <see cref="LinearModel"/>.</summary>
    public ImmutableArray<double> LossHistory => _losses.ToImmutable();

    /// <summary>The step norm last observed (NaN before the first).</summary>
    public double LastStepNorm => _lastStepNorm;

    /// <summary>The result of the run, ending at <paramref name="model"/>.</summary>
    public TrainingResult Finish(LinearModel model) =>
        new(model, _losses.ToImmutable(), Epoch, _learningRate, _reason, _lastStepNorm);
}
