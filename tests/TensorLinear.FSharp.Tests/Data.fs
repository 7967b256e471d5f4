/// The data sets the tests fit, each small enough to read and each with a stated origin.
module TensorLinear.FSharp.Tests.Data

open TensorLinear.Data

/// The six seed examples in the plane: (5,5), (6,6), (7,4) are class 1; (2,4), (3,2), (5,1) class 0.
let seedPoints =
    [| [| 5.0; 5.0 |]; [| 6.0; 6.0 |]; [| 7.0; 4.0 |]; [| 2.0; 4.0 |]; [| 3.0; 2.0 |]; [| 5.0; 1.0 |] |]

let seedLabels = [| 1.0; 1.0; 1.0; 0.0; 0.0; 0.0 |]

let seedExamples = DataSet.FromRows(seedPoints, seedLabels, [ "x1"; "x2" ], "class")

/// Three features with y = 1.5·x1 − 2·x2 + 0.5·x3 + 3 plus a fixed perturbation (so the residuals are not zero).
/// The features are roughly centred and not collinear, so the Hessian is well conditioned and descent converges in a
/// few thousand epochs.
let regression =
    let rows =
        [| [| 0.5; -1.0; 2.0 |]
           [| -1.5; 0.5; 1.0 |]
           [| 1.0; 1.5; -0.5 |]
           [| -0.5; -2.0; 0.0 |]
           [| 2.0; 0.0; 1.5 |]
           [| -2.0; 1.0; -1.0 |]
           [| 0.0; -0.5; -2.0 |]
           [| 1.5; 2.0; 0.5 |]
           [| -1.0; -1.5; -1.5 |]
           [| 0.5; 1.0; 1.0 |] |]
    let noise = [| 0.12; -0.08; 0.05; -0.11; 0.07; 0.02; -0.06; 0.09; -0.03; -0.07 |]
    let targets = Array.map2 (fun (r: float[]) e -> 1.5 * r[0] - 2.0 * r[1] + 0.5 * r[2] + 3.0 + e) rows noise
    DataSet.FromRows(rows, targets)

/// Three features and labels that no hyperplane separates (rows 2, 5 and 9 sit on the "wrong" side of the trend), so
/// the unpenalised log-loss has a finite minimiser and descent converges to it.
let classification =
    let rows =
        [| [| 1.0; 0.5; -0.5 |]
           [| 2.0; -1.0; 0.0 |]
           [| -1.0; 1.0; 0.5 |]
           [| 0.5; 1.5; 1.0 |]
           [| -2.0; -0.5; 0.5 |]
           [| 1.5; 0.0; -1.0 |]
           [| -0.5; -1.5; 0.0 |]
           [| 0.0; 2.0; -0.5 |]
           [| -1.5; 0.5; 1.5 |]
           [| 1.0; -0.5; 1.0 |]
           [| -1.0; -1.0; -1.0 |]
           [| 0.5; 0.0; 0.5 |] |]
    let labels = [| 1.0; 1.0; 1.0; 1.0; 0.0; 0.0; 0.0; 1.0; 0.0; 0.0; 0.0; 1.0 |]
    DataSet.FromRows(rows, labels)
