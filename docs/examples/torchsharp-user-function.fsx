// A loss written directly in TorchSharp by its user — the softplus (logistic) loss of a linear model with labels ±1
// and a ridge penalty — and its gradient derived by hand, checked by TensorLinear's gradient checker against
// libtorch's autograd of the TorchSharp function and against finite differences. Then a derivation with a planted
// slip, to show that the check fails and blames the claim.
//
// Run from the repository root, after `dotnet build -c Release`:   dotnet fsi docs/examples/torchsharp-user-function.fsx
// The script fails (exit code 1) if any expectation does not hold. TorchSharp comes from NuGet (restored once, then
// from the local package cache); TensorLinear from the Release build.

#r "nuget: TorchSharp-cpu, 0.107.0"
#I "../../src/Verification/bin/Release/net10.0"
#r "TensorLinear.Core.dll"
#r "TensorLinear.Autograd.dll"
#r "TensorLinear.Verification.dll"

open TensorLinear.Autograd
open TensorLinear.Verification.GradientChecking
open TorchSharp

// TorchSharp's native library loads only after TensorLinear's libstdc++ fix (needed where the system libstdc++ is
// older than GCC 13's): load the engine before the first TorchSharp call.
Torch.Initialize()

let expect condition what =
    if condition then printfn "ok: %s" what else failwithf "FAILED: %s" what

// ---- the data: 10 rows of 2 features, labels ±1 that no line separates (rows 3 and 8 sit across the trend) ---------

let rows =
    array2D [ [ 1.0; 0.5 ]; [ 2.0; -1.0 ]; [ -1.0; 1.0 ]; [ 0.5; 1.5 ]; [ -2.0; -0.5 ]
              [ 1.5; 0.0 ]; [ -0.5; -1.5 ]; [ 0.0; 2.0 ]; [ -1.5; 0.5 ]; [ 1.0; -0.5 ] ]
let labels = [| 1.0; 1.0; 1.0; 1.0; -1.0; 1.0; -1.0; -1.0; -1.0; 1.0 |]
let n, d = Array2D.length1 rows, Array2D.length2 rows
let lambda = 0.1

// ---- the loss in TorchSharp ---------------------------------------------------------------------------------------------
//
//   L(θ) = (1/n)·Σᵢ softplus(−yᵢ·zᵢ) + (λ/2)·‖w‖²,   zᵢ = xᵢᵀw + b,   θ = (w₁, w₂, b),   softplus(t) = log(1 + eᵗ)
//
// Written as a TorchSharp user writes it: tensors from F# arrays (float64: TorchSharp's default is float32, but a
// tensor made from double[] or double[,] is float64), operators between tensors, TorchSharp's methods (mv, narrow,
// abs, exp, log1p, mean). Three things F# and TorchSharp 0.107 ask for:
// - a number goes in as a Scalar held by `use`: 2.0 * x compiles, but TorchSharp turns the float into a temporary
//   Scalar that a garbage collection during the call can free;
// - a sum is a.add(b, one) with `one` held, not a + b: TorchSharp writes a + b as a.add(b, 1), the 1 such a
//   temporary (one CI run of the test suite failed on it); for the same reason softplus is written out,
//   softplus(t) = max(t, 0) + log(1 + e^(−|t|)) (which never overflows), instead of torch.nn.functional.softplus,
//   which hands its β and threshold to libtorch as such temporaries;
// - a method that takes a Scalar or a Tensor (pow, le, clamp) does not take a bare float (x.pow(2.0) is ambiguous).

let softplus (t: torch.Tensor) =
    use one = (1.0).ToScalar()
    torch.nn.functional.relu(t).add((-t.abs()).exp().log1p(), one)

let loss (theta: torch.Tensor) =
    use halfLambda = (lambda / 2.0).ToScalar()
    use one = (1.0).ToScalar()
    let x = torch.tensor rows
    let y = torch.tensor labels
    let w = theta.narrow(0, 0, d)
    let z = x.mv(w).add(theta[d], one)
    softplus(-y * z).mean().add(halfLambda * (w * w).sum(), one)

// ---- the derivation ---------------------------------------------------------------------------------------------------
//
//   softplus′(t) = σ(t) = 1/(1 + e⁻ᵗ),   ∂(−yᵢzᵢ)/∂zᵢ = −yᵢ,   ∂zᵢ/∂w = xᵢ,   ∂zᵢ/∂b = 1
//   ⇒ ∂L/∂w = (1/n)·Σᵢ −yᵢ·σ(−yᵢzᵢ)·xᵢ + λw,   ∂L/∂b = (1/n)·Σᵢ −yᵢ·σ(−yᵢzᵢ)

let sigma t = 1.0 / (1.0 + exp -t)
let score (theta: float[]) i = theta[d] + Seq.sum (seq { for j in 0 .. d - 1 -> rows[i, j] * theta[j] })

/// The gradient with the chain rule's slope s(i) = ∂ℓᵢ/∂zᵢ of each row's loss.
let gradientWith (slope: float[] -> int -> float) (theta: float[]) =
    let g = Array.zeroCreate (d + 1)
    for i in 0 .. n - 1 do
        let s = slope theta i
        for j in 0 .. d - 1 do g[j] <- g[j] + s * rows[i, j]
        g[d] <- g[d] + s
    Array.init (d + 1) (fun j -> g[j] / float n + (if j < d then lambda * theta[j] else 0.0))

let gradient = gradientWith (fun theta i -> -labels[i] * sigma (-labels[i] * score theta i))

// ---- the check: the hand derivation against autograd of the TorchSharp loss and against finite differences ------------

let theta = [| 0.8; -0.3; 0.2 |]
let report = GradientChecker.CheckWithAutograd(loss, gradient, theta)
printfn "%O" report
expect report.HasAutograd "the check was three-way: the claim, autograd of the TorchSharp loss, finite differences"
expect report.Passed "the hand-derived gradient agrees with autograd and with finite differences"

// The same gradient straight from Torch.Gradient, for a user who wants autograd's answer itself.
let byAutograd =
    use scope = torch.NewDisposeScope()
    let t = torch.tensor(theta, requires_grad = true)
    Torch.Gradient(loss t, t).ToDoubles()
let worst = Array.map2 (fun a b -> abs (a - b)) byAutograd (gradient theta) |> Array.max
// Each component is a mean of n terms σ·xᵢⱼ of magnitude at most max|xᵢⱼ| = 2, plus λw: each side is within
// γₙ₊₁₆·2 of the exact value (n additions, a few roundings per term), so the two within twice that.
let bound = 2.0 * TensorLinear.Numerics.FloatingPoint.Gamma(n + 16) * 2.0
expect (worst <= bound)
       (sprintf "Torch.Gradient gives the hand derivation's values (largest difference %.1e ≤ %.1e)" worst bound)

// ---- a planted slip: σ(yᵢzᵢ) for σ(−yᵢzᵢ), the sign lost inside the derivative of softplus(−yᵢzᵢ) ---------------------

let wrongGradient = gradientWith (fun theta i -> -labels[i] * sigma (labels[i] * score theta i))
let wrong = GradientChecker.CheckWithAutograd(loss, wrongGradient, theta)
printfn "\n%O" wrong
expect (not wrong.Passed) "the planted slip fails the check"
expect (wrong.Disagreements.Count > 0 && wrong.Disagreements |> Seq.forall (fun c ->
            Seq.contains ComparedPairs.ClaimedVersusAutograd c.DisagreeingPairs
            && Seq.contains ComparedPairs.ClaimedVersusFiniteDifference c.DisagreeingPairs
            && not (Seq.contains ComparedPairs.AutogradVersusFiniteDifference c.DisagreeingPairs)))
       "the report blames the claim: autograd of the TorchSharp loss and the finite differences agree with each other"
printfn "\ntorchsharp-user-function: all expectations hold"
