using TensorLinear.Autograd.Models;
using TensorLinear.Data;
using TensorLinear.Models;
using TensorLinear.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace TensorLinear.Autograd.Tests;

// The one-pass training path (TrainingPath.OnePass) against the canonical autograd path: the same loss, gradient and
// weights within bounds derived from the rounding of the sums both compute, in different orders; and its kernel,
// OnePassKernel.LossAndGradient, on its own.
public sealed class OnePassTrainingTests
{
    public OnePassTrainingTests() => Torch.Initialize();

    private const double U = 1.1102230246251565e-16; // unit roundoff 2⁻⁵³

    private static readonly TorchEngine Canonical = TorchEngine.Instance;
    private static readonly TorchEngine OnePass = new(new TorchEngineOptions { TrainingPath = TrainingPath.OnePass });

    private static double Gamma(double k) => k * U / (1 - k * U);

    /// <summary>
    /// n rows of d features, N(0, 1) times a per-column scale from scale/√spread to scale·√spread (so that the terms
    /// of the sums differ in size), with targets from a known model plus noise (linear) or labels drawn from its
    /// probabilities (logistic). n = 1003 and d = 7 are not multiples of four: the kernel's vector loops and its scalar
    /// tails both run.
    /// </summary>
    private static DataSet Data(ModelKind kind, int n = 1003, int d = 7, int seed = 7, double scale = 1.0, double spread = 100.0)
    {
        var random = new Random(seed);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        var truth = Enumerable.Range(0, d).Select(_ => Normal()).ToArray();
        var columnScale = Enumerable.Range(0, d).Select(j => scale * Math.Pow(spread, -0.5 + (double)j / Math.Max(1, d - 1))).ToArray();
        var x = new double[n * d];
        var y = new double[n];
        for (var i = 0; i < n; i++)
        {
            var z = 0.5;
            for (var j = 0; j < d; j++)
            {
                x[i * d + j] = Normal() * columnScale[j];
                z += x[i * d + j] * truth[j] / columnScale[j];
            }
            y[i] = kind == ModelKind.Linear ? z + 0.1 * Normal() : (random.NextDouble() < 1 / (1 + Math.Exp(-z)) ? 1 : 0);
        }
        return DataSet.FromRowMajor(x, d, y);
    }

    private static LinearModel SomeModel(int d, double size = 0.3) =>
        new(Enumerable.Range(0, d).Select(j => size * Math.Sin(j + 1.0)), -0.2);

    /// <summary>
    /// A bound on |ĝⱼ − gⱼ| for one correct computation of gⱼ = (1/n) Σᵢ ℓ′(zᵢ, yᵢ)aᵢⱼ with aᵢ = (xᵢ, 1), and on
    /// |L̂ − L| for L = (1/n) Σᵢ ℓᵢ (the last entry), whatever the order of the sums (NUMERICS.md):
    /// <list type="bullet">
    /// <item>the score zᵢ = Σⱼ xᵢⱼwⱼ + b is a dot product of d + 1 terms: |δzᵢ| ≤ γ_{d+1}·Sᵢ, Sᵢ = Σⱼ|xᵢⱼwⱼ| + |b|;</item>
    /// <item>the slope: |δℓ′ᵢ| ≤ c₂|δzᵢ| + 4u(|ℓ′ᵢ| + 1), c₂ = sup|ℓ″| (2 for squared error, ¼ for log-loss), and 4u for
    /// its few roundings (σ within a couple of ulps, a subtraction, the factor 2 or 1/n); the loss likewise,
    /// |δℓᵢ| ≤ |ℓ′ᵢ||δzᵢ| + 4u(|ℓᵢ| + |zᵢ| + 1) (softplus(z) − yz cancels to u|z| absolute);</item>
    /// <item>a sum of n terms in any order: γₙ Σ|termᵢ|; the division by n: u|result|.</item>
    /// </list>
    /// Two correct computations differ by at most twice this.
    /// </summary>
    private static double[] OneSidedErrorBound(ModelKind kind, DataSet data, LinearModel model)
    {
        int n = data.RowCount, d = data.FeatureCount;
        var x = data.Features.Span;
        var y = data.Targets.Span;
        var c2 = kind == ModelKind.Linear ? 2.0 : 0.25;
        var sumOfTerms = new double[d + 2];  // Σ|ℓ′ᵢaᵢⱼ|, …, Σ|ℓᵢ|
        var propagated = new double[d + 2];  // Σ|aᵢⱼ||δℓ′ᵢ|, …, Σ|δℓᵢ|
        var values = new double[d + 2];      // Σ ℓ′ᵢaᵢⱼ, …, Σ ℓᵢ (for the u|result| term)
        for (var i = 0; i < n; i++)
        {
            double z = model.Bias, s = Math.Abs(model.Bias);
            for (var j = 0; j < d; j++)
            {
                z += x[i * d + j] * model.Weights[j];
                s += Math.Abs(x[i * d + j] * model.Weights[j]);
            }
            var dz = Gamma(d + 1) * s;
            double slope, loss;
            if (kind == ModelKind.Linear)
            {
                slope = 2 * (z - y[i]);
                loss = (z - y[i]) * (z - y[i]);
            }
            else
            {
                slope = 1 / (1 + Math.Exp(-z)) - y[i];
                loss = Math.Max(z, 0) + Math.Log(1 + Math.Exp(-Math.Abs(z))) - y[i] * z;
            }
            var dSlope = c2 * dz + 4 * U * (Math.Abs(slope) + 1);
            for (var j = 0; j <= d; j++)
            {
                var a = j < d ? x[i * d + j] : 1.0;
                sumOfTerms[j] += Math.Abs(slope * a);
                propagated[j] += Math.Abs(a) * dSlope;
                values[j] += slope * a;
            }
            sumOfTerms[d + 1] += Math.Abs(loss);
            propagated[d + 1] += Math.Abs(slope) * dz + 4 * U * (Math.Abs(loss) + Math.Abs(z) + 1);
            values[d + 1] += loss;
        }
        return Enumerable.Range(0, d + 2)
            .Select(j => (Gamma(n) * sumOfTerms[j] + propagated[j]) / n + U * Math.Abs(values[j] / n))
            .ToArray();
    }

    public static TheoryData<ModelKind, double> Cases => new()
    {
        { ModelKind.Linear, 1.0 },
        { ModelKind.Logistic, 1.0 },
        { ModelKind.Logistic, 100.0 }, // scores in the hundreds: log-loss must stay stable (softplus, not log σ)
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void OnePassLossAndGradientAgreeWithAutogradWithinTheRoundingOfTheirSums(ModelKind kind, double scale)
    {
        var data = Data(kind, scale: scale);
        var model = SomeModel(data.FeatureCount);
        var bound = OneSidedErrorBound(kind, data, model);
        var expected = Canonical.Gradient(kind, data, model, Penalty.None).ToParameterVector();
        var actual = OnePass.Gradient(kind, data, model, Penalty.None).ToParameterVector();
        for (var j = 0; j < expected.Length; j++) Expect.Within(expected[j], actual[j], 2 * bound[j]);
        Expect.Within(Canonical.Loss(kind, data, model, Penalty.None), OnePass.Loss(kind, data, model, Penalty.None), 2 * bound[^1]);
    }

    [Fact]
    public void OnePassAddsThePenaltiesAsAutogradDoes()
    {
        var data = Data(ModelKind.Linear);
        var model = new LinearModel([0.5, 0.0, -0.25, 1.0, 0.0, 2.0, -1.0], 0.1); // zeros: sign(0) = 0 on both paths
        var penalty = new Penalty(l2: 0.125, l1: 0.5);
        var bound = OneSidedErrorBound(ModelKind.Linear, data, model);
        var expected = Canonical.Gradient(ModelKind.Linear, data, model, penalty).ToParameterVector();
        var actual = OnePass.Gradient(ModelKind.Linear, data, model, penalty).ToParameterVector();
        // The penalty's gradient 2λ₂wⱼ + λ₁sign(wⱼ) is the same autograd expression on both paths, exact here (λ₂ = ⅛,
        // λ₁ = ½ and these w are small binary fractions); only the data term differs, and the final sum adds ≤ u.
        for (var j = 0; j < expected.Length; j++) Expect.Within(expected[j], actual[j], 2 * bound[j] + 2 * U * Math.Abs(expected[j]));
        Expect.Within(Canonical.Loss(ModelKind.Linear, data, model, penalty), OnePass.Loss(ModelKind.Linear, data, model, penalty),
            2 * bound[^1] + 2 * U * Canonical.Loss(ModelKind.Linear, data, model, penalty));
    }

    [Theory]
    [InlineData(ModelKind.Linear)]
    [InlineData(ModelKind.Logistic)]
    public void WeightedDataTakeTheAutogradPathAndGiveItsResultsToTheBit(ModelKind kind)
    {
        // The kernel sums unweighted rows; with sample weights the one-pass engine must not call it, and then it is the
        // canonical engine exactly. Weights of 1 are still weights (and move the loss by nothing but rounding).
        var plain = Data(kind, n: 211, d: 5);
        var weighted = plain.WithSampleWeights([.. Enumerable.Range(0, plain.RowCount).Select(i => 0.25 + i % 7)]);
        var model = SomeModel(5);
        var options = new TrainingOptions { MaxEpochs = 50 };

        Assert.Equal(Canonical.Loss(kind, weighted, model, Penalty.None), OnePass.Loss(kind, weighted, model, Penalty.None));
        Assert.Equal(Canonical.Gradient(kind, weighted, model, Penalty.None), OnePass.Gradient(kind, weighted, model, Penalty.None));
        var a = Canonical.Train(kind, weighted, options);
        var b = OnePass.Train(kind, weighted, options);
        Assert.Equal(a.Model, b.Model);
        Assert.Equal(a.LossHistory.ToArray(), b.LossHistory.ToArray());
        Assert.NotEqual(Canonical.Loss(kind, plain, model, Penalty.None), Canonical.Loss(kind, weighted, model, Penalty.None));
    }

    [Fact]
    public void OnePassGivesTheSameResultEveryTime()
    {
        // The kernel's sums are added in an order fixed by n, d and the thread count, never by scheduling.
        var data = Data(ModelKind.Logistic, n: 20_011, d: 9);
        var model = SomeModel(9);
        var first = OnePass.Gradient(ModelKind.Logistic, data, model, Penalty.None).ToParameterVector();
        for (var k = 0; k < 5; k++)
            Assert.Equal(first, OnePass.Gradient(ModelKind.Logistic, data, model, Penalty.None).ToParameterVector());
    }

    [Theory]
    [InlineData(ModelKind.Linear)]
    [InlineData(ModelKind.Logistic)]
    public void OnePassTrainingReachesTheCanonicalLoopsWeights(ModelKind kind)
    {
        // How far apart can the two paths' iterates drift? Write θₖ₊₁ = θₖ − η(∇f(θₖ) + eₖ) for the canonical path and
        // θ′ₖ₊₁ = θ′ₖ − η(∇f(θ′ₖ) + e′ₖ) for the one-pass path, where the gradient errors obey ‖eₖ‖ ≤ εₖ (the bound of
        // OneSidedErrorBound at θₖ, in the Euclidean norm) and the update itself rounds by at most u‖θₖ₊₁‖ + u‖ηĝ‖.
        // ∇f is L-Lipschitz (L = λ_max of the Hessian for squared error, of its bound (1/4n)AᵀA for log-loss), so
        //   Δₖ₊₁ = ‖θₖ₊₁ − θ′ₖ₊₁‖ ≤ (1 + ηL)Δₖ + η(εₖ + ε′ₖ) + 2u(‖θₖ₊₁‖ + η‖ĝₖ‖),   Δ₀ = 0:
        // the rounding of each epoch's sums, amplified over the remaining epochs by at most (1 + ηL) each. (For these
        // convex losses and η ≤ 2/L the exact step is even non-expansive, factor 1; the test uses the general bound.)
        // ε′ₖ is evaluated at θₖ too, with a factor 2 for the difference of its magnitudes at θ′ₖ (Δₖ is tiny).
        const int epochs = 12;
        var data = Data(kind);
        var options = new TrainingOptions { MaxEpochs = epochs, Tolerance = 0.0 };
        var canonical = Canonical.Train(kind, data, options);
        var onePass = OnePass.Train(kind, data, options);
        Assert.Equal(epochs, onePass.Epochs);
        Assert.Equal(canonical.LearningRate, onePass.LearningRate); // the same L from the same code, so the same η

        var eta = canonical.LearningRate;
        var lipschitz = 1.01 / eta; // η = 1/L̂ with L̂ from power iteration, which may come out a little below L
        var drift = 0.0;
        for (var k = 0; k < epochs; k++)
        {
            // θₖ of the canonical path: training is deterministic, so k epochs from zero reproduce it.
            var thetaK = k == 0 ? LinearModel.Zero(data.FeatureCount) : Canonical.Train(kind, data, options with { MaxEpochs = k }).Model;
            var thetaNext = Canonical.Train(kind, data, options with { MaxEpochs = k + 1 }).Model;
            var epsilon = Norm(OneSidedErrorBound(kind, data, thetaK).AsSpan(0, data.FeatureCount + 1));
            var step = Norm(Canonical.Gradient(kind, data, thetaK, Penalty.None).ToParameterVector()) * eta;
            drift = (1 + eta * lipschitz) * drift + eta * (epsilon + 2 * epsilon) + 2 * U * (Norm(thetaNext.ToParameterVector()) + step);
        }

        var difference = Norm(canonical.Model.ToParameterVector().Zip(onePass.Model.ToParameterVector(), (a, b) => a - b).ToArray());
        Assert.True(difference <= drift, $"the paths' weights are {difference:G3} apart, more than the bound {drift:G3}");
        // The bound is not vacuous: a wrong gradient formula would move the weights by O(‖θ‖), far above it.
        Assert.True(drift < 1e-6 * Norm(canonical.Model.ToParameterVector()), $"the bound {drift:G3} is too loose to mean anything");
    }

    [Fact]
    public void OnePassTrainingStopsWhereTheCanonicalLoopStops()
    {
        // To convergence: both stop on the same tolerance, at weights within what that tolerance leaves open.
        var data = Data(ModelKind.Linear, spread: 1.0);
        var options = new TrainingOptions { MaxEpochs = 5000, Tolerance = 1e-9 };
        var canonical = Canonical.Train(ModelKind.Linear, data, options);
        var onePass = OnePass.Train(ModelKind.Linear, data, options);
        Assert.True(canonical.Converged && onePass.Converged);
        Assert.InRange(onePass.Epochs, canonical.Epochs - 2, canonical.Epochs + 2);
        // f is μ-strongly convex with μ the Hessian's smallest eigenvalue, so ‖θ − θ*‖ ≤ ‖∇f(θ)‖/μ for each path's
        // last iterate, and the two lie within the sum of those of each other. μ ≥ 1 here: with 1003 rows of 7 standard
        // normal features and the ones column, (1/n)AᵀA has its eigenvalues within about (1 ± √(8/1003))² ⊂ [0.8, 1.2],
        // and the MSE Hessian is twice that.
        var difference = Norm(canonical.Model.ToParameterVector().Zip(onePass.Model.ToParameterVector(), (a, b) => a - b).ToArray());
        Assert.True(difference <= (canonical.GradientNorm + onePass.GradientNorm) / 1.0, $"{difference:G3}");
    }

    [Fact]
    public void OnePassTrainingWithPenaltiesFollowsTheCanonicalLoop()
    {
        var data = Data(ModelKind.Logistic);
        var options = new TrainingOptions { MaxEpochs = 50, Tolerance = 0.0, Penalty = new Penalty(l2: 0.01, l1: 0.01) };
        var canonical = Canonical.Train(ModelKind.Logistic, data, options);
        var onePass = OnePass.Train(ModelKind.Logistic, data, options);
        // The proximal step is the same tensor code on both paths; the difference is the data gradient's rounding.
        // Over 50 epochs the general factor (1 + ηL)ᵏ of OnePassTrainingReachesTheCanonicalLoopsWeights says nothing,
        // but here f is convex and η = 1/L, so the exact step θ ↦ θ − η∇f(θ) is non-expansive (the eigenvalues of
        // I − η∇²f lie in [0, 1]) and so is the soft threshold: Δₖ ≤ Σ η(εₖ + ε′ₖ) + rounding ≈ 50·2e-13 here
        // (ε ≈ γₙ·Σ|ℓ′x|/n ~ 1e-13 for n = 1003 and x up to 10). 1e-9 leaves a margin of 100 over that.
        for (var j = 0; j < data.FeatureCount; j++)
            Expect.Within(canonical.Model.Weights[j], onePass.Model.Weights[j], 1e-9);
        Expect.Within(canonical.Model.Bias, onePass.Model.Bias, 1e-9);
    }

    [Fact]
    public void OnePassTrainingDivergesLikeTheCanonicalLoop()
    {
        var data = Data(ModelKind.Linear);
        var options = new TrainingOptions { LearningRate = 10.0, MaxEpochs = 100 }; // far above 2/L
        var canonical = Assert.Throws<DivergenceException>(() => Canonical.Train(ModelKind.Linear, data, options));
        var onePass = Assert.Throws<DivergenceException>(() => OnePass.Train(ModelKind.Linear, data, options));
        Assert.Equal(canonical.Epoch, onePass.Epoch);
    }

    [Fact]
    public void TheEngineNamesItsPath()
    {
        Assert.Equal("torch", Canonical.Name);
        Assert.Equal("torch-onepass", OnePass.Name);
        Assert.Equal(TrainingPath.Autograd, new TorchEngine().Options.TrainingPath);
        Assert.Throws<OutOfDomainException>(() => new TorchEngine(new TorchEngineOptions { TrainingPath = (TrainingPath)7 }));
    }

    [Fact]
    public void TheKernelsSumsOfSmallBinaryFractionsAreExact()
    {
        // n = 5: one block of four rows in vector lanes and a scalar tail of one. z = 0.5x₁ − 0.25x₂ + 1 = (1, 1.5, 2,
        // 2.5, 3), residuals r = (0, −0.5, −1, −1.5, −2): L = Σr²/5 = 7.5/5 = 1.5, ∂L/∂w = (2/5)Xᵀr = (−14, −16),
        // ∂L/∂b = (2/5)Σr = −2; every product and partial sum is a small binary fraction: exact in any order.
        using var scope = NewDisposeScope();
        var x = tensor(new double[,] { { 1, 2 }, { 3, 4 }, { 5, 6 }, { 7, 8 }, { 9, 10 } });
        var y = tensor(new double[] { 1, 2, 3, 4, 5 });
        var w = tensor(new[] { 0.5, -0.25 });
        var b = tensor(1.0, dtype: float64);
        foreach (var threads in new[] { 1, 2, 8 })
            Assert.Equal([-14, -16, -2, 1.5], OnePassKernel.LossAndGradient(ModelKind.Linear, x, y, w, b, threads));
        // Logistic at w = 0, b = 0: σ = ½, ℓ′ = ½ − y, ℓ = ln 2 per row. With y = (1, 0, 1, 0, 1):
        // ∂L/∂w = (Σ(½ − yᵢ)xᵢ)/5 = (−2.5, −3)/5, ∂L/∂b = −0.5/5; the divisions round once each.
        var logistic = OnePassKernel.LossAndGradient(ModelKind.Logistic, x, tensor(new double[] { 1, 0, 1, 0, 1 }),
            zeros(2, dtype: float64), tensor(0.0, dtype: float64), 1);
        Expect.WithinUlps([-0.5, -0.6, -0.1], logistic[..3], 1);
        Expect.WithinUlps(Math.Log(2), logistic[3], 4); // five rounded ln 2 summed (three roundings) and divided
    }

    [Fact]
    public void TheKernelsResultDependsOnTheThreadCountOnlyWithinRounding()
    {
        // One thread and several add the partial sums in different orders; the same count repeats bit for bit.
        var data = Data(ModelKind.Logistic, n: 20_011, d: 9);
        var model = SomeModel(9);
        var bound = OneSidedErrorBound(ModelKind.Logistic, data, model);
        using var scope = NewDisposeScope();
        var (x, y) = (DataTensors.Features(data), DataTensors.Targets(data));
        var (w, b) = (tensor(model.Weights.ToArray()), tensor(model.Bias, dtype: float64));
        var one = OnePassKernel.LossAndGradient(ModelKind.Logistic, x, y, w, b, 1);
        foreach (var threads in new[] { 2, 3, 7 })
        {
            var many = OnePassKernel.LossAndGradient(ModelKind.Logistic, x, y, w, b, threads);
            for (var j = 0; j < one.Length; j++) Expect.Within(one[j], many[j], 2 * bound[j]);
            Assert.Equal(many, OnePassKernel.LossAndGradient(ModelKind.Logistic, x, y, w, b, threads));
        }
    }

    [Fact]
    public void TheKernelRefusesWhatItCannotReadInPlace()
    {
        // It reads raw memory: a wrong shape, dtype or layout would read past the tensors or misread them.
        using var scope = NewDisposeScope();
        var x = ones(8, 2, dtype: float64);
        var y = ones(8, dtype: float64);
        var w = ones(2, dtype: float64);
        var b = tensor(0.0, dtype: float64);
        double[] Run(Tensor xs, Tensor ys, Tensor ws, Tensor bs, int threads = 1) =>
            OnePassKernel.LossAndGradient(ModelKind.Linear, xs, ys, ws, bs, threads);
        Assert.Throws<DimensionMismatchException>(() => Run(x, ones(7, dtype: float64), w, b));
        Assert.Throws<DimensionMismatchException>(() => Run(x, y, ones(3, dtype: float64), b));
        Assert.Throws<DimensionMismatchException>(() => Run(x, y, w, ones(2, dtype: float64)));
        Assert.Throws<DimensionMismatchException>(() => Run(ones(8, dtype: float64), y, w, b));
        Assert.Throws<InvalidInputException>(() => Run(ones(8, 2), y, w, b)); // float32
        Assert.Throws<InvalidInputException>(() => Run(ones(2, 8, dtype: float64).t(), y, w, b)); // a transposed view
        Assert.Throws<EmptyInputException>(() => Run(ones(0, 2, dtype: float64), ones(0, dtype: float64), w, b));
        Assert.Throws<OutOfDomainException>(() => Run(x, y, w, b, threads: 0));
        Assert.Throws<OutOfDomainException>(() => OnePassKernel.LossAndGradient((ModelKind)9, x, y, w, b, 1));
        Expect.EngineStillWorks();
    }

    private static double Norm(ReadOnlySpan<double> v)
    {
        var sum = 0.0;
        foreach (var e in v) sum += e * e;
        return Math.Sqrt(sum);
    }
}
