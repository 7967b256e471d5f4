#r "nuget: TensorLinear.Verification"
// The F# script route: the line above takes TensorLinear from NuGet; tests/TensorLinear.Packaging.Tests writes
// `#i "nuget: <feed>"` first, for the freshly packed local feed. The same checks as Program.cs: a hand-derived gradient,
// a slip rejected, one linear model fitted on both engines; an unhandled failwith ends dotnet fsi with exit code 1.
open TensorLinear
open TensorLinear.Autograd.Loading
open TensorLinear.Autograd.Models
open TensorLinear.Data
open TensorLinear.Models
open TensorLinear.Reference.Models
open TensorLinear.Training
open TensorLinear.Verification.GradientChecking

let expect condition what =
    if condition then printfn "ok: %s" what else failwithf "FAILED: %s" what

let f (x: float[]) = x[0] * x[0] * x[1] + sin x[1]
let gradient (x: float[]) = [| 2.0 * x[0] * x[1]; x[0] * x[0] + cos x[1] |]
let slipped (x: float[]) = [| x[0] * x[1]; x[0] * x[0] + cos x[1] |]
let point = [| 1.5; -0.5 |]
expect (GradientChecker.Check(f, gradient, point).Passed) "the hand-derived gradient agrees with finite differences"
expect (not (GradientChecker.Check(f, slipped, point).Passed)) "the slipped gradient is rejected"

// y = 2·x1 − x2 + 1 exactly, so both engines must find (2, −1, 1).
let rows = [| [| 0.0; 0.0 |]; [| 1.0; 0.0 |]; [| 0.0; 1.0 |]; [| 1.0; 1.0 |]; [| 2.0; -1.0 |]; [| -1.0; 2.0 |] |]
let data = DataSet.FromRows(rows, rows |> Array.map (fun r -> 2.0 * r[0] - r[1] + 1.0))
let options = TrainingOptions(MaxEpochs = 20_000, Tolerance = 1e-10)
let engines: ILinearModelEngine list = [ ReferenceEngine(); TorchEngine() ]
for engine in engines do
    let fit = engine.Train(ModelKind.Linear, data, options)
    let error = Array.map2 (fun a b -> abs (a - b)) (fit.Model.ToParameterVector()) [| 2.0; -1.0; 1.0 |] |> Array.max
    expect (fit.Converged && error < 1e-6) (sprintf "%s fits (2, -1, 1) (largest error %.1e)" engine.Name error)
printfn "libstdc++ fix: %O" LibStdCxxCompatibility.Outcome.Kind
