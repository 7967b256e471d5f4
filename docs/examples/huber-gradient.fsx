// The gradient of a loss TensorLinear does not ship — the Huber loss of a linear model — derived by hand and checked
// with the gradient checker against libtorch's autograd and against finite differences; then the same check of a
// derivation with a deliberate sign error, to show what the report says.
//
// Run from the repository root, after `dotnet build -c Release`:   dotnet fsi docs/examples/huber-gradient.fsx
// The script fails (exit code 1) if any expectation does not hold.

#I "../../src/Verification/bin/Release/net10.0"
#r "TorchSharp.dll"
#r "TensorLinear.Core.dll"
#r "TensorLinear.Autograd.dll"
#r "TensorLinear.Verification.dll"

open TensorLinear.Verification.GradientChecking
open TorchSharp

let expect condition what =
    if condition then printfn "ok: %s" what else failwithf "FAILED: %s" what

// ---- the data: 8 rows of 3 features, y ≈ 2·x1 − x2 + 0.5·x3 + 1, and one outlier (row 6), which is why Huber ------

let rows =
    [| [| 0.5; 1.0; -1.0 |]; [| -1.0; 0.5; 2.0 |]; [| 1.5; -0.5; 0.0 |]; [| 0.0; 2.0; 1.0 |]
       [| -0.5; -1.5; 0.5 |]; [| 2.0; 0.0; -0.5 |]; [| 1.0; 1.0; 1.0 |]; [| -1.5; 0.5; -2.0 |] |]
let targets = [| 0.6; -0.4; 4.6; -0.5; 2.7; 5.0; 9.0; -3.6 |]
let n = float rows.Length
let delta = 1.0

// ---- the derivation ---------------------------------------------------------------------------------------------
//
//   L(θ) = (1/n)·Σᵢ h(rᵢ),   rᵢ = xᵢᵀw + b − yᵢ,   θ = (w₁, w₂, w₃, b)
//   h(r) = r²/2 for |r| ≤ δ,  δ·(|r| − δ/2) beyond         (continuous, and so is h′: both branches meet at |r| = δ)
//   h′(r) = r for |r| ≤ δ,  δ·sign(r) beyond  =  clip(r, −δ, δ)  =: ψ(r)
//   ∂rᵢ/∂w = xᵢ,  ∂rᵢ/∂b = 1
//   ⇒ ∂L/∂w = (1/n)·Σᵢ ψ(rᵢ)·xᵢ,   ∂L/∂b = (1/n)·Σᵢ ψ(rᵢ)

let huber r = if abs r <= delta then 0.5 * r * r else delta * (abs r - 0.5 * delta)
let psi r = max -delta (min delta r)
let residual (theta: float[]) i = Array.fold2 (fun s x w -> s + x * w) theta[3] rows[i] theta[..2] - targets[i]

let loss (theta: float[]) = Array.init rows.Length (residual theta >> huber) |> Array.sum |> fun s -> s / n

let gradient (theta: float[]) =
    let g = Array.zeroCreate 4
    for i in 0 .. rows.Length - 1 do
        let s = psi (residual theta i)
        for j in 0 .. 2 do g[j] <- g[j] + s * rows[i][j]
        g[3] <- g[3] + s
    Array.map (fun v -> v / n) g

// The same loss written with TorchSharp tensors, so that libtorch's autograd can differentiate it: a third,
// independent opinion. Its numbers go in as Scalars held by `use`: a float handed to TorchSharp 0.107 becomes a
// temporary Scalar that a garbage collection during the call can free. So does the 1 of a + b (a.add(b, 1) inside
// TorchSharp), so the sum is written a.add(b, one).
let lossTensor (theta: torch.Tensor) =
    use half = (0.5).ToScalar()
    use d = delta.ToScalar()
    use halfD = (0.5 * delta).ToScalar()
    use one = (1.0).ToScalar()
    let x = torch.tensor(array2D rows)
    let r = x.mv(theta.narrow(0, 0, 3)).add(theta[3], one) - torch.tensor targets
    let a = r.abs()
    torch.where(a.le(d), half * r * r, d * (a - halfD)).mean()

// A point where some residuals fall inside [−δ, δ] and some outside, so that both branches of ψ are exercised.
let theta = [| 1.5; -0.5; 0.25; 0.5 |]
let residuals = Array.init rows.Length (residual theta)
printfn "residuals at θ = %A: %A" theta (residuals |> Array.map (fun r -> System.Math.Round(r, 3)))
expect (residuals |> Array.exists (fun r -> abs r < delta) && residuals |> Array.exists (fun r -> abs r > delta))
       "the point exercises both branches of the Huber loss"

// ---- the check: hand derivation vs autograd vs finite differences ----------------------------------------------------

let report = GradientChecker.CheckWithAutograd(lossTensor, gradient, theta)
printfn "\n%O" report
expect report.Passed "the hand-derived gradient agrees with autograd and with finite differences"
expect report.HasAutograd "the check was three-way"

// Without tensors at all, the loop alone is checked two ways (against finite differences).
let twoWay = GradientChecker.Check(loss, gradient, theta)
expect twoWay.Passed "the hand-derived gradient agrees with finite differences of the loop"

// ---- a deliberate sign error ------------------------------------------------------------------------------------------
//
// Write the residual the other way, eᵢ = yᵢ − ŷᵢ (h is even, so the loss is unchanged), and forget that
// ∂eᵢ/∂θ = −(xᵢ, 1): the "derivation" ∂L/∂θ = (1/n)·Σᵢ ψ(eᵢ)·(xᵢ, 1) is the right gradient with its sign flipped.

let wrongGradient (theta: float[]) =
    let g = Array.zeroCreate 4
    for i in 0 .. rows.Length - 1 do
        let s = psi (-(residual theta i)) // ψ(eᵢ), eᵢ = yᵢ − ŷᵢ
        for j in 0 .. 2 do g[j] <- g[j] + s * rows[i][j]
        g[3] <- g[3] + s
    Array.map (fun v -> v / n) g

let wrong = GradientChecker.CheckWithAutograd(lossTensor, wrongGradient, theta)
printfn "\n%O" wrong
expect (not wrong.Passed) "the sign error fails the check"
expect (wrong.Disagreements.Count = 4) "every coordinate is reported as disagreeing"
expect (wrong.Disagreements |> Seq.forall (fun c ->
            Seq.contains ComparedPairs.ClaimedVersusAutograd c.DisagreeingPairs
            && Seq.contains ComparedPairs.ClaimedVersusFiniteDifference c.DisagreeingPairs
            && not (Seq.contains ComparedPairs.AutogradVersusFiniteDifference c.DisagreeingPairs)))
       "the report blames the claim: autograd and the finite differences agree with each other"
expect (not wrong.Taylor.Passed) "the Taylor test fails too (the remainder shrinks like h, not h²)"
printfn "\nhuber-gradient: all expectations hold"
