// The geometry of the six seed examples: norms, unit vectors, angles and projections of the points, then a logistic
// classifier trained on both engines and the half-space each point lies in.
//
//   class 1: (5, 5), (6, 6), (7, 4)        class 0: (2, 4), (3, 2), (5, 1)
//
// Run from the repository root, after `dotnet build -c Release`:   dotnet fsi docs/examples/seed-geometry.fsx
// The script fails (exit code 1) if any expectation does not hold.

#I "../../src/Verification/bin/Release/net10.0"
#r "TorchSharp.dll"
#r "TensorLinear.Core.dll"
#r "TensorLinear.Reference.dll"
#r "TensorLinear.Autograd.dll"

open System
open TensorLinear
open TensorLinear.Autograd
open TensorLinear.Autograd.Models
open TensorLinear.Data
open TensorLinear.Models
open TensorLinear.Numerics
open TensorLinear.Reference
open TensorLinear.Reference.Models
open TensorLinear.Training
open TorchSharp

let expect condition what =
    if condition then printfn "ok: %s" what else failwithf "FAILED: %s" what

let points = [| [| 5.0; 5.0 |]; [| 6.0; 6.0 |]; [| 7.0; 4.0 |]; [| 2.0; 4.0 |]; [| 3.0; 2.0 |]; [| 5.0; 1.0 |] |]
let labels = [| 1.0; 1.0; 1.0; 0.0; 0.0; 0.0 |]
let show (p: float[]) = sprintf "(%g, %g)" p[0] p[1]
let u = FloatingPoint.UnitRoundoff

// ---- norms and unit vectors -------------------------------------------------------------------------------------------

printfn "%-8s %6s %10s %6s   %-22s" "point" "‖x‖₁" "‖x‖₂" "‖x‖∞" "x̂ = x/‖x‖₂"
for p in points do
    let unit = Vector.Unit p
    printfn "%-8s %6g %10.6f %6g   (%.6f, %.6f)" (show p) (Vector.Norm1 p) (Vector.Norm2 p) (Vector.NormInf p) unit[0] unit[1]
// ‖x‖∞ ≤ ‖x‖₂ ≤ ‖x‖₁ ≤ √2·‖x‖₂ in the plane; the unit vector has norm 1 to a few roundings.
expect (points |> Array.forall (fun p ->
            Vector.NormInf p <= Vector.Norm2 p && Vector.Norm2 p <= Vector.Norm1 p && Vector.Norm1 p <= sqrt 2.0 * Vector.Norm2 p * (1.0 + 4.0 * u)))
       "‖x‖∞ ≤ ‖x‖₂ ≤ ‖x‖₁ ≤ √2‖x‖₂ at every point"
expect (points |> Array.forall (fun p -> abs (Vector.Norm2(Vector.Unit p) - 1.0) <= 4.0 * u)) "‖x̂‖₂ = 1 at every point, to 4u"
// (5, 5): ‖x‖₁ = 10, ‖x‖∞ = 5 exactly, ‖x‖₂ = 5√2 to one rounding.
expect (Vector.Norm1 points[0] = 10.0 && Vector.NormInf points[0] = 5.0 && abs (Vector.Norm2 points[0] - 5.0 * sqrt 2.0) <= 2.0 * u * 7.1)
       "the norms of (5, 5) are 10, 5√2 and 5"

// ---- angles ---------------------------------------------------------------------------------------------------------------
// In the plane the angle between x and y is also |atan2(x₂, x₁) − atan2(y₂, y₁)| (when that is at most π): an
// independent oracle for Kahan's formula in Vector.Angle.

printfn "\nangles between the points, in degrees"
printfn "%-8s %s" "" (points |> Array.map (show >> sprintf "%9s") |> String.concat "")
for p in points do
    printfn "%-8s %s" (show p) (points |> Array.map (fun q -> sprintf "%9.4f" (Vector.AngleDegrees(p, q))) |> String.concat "")
// Each side is a few roundings of quantities below π, so they agree to 16u.
let worstAngle =
    Array.allPairs points points |> Array.map (fun (p, q) -> abs (Vector.Angle(p, q) - abs (atan2 p[1] p[0] - atan2 q[1] q[0]))) |> Array.max
expect (worstAngle <= 16.0 * u) (sprintf "all 36 angles match |atan2(x₂, x₁) − atan2(y₂, y₁)| (worst difference %.1e rad)" worstAngle)
expect (Vector.Angle(points[0], points[1]) <= 4.0 * u) "(5, 5) and (6, 6) point the same way: their angle is 0 to rounding"
expect (abs (Vector.AngleDegrees(points[3], points[5]) - 52.125016) < 1e-6) "(2, 4) and (5, 1) are the widest pair, 52.125016° apart"

// ---- projections on the difference of the class means -------------------------------------------------------------------
// m₁ − m₀ = (6, 5) − (10/3, 7/3) = (8/3, 8/3), the direction (1, 1): the scalar projection xᵀŷ = (x₁ + x₂)/√2.

let mean (rows: float[][]) = [| Array.averageBy (fun (r: float[]) -> r[0]) rows; Array.averageBy (fun (r: float[]) -> r[1]) rows |]
let direction = Array.map2 (-) (mean points[0..2]) (mean points[3..5])
printfn "\nm₁ − m₀ = %s; projections on it:" (show direction)
let projections = points |> Array.map (fun p -> Vector.ScalarProjection(p, direction))
for p, s in Array.zip points projections do
    let along = Vector.Project(p, direction)
    let rejection = Vector.Reject(p, direction)
    printfn "  %-8s xᵀŷ = %.6f   proj = (%.4f, %.4f)   rejection = (%.4f, %.4f)" (show p) s along[0] along[1] rejection[0] rejection[1]
expect (Array.forall2 (fun (p: float[]) s -> abs (s - (p[0] + p[1]) / sqrt 2.0) <= 8.0 * u * s) points projections)
       "xᵀŷ = (x₁ + x₂)/√2 at every point"
expect (points |> Array.forall (fun p -> abs (Vector.Dot(Vector.Reject(p, direction), direction)) <= 16.0 * u * Vector.Norm2 p * Vector.Norm2 direction))
       "every rejection is orthogonal to m₁ − m₀"
expect (Array.min projections[0..2] > Array.max projections[3..5])
       "along m₁ − m₀ every class-1 point projects beyond every class-0 point"

// ---- a logistic classifier, trained on both engines ---------------------------------------------------------------------
// The classes are separable, so the unpenalised log-loss has no minimiser (‖w‖ grows for ever); a ridge penalty
// λ₂‖w‖² makes the minimiser unique, and both engines must reach it.

let data = DataSet.FromRows(points, labels, [ "x1"; "x2" ], "class")
let options = TrainingOptions(Penalty = Penalty(l2 = 0.05), MaxEpochs = 100_000, Tolerance = 1e-10)
let engines: ILinearModelEngine list = [ ReferenceEngine(); TorchEngine() ]
let results = engines |> List.map (fun engine -> engine.Name, engine.Train(ModelKind.Logistic, data, options))
for name, r in results do
    printfn "%-9s %O: %O in %d epochs, ‖∇L‖ = %.1e" name r.Model r.StopReason r.Epochs r.GradientNorm
    expect r.Converged (sprintf "%s: logistic descent converged" name)
let model, torchModel = (snd results[0]).Model, (snd results[1]).Model

// How close must the two be? Near the minimiser θ* the penalised loss is strongly convex with μ = λmin(H(θ*)), so a
// result with gradient g lies within ‖g‖/μ of θ*, and the two within the sum (μ/2 allows for the power iteration
// approaching λmax(λmax·I − H) from below, and for H moving between the results).
let hessian = ReferenceEngine().Hessian(ModelKind.Logistic, data, model, options.Penalty)
let largest = PowerIteration.LargestEigenvalue hessian
let smallest = largest - PowerIteration.LargestEigenvalue(Array2D.init 3 3 (fun i j -> (if i = j then largest else 0.0) - hessian[i, j]))
let norm (v: float[]) = sqrt (Array.sumBy (fun c -> c * c) v)
let gap = norm (Array.map2 (-) (model.ToParameterVector()) (torchModel.ToParameterVector()))
let bound = (results |> List.sumBy (fun (_, r) -> r.GradientNorm)) / (smallest / 2.0)
expect (gap <= bound) (sprintf "the engines' models agree (distance %.1e ≤ %.1e, with λmin = %.4f)" gap bound smallest)

// ---- the half-spaces -------------------------------------------------------------------------------------------------------

let weights = Seq.toArray model.Weights
let boundary = Hyperplane(weights, model.Bias)
let torchBoundary = Hyperplane(Seq.toArray torchModel.Weights, torchModel.Bias)
let probabilities = LogisticRegression.Predict(data, model)
let normal = boundary.UnitNormal()
printfn "\ndecision boundary %.4f·x1 %+.4f·x2 %+.4f = 0, unit normal (%.4f, %.4f)" weights[0] weights[1] model.Bias normal[0] normal[1]
printfn "%-8s %5s %9s %5s %10s %8s  %s" "point" "class" "score" "side" "distance" "P(1)" "foot of the perpendicular"
for i in 0 .. points.Length - 1 do
    let p = points[i]
    let foot = boundary.Foot p
    printfn "%-8s %5g %9.4f %+5d %10.4f %8.4f  (%.4f, %.4f)" (show p) labels[i] (boundary.Evaluate p) (boundary.Side p)
        (boundary.SignedDistance p) probabilities[i] foot[0] foot[1]

let side label = if label = 1.0 then 1 else -1
expect (Array.forall2 (fun p label -> boundary.Side p = side label) points labels)
       "(5, 5), (6, 6), (7, 4) lie in the positive half-space, (2, 4), (3, 2), (5, 1) in the negative"
expect (points |> Array.forall (fun p -> torchBoundary.Side p = boundary.Side p)) "each point is on the same side of the torch engine's boundary"
expect (LogisticRegression.Classify(data, model) = labels) "the classifier's predictions are the labels"
expect (Array.forall2 (fun p probability -> (probability > 0.5) = (boundary.Side p > 0)) points probabilities)
       "P(class 1) > ½ exactly in the positive half-space"
// The signed distance is the projection on the normal, shifted: d(x) = xᵀŵ + b/‖w‖, to a few roundings of its terms.
let scale (p: float[]) = Vector.Norm2 p + abs model.Bias / Vector.Norm2 weights
expect (points |> Array.forall (fun p ->
            abs (boundary.SignedDistance p - (Vector.ScalarProjection(p, weights) + model.Bias / Vector.Norm2 weights)) <= 16.0 * u * scale p))
       "d(x) = xᵀŵ + b/‖w‖ at every point"
// Each foot of the perpendicular lies on the boundary, to the rounding of its score.
expect (points |> Array.forall (fun p ->
            let foot = boundary.Foot p
            abs (boundary.Evaluate foot) <= 16.0 * u * (Array.sumBy abs (Array.map2 (*) weights foot) + abs model.Bias)))
       "every foot of the perpendicular is on the boundary"
// The tensor twin of the signed distance agrees with the reference's.
let tensorDistance (p: float[]) =
    use scope = torch.NewDisposeScope()
    // TensorData.ToDouble: TorchSharp's own ToDouble reads through a Scalar it does not hold.
    TensorData.ToDouble(TensorHyperplane.SignedDistance(torch.tensor weights, torch.tensor model.Bias, torch.tensor p))
expect (points |> Array.forall (fun p -> abs (tensorDistance p - boundary.SignedDistance p) <= 16.0 * u * scale p))
       "the tensor twin's signed distances agree"
printfn "\nseed-geometry: all expectations hold"
