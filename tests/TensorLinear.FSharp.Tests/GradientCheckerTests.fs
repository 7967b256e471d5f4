/// The gradient checker on a user's own function, from F#: the Huber loss of a linear model, which the library does
/// not ship, with its gradient derived by hand, checked against finite differences and against libtorch's autograd
/// of the same loss written with TorchSharp tensors.
module TensorLinear.FSharp.Tests.GradientCheckerTests

open FsCheck
open FsCheck.FSharp
open TensorLinear.Autograd.Models
open TensorLinear.Verification.GradientChecking
open TorchSharp
open Xunit

let delta = 1.0
let data = Data.regression
let rows = data.ToRows()
let targets = data.TargetArray()
let n = float data.RowCount

/// Huber's loss of a residual: r²/2 for |r| ≤ δ, δ(|r| − δ/2) beyond. It is C¹ but not C².
let huber r = if abs r <= delta then 0.5 * r * r else delta * (abs r - 0.5 * delta)

/// Its derivative by hand, ψ(r): r inside, δ·sign(r) outside (the clip of r to [−δ, δ]).
let psi r = max -delta (min delta r)

/// The residual of row i under θ = (w₁, w₂, w₃, b).
let residual (theta: float[]) i = Array.fold2 (fun s x w -> s + x * w) theta[3] rows[i] theta[..2] - targets[i]

/// L(θ) = (1/n)·Σᵢ huber(xᵢᵀw + b − yᵢ).
let loss (theta: float[]) = Seq.init rows.Length (residual theta >> huber) |> Seq.sum |> fun s -> s / n

/// ∇L(θ) = (1/n)·Σᵢ ψ(rᵢ)·(xᵢ, 1), derived by hand with the chain rule.
let gradient (theta: float[]) =
    let g = Array.zeroCreate 4
    for i in 0 .. rows.Length - 1 do
        let s = psi (residual theta i)
        for j in 0 .. 2 do
            g[j] <- g[j] + s * rows[i][j]
        g[3] <- g[3] + s
    g |> Array.map (fun v -> v / n)

/// The same loss written with TorchSharp tensors, for autograd. Its numbers go in as Scalars held by `use` (a float
/// given to TorchSharp becomes a temporary Scalar that a garbage collection during the call can free: TensorIdiomTests).
let lossTensor (theta: torch.Tensor) =
    use half = (0.5).ToScalar()
    use d = delta.ToScalar()
    use halfD = (0.5 * delta).ToScalar()
    use one = (1.0).ToScalar()
    let x = DataTensors.Features data
    // x.add(b, one), not x + b: TorchSharp 0.107 makes a + b's scale 1 a Scalar nobody holds (ScalarLifetimeTests).
    let r = x.mv(theta.narrow(0, 0, 3)).add(theta[3], one) - DataTensors.Targets data
    let a = r.abs()
    torch.where(a.le(d), half * r * r, d * (a - halfD)).mean()

/// A point where some residuals are inside [−δ, δ] and some outside, so both branches are checked.
let theta0 = [| 1.0; -1.5; 0.25; 2.5 |]

[<Fact>]
let ``the point exercises both branches of the Huber loss`` () =
    let r = Array.init rows.Length (residual theta0)
    Assert.Contains(r, fun v -> abs v < delta)
    Assert.Contains(r, fun v -> abs v > delta)

[<Fact>]
let ``F# lambdas need no type annotations`` () =
    // With the double[] and Tensor forms under different names, F# infers x from the method alone.
    let report = GradientChecker.Check((fun x -> x[0] * x[0] + 3.0 * x[1]), (fun x -> [| 2.0 * x[0]; 3.0 |]), [| 1.5; -2.0 |])
    Assert.True(report.Passed, string report)
    let threeWay = GradientChecker.CheckWithAutograd((fun t -> (t * t).sum()), (fun x -> Array.map (fun v -> 2.0 * v) x), [| 1.5; -2.0 |])
    Assert.True(threeWay.Passed, string threeWay)

[<Fact>]
let ``a right hand derivation passes against finite differences`` () =
    let report = GradientChecker.Check(loss, gradient, theta0)
    Assert.True(report.Passed, string report)
    Assert.False(report.HasAutograd)
    Assert.StartsWith("Gradient check PASSED", string report)

[<Fact>]
let ``a right hand derivation passes three ways against autograd and finite differences`` () =
    let report = GradientChecker.CheckWithAutograd(lossTensor, gradient, theta0)
    Assert.True(report.Passed, string report)
    Assert.True(report.HasAutograd)
    // The tensor loss and the loop are the same function, to rounding.
    Approx.within (Approx.gamma 64 * abs (loss theta0)) (loss theta0) report.FunctionValue "L(θ₀)"

[<Fact>]
let ``a sign error is caught and the report says which pair disagrees`` () =
    let wrong theta = gradient theta |> Array.map (fun g -> -g)
    let report = GradientChecker.CheckWithAutograd(lossTensor, wrong, theta0, GradientCheckOptions(Seed = 3))
    Assert.False(report.Passed)
    Assert.Equal(4, report.Disagreements.Count)
    for c in report.Disagreements do
        // The claim is the odd one out: autograd and the finite difference agree with each other.
        Assert.Contains(ComparedPairs.ClaimedVersusAutograd, c.DisagreeingPairs)
        Assert.Contains(ComparedPairs.ClaimedVersusFiniteDifference, c.DisagreeingPairs)
        Assert.DoesNotContain(ComparedPairs.AutogradVersusFiniteDifference, c.DisagreeingPairs)
    let text = string report
    Assert.StartsWith("Gradient check FAILED: 4 of 4 coordinates disagree", text)
    Assert.False(report.Taylor.Passed, report.Taylor.Reason)

/// Points θ with coordinates in [−3, 3] (two decimals); shrinking moves one coordinate to 0 or its integer part.
let points =
    let coordinate = Gen.choose (-300, 300) |> Gen.map (fun k -> float k / 100.0)
    let shrink (theta: float[]) =
        seq {
            for i in 0 .. theta.Length - 1 do
                for v in [ 0.0; truncate theta[i] ] do
                    if v <> theta[i] then yield Array.updateAt i v theta
        }
    Arb.fromGenShrink (Gen.arrayOfLength 4 coordinate, shrink)

[<Fact>]
let ``the hand derivation passes at random points`` () =
    Prop.forAll points (fun theta ->
        let report = GradientChecker.CheckWithAutograd(lossTensor, gradient, theta)
        Assert.True(report.Passed, string report))
    |> Check.QuickThrowOnFailure

[<Fact>]
let ``the three verdicts, several points, a projection and a Hessian-vector product are one-liners from F#`` () =
    // max at a tie: (1, 1) is no subgradient (its slope along (1, 1) is 2, max's is 1); (0.5, 0.5) is one.
    let tie = GradientChecker.Check((fun x -> max x[0] x[1]), (fun _ -> [| 1.0; 1.0 |]), [| 1.0; 1.0 |])
    Assert.Equal(Verdict.Disagrees, tie.Verdict)
    Assert.Equal(Verdict.Disagrees, tie.KinkTest.Verdict)
    let reports = GradientChecker.CheckAtPoints(loss, gradient, [| theta0; Array.map (fun t -> t / 2.0) theta0 |])
    Assert.Equal(Verdict.Agrees, GradientChecker.Overall reports)
    // f(x) = Σ exp xᵢ: J·u of the elementwise exp is exp(x)∘u; ∇²f·v = exp(x)∘v.
    let projection = ProjectionCheck.CheckWithAutograd((fun t -> t.exp()), (fun x u -> Array.map2 (fun a b -> exp a * b) x u), theta0)
    Assert.True(projection.Passed, string projection)
    let hvp = SecondOrderChecker.CheckHessianVectorProductWithAutograd((fun t -> t.exp().sum()), (fun x v -> Array.map2 (fun a b -> exp a * b) x v), theta0, Array.create theta0.Length 0.5)
    Assert.True(hvp.Passed, string hvp)
