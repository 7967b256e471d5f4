// A multi-feature linear model fitted by gradient descent on both engines — the hand-derived reference and libtorch's
// autograd — and compared with the closed-form least-squares solution (Householder QR, by hand and by libtorch).
//
// Run from the repository root, after `dotnet build -c Release`:   dotnet fsi docs/examples/linear-descent-vs-closed-form.fsx
// The script fails (exit code 1) if any expectation does not hold.

#I "../../src/Verification/bin/Release/net10.0"
#r "TorchSharp.dll"
#r "TensorLinear.Core.dll"
#r "TensorLinear.Reference.dll"
#r "TensorLinear.Autograd.dll"

open System
open TensorLinear
open TensorLinear.Autograd.LeastSquares
open TensorLinear.Autograd.Models
open TensorLinear.Data
open TensorLinear.Models
open TensorLinear.Numerics
open TensorLinear.Reference.LeastSquares
open TensorLinear.Reference.Models
open TensorLinear.Training

let expect condition what =
    if condition then printfn "ok: %s" what else failwithf "FAILED: %s" what

// ---- the data: 60 rows of 4 features, y = 2·x1 − 1·x2 + 0.5·x3 + 3·x4 − 1 plus N(0, 0.1²) noise (seeded) --------

let trueWeights, trueBias = [| 2.0; -1.0; 0.5; 3.0 |], -1.0
let random = Random 20240601
let normal () = sqrt (-2.0 * log (1.0 - random.NextDouble())) * cos (2.0 * Math.PI * random.NextDouble())
let rows = Array.init 60 (fun _ -> Array.init 4 (fun _ -> 4.0 * random.NextDouble() - 2.0))
let targets = rows |> Array.map (fun x -> Array.fold2 (fun s xi wi -> s + xi * wi) trueBias x trueWeights + 0.1 * normal ())
let data = DataSet.FromRows(rows, targets)

// ---- the closed form: least squares by Householder QR, in the reference (MathNet) and in libtorch (LAPACK geqrf) ---

let closed = OrdinaryLeastSquares.Fit data
let closedTorch = TensorLeastSquares.Fit data
let thetaStar = closed.Model.ToParameterVector()

// ---- gradient descent on both engines, the same options: the safe step 1/L, stop at ‖∇L‖ ≤ 1e-10 --------------------

let options = TrainingOptions(MaxEpochs = 20_000, Tolerance = 1e-10)
let engines: ILinearModelEngine list = [ ReferenceEngine(); TorchEngine() ]
let fits = engines |> List.map (fun engine -> engine.Name, engine.Train(ModelKind.Linear, data, options))

printfn "%-10s %14s %14s %14s %14s" "" "true" "closed form" "descent (ref)" "descent (torch)"
let names = [| "w1"; "w2"; "w3"; "w4"; "b" |]
let truth = Array.append trueWeights [| trueBias |]
for i in 0 .. 4 do
    let descent = fits |> List.map (fun (_, r) -> r.Model.ToParameterVector()[i])
    printfn "%-10s %14.6f %14.9f %14.9f %14.9f" names[i] truth[i] thetaStar[i] descent[0] descent[1]
for name, r in fits do
    printfn "%-10s %d epochs, step η = %.6f, final ‖∇L‖ = %.2e, loss %.8f (%O)" name r.Epochs r.LearningRate r.GradientNorm r.FinalLoss r.StopReason

// ---- how close must they be? ---------------------------------------------------------------------------------------
// The MSE is quadratic with constant Hessian H, so θ − θ* = H⁻¹∇L(θ) and ‖θ − θ*‖ ≤ ‖∇L(θ)‖/λmin(H). λmax comes from
// power iteration, λmin = λmax − λmax(λmax·I − H); the closed form itself is backward stable, off by about
// κ(H)·γₙ·‖θ*‖ at most.

let hessian = ReferenceEngine().Hessian(ModelKind.Linear, data, closed.Model, Penalty.None)
let largest = PowerIteration.LargestEigenvalue hessian
let shifted = Array2D.init 5 5 (fun i j -> (if i = j then largest else 0.0) - hessian[i, j])
let smallest = largest - PowerIteration.LargestEigenvalue shifted
let norm (v: float[]) = v |> Array.sumBy (fun c -> c * c) |> sqrt
let distance a b = norm (Array.map2 (-) a b)
let closedFormError = (largest / smallest) * FloatingPoint.Gamma(4 * data.RowCount) * norm thetaStar
printfn "Hessian eigenvalues in [%.4f, %.4f], κ = %.2f" smallest largest (largest / smallest)

expect (distance thetaStar (closedTorch.Model.ToParameterVector()) <= closedFormError)
       (sprintf "the closed forms by hand and by libtorch agree (distance %.2e ≤ %.2e)"
            (distance thetaStar (closedTorch.Model.ToParameterVector())) closedFormError)
for name, r in fits do
    let bound = r.GradientNorm / (smallest / 2.0) + closedFormError
    let d = distance (r.Model.ToParameterVector()) thetaStar
    expect r.Converged (sprintf "descent on %s converged" name)
    expect (d <= bound) (sprintf "descent on %s is within ‖∇L‖/(λmin/2) of the closed form (distance %.2e ≤ %.2e)" name d bound)
let ref, torch = snd fits[0], snd fits[1]
expect (ref.Epochs = torch.Epochs) (sprintf "both engines took the same number of epochs (%d)" ref.Epochs)
expect (distance truth thetaStar < 0.1) "the fit recovers the generating coefficients to within the noise"
printfn "\nlinear-descent-vs-closed-form: all expectations hold"
