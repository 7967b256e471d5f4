/// The forward-mode way from F#: a function over generic math as an object expression, checked in one line.
module TensorLinear.FSharp.Tests.ForwardModeCheckTests

open TensorLinear.Numerics
open TensorLinear.Verification.GradientChecking
open Xunit

/// f(x) = x₀²·x₁ + x₁³; ∇f = (2x₀x₁, x₀² + 3x₁²).
let f =
    { new IRealFunction with
        member _.Evaluate<'T when 'T :> IRealNumber<'T>>(x: 'T[]) : 'T[] =
            // F# reaches the interface's static operators by name ('T.op_…), not by the SRTP operators.
            let mul a b = 'T.op_Multiply(a, b)
            [| 'T.op_Addition(mul (mul x[0] x[0]) x[1], mul (mul x[1] x[1]) x[1]) |] }

let gradient (x: float[]) = [| 2.0 * x[0] * x[1]; x[0] * x[0] + 3.0 * x[1] * x[1] |]

[<Fact>]
let ``a correct gradient passes in one line`` () =
    let report = GradientChecker.CheckWithForwardMode(f, gradient, [| 0.8; -1.5 |])
    Assert.True(report.Passed, report.ToString())

[<Fact>]
let ``a missing factor 2 is rejected`` () =
    let report = GradientChecker.CheckWithForwardMode(f, (fun x -> [| x[0] * x[1]; x[0] * x[0] + 3.0 * x[1] * x[1] |]), [| 0.8; -1.5 |])
    Assert.False(report.Passed)
