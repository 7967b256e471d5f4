/// Multi-feature linear and logistic fits from F#, on both engines (and the torch engine's one-pass path), checked
/// against the closed-form least-squares solution and against each other with bounds derived from the Hessian.
module TensorLinear.FSharp.Tests.ModelFitTests

open System
open TensorLinear
open TensorLinear.Autograd.LeastSquares
open TensorLinear.Autograd.Models
open TensorLinear.Models
open TensorLinear.Numerics
open TensorLinear.Reference.LeastSquares
open TensorLinear.Reference.Models
open TensorLinear.Training
open Xunit

let engines: ILinearModelEngine list =
    [ ReferenceEngine()
      TorchEngine()
      TorchEngine(TorchEngineOptions(TrainingPath = TrainingPath.OnePass)) ]

let norm (v: float[]) = v |> Array.sumBy (fun c -> c * c) |> sqrt

/// The largest and smallest eigenvalues of a symmetric positive definite matrix H: λmax by power iteration, and
/// λmin = λmax − λmax(λmax·I − H). Power iteration approaches λmax(λmax·I − H) from below, so λmin comes out a little
/// high; callers use λmin/2, a margin far wider than the 1e-12 relative tolerance of the iteration.
let extremeEigenvalues (h: float[,]) =
    let largest = PowerIteration.LargestEigenvalue h
    let n = Array2D.length1 h
    let shifted = Array2D.init n n (fun i j -> (if i = j then largest else 0.0) - h[i, j])
    largest, largest - PowerIteration.LargestEigenvalue shifted

[<Fact>]
let ``the closed-form least-squares fits by hand and by libtorch agree`` () =
    let data = Data.regression
    let byHand = OrdinaryLeastSquares.Fit(data).Model.ToParameterVector()
    let byTorch = TensorLeastSquares.Fit(data).Model.ToParameterVector()
    let largest, smallest = extremeEigenvalues (ReferenceEngine().Hessian(ModelKind.Linear, data, LinearModel.Zero 3, Penalty.None))
    // Householder QR is backward stable: each solution is within about κ(H)·γₙ·‖θ‖ of the exact one
    // (κ(H) = κ(A)², which also covers least squares' κ(A)²·‖r‖ term for these small residuals).
    let bound = (largest / smallest) * Approx.gamma (4 * data.RowCount) * norm byHand
    Assert.True(Approx.distance byHand byTorch <= bound, sprintf "QR by hand %A vs by libtorch %A: bound %g" byHand byTorch bound)
    // The data were made from y = 1.5·x1 − 2·x2 + 0.5·x3 + 3 plus a perturbation of at most 0.12.
    Approx.withinAll 0.2 [| 1.5; -2.0; 0.5; 3.0 |] byHand "θ against the generating coefficients"

[<Fact>]
let ``multi-feature linear regression by descent reaches the closed form on every engine`` () =
    let data = Data.regression
    let closed = OrdinaryLeastSquares.Fit(data).Model.ToParameterVector()
    let largest, smallest = extremeEigenvalues (ReferenceEngine().Hessian(ModelKind.Linear, data, LinearModel.Zero 3, Penalty.None))
    let options = TrainingOptions(MaxEpochs = 10_000, Tolerance = 1e-10)
    for engine in engines do
        let result = engine.Train(ModelKind.Linear, data, options)
        Assert.True(result.Converged, sprintf "%s: %O" engine.Name result)
        // MSE is quadratic, so θ − θ* = H⁻¹∇L(θ) and ‖θ − θ*‖ ≤ ‖∇L(θ)‖/λmin; plus the closed form's own error.
        let bound = result.GradientNorm / (smallest / 2.0) + (largest / smallest) * Approx.gamma (4 * data.RowCount) * norm closed
        let theta = result.Model.ToParameterVector()
        Assert.True(Approx.distance theta closed <= bound,
                    sprintf "%s: descent %A vs closed form %A, distance %g, bound %g" engine.Name theta closed (Approx.distance theta closed) bound)

[<Fact>]
let ``multi-feature logistic regression by descent agrees across engines`` () =
    let data = Data.classification
    let options = TrainingOptions(MaxEpochs = 20_000, Tolerance = 1e-10)
    let results = engines |> List.map (fun engine -> engine.Name, engine.Train(ModelKind.Logistic, data, options))
    // Near the minimiser the log-loss is strongly convex with μ ≈ λmin(H(θ*)), so each result lies within
    // ‖∇L‖/μ of θ*, and any two within the sum of their bounds (with μ/2 as the margin of extremeEigenvalues).
    let hessian = ReferenceEngine().Hessian(ModelKind.Logistic, data, (snd results.Head).Model, Penalty.None)
    let _, smallest = extremeEigenvalues hessian
    for name, result in results do
        Assert.True(result.Converged, sprintf "%s: %O" name result)
        // The other engine's gradient at this result is as small: it is the same function.
        let torchGradient = TorchEngine.Instance.Gradient(ModelKind.Logistic, data, result.Model, Penalty.None)
        Assert.True(norm (torchGradient.ToParameterVector()) <= 2.0 * result.GradientNorm + 1e-14,
                    sprintf "%s: libtorch's gradient at the result is %O" name torchGradient)
    for nameA, a in results do
        for nameB, b in results do
            let distance = Approx.distance (a.Model.ToParameterVector()) (b.Model.ToParameterVector())
            let bound = (a.GradientNorm + b.GradientNorm) / (smallest / 2.0) + Approx.gamma 64 * norm (a.Model.ToParameterVector())
            Assert.True(distance <= bound, sprintf "%s %O vs %s %O: distance %g, bound %g" nameA a.Model nameB b.Model distance bound)

[<Fact>]
let ``the engines' gradients and Hessians agree at a point of a multi-feature model`` () =
    let data = Data.classification
    let model = LinearModel([| 0.5; -0.25; 1.0 |], -0.5)
    let penalty = Penalty(l2 = 0.1)
    let reference, torch = ReferenceEngine(), TorchEngine.Instance
    for kind in [ ModelKind.Linear; ModelKind.Logistic ] do
        let g1 = reference.Gradient(kind, data, model, penalty).ToParameterVector()
        let g2 = torch.Gradient(kind, data, model, penalty).ToParameterVector()
        // Here |z| ≤ 3.5, y ∈ {0, 1} and |xᵢⱼ| ≤ 2, so each term of the mean is at most (|z| + 1)² ≤ 21 in the loss
        // and 2(|z| + 1)·2 ≤ 18 in the gradient: the two evaluations differ by at most γ₄ₙ₊₁₆ on a scale of 32.
        let bound = Approx.gamma (4 * data.RowCount + 16) * 32.0
        Approx.withinAll bound g1 g2 (sprintf "%A gradient" kind)
        Approx.within bound (reference.Loss(kind, data, model, penalty)) (torch.Loss(kind, data, model, penalty)) (sprintf "%A loss" kind)

[<Fact>]
let ``training reports progress to an F# object expression`` () =
    let reports = ref 0
    let progress = { new IProgress<EpochProgress> with member _.Report _ = reports.Value <- reports.Value + 1 }
    let result = ReferenceEngine().Train(ModelKind.Linear, Data.regression, TrainingOptions(MaxEpochs = 50), progress = progress)
    Assert.Equal(result.Epochs, reports.Value)
