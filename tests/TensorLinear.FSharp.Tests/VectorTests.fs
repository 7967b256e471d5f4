/// The vector functions and their gradients from F#: the hand derivation (Reference) against libtorch's autograd
/// (the tensor twins in Autograd.Derivations, on TorchSharp tensors) on worked examples whose values are known exactly.
module TensorLinear.FSharp.Tests.VectorTests

open TensorLinear
open TensorLinear.Autograd
open TensorLinear.Reference
open TorchSharp
open Xunit

/// The value and gradient of a tensor function f at x, from autograd; every tensor made on the way is released.
let autograd (f: torch.Tensor -> torch.Tensor) (x: float[]) =
    // TorchSharp's native library loads only after TensorLinear's libstdc++ fix: touch the engine first.
    Torch.Initialize()
    use scope = torch.NewDisposeScope()
    let input = torch.tensor(x, requires_grad = true)
    let y = f input
    y.backward()
    // TensorData.ToDouble, not TorchSharp's: that one reads a Scalar it does not hold (ScalarLifetimeTests).
    TensorData.ToDouble y, (nonNull input.grad).ToDoubles()

/// The value and the gradient with respect to the first argument of a tensor function of two vectors.
let autogradX (f: torch.Tensor -> torch.Tensor -> torch.Tensor) (x: float[]) (y: float[]) =
    autograd (fun t -> f t (torch.tensor y)) x

/// The value and the gradient with respect to the second argument.
let autogradY (f: torch.Tensor -> torch.Tensor -> torch.Tensor) (x: float[]) (y: float[]) =
    autograd (fun t -> f (torch.tensor x) t) y

let x = [| 3.0; 4.0 |]
let y = [| 4.0; -3.0 |]

[<Fact>]
let ``norms of (3, 4) by hand and by tensor`` () =
    // ‖x‖₁ = 7, ‖x‖₂ = 5, ‖x‖∞ = 4: sums and a square root of small integers, exact in doubles.
    Assert.Equal(7.0, Vector.Norm1 x)
    Assert.Equal(5.0, Vector.Norm2 x)
    Assert.Equal(4.0, Vector.NormInf x)
    Assert.Equal(7.0, fst (autograd TensorVector.Norm1 x))
    Assert.Equal(5.0, fst (autograd TensorVector.Norm2 x))
    Assert.Equal(4.0, fst (autograd TensorVector.NormInf x))
    // ‖x‖₃ = (27 + 64)^(1/3) = 91^(1/3): a power and a root, each within a few ulps.
    let p3 = 91.0 ** (1.0 / 3.0)
    Approx.within (8.0 * Approx.u * p3) p3 (Vector.NormP(x, 3.0)) "‖x‖₃ by hand"
    Approx.within (8.0 * Approx.u * p3) p3 (fst (autograd (fun t -> TensorVector.NormP(t, 3.0)) x)) "‖x‖₃ by tensor"

[<Fact>]
let ``norm gradients of (3, 4) by hand and by autograd`` () =
    // ∇‖x‖₂ = x/‖x‖ = (0.6, 0.8); both sides divide 3 and 4 by 5 with one rounding each.
    let unit = [| 0.6; 0.8 |]
    Approx.withinAll Approx.u unit (VectorGradients.Norm2Gradient x) "∇‖x‖₂ by hand"
    Approx.withinAll Approx.u unit (snd (autograd TensorVector.Norm2 x)) "∇‖x‖₂ by autograd"
    // ∇‖x‖₁ = sign(x), ∇‖x‖∞ = sign on the largest component: exact.
    Assert.Equal<float[]>([| 1.0; 1.0 |], VectorGradients.Norm1Gradient x)
    Assert.Equal<float[]>([| 1.0; 1.0 |], snd (autograd TensorVector.Norm1 x))
    Assert.Equal<float[]>([| 0.0; 1.0 |], VectorGradients.NormInfGradient x)
    Assert.Equal<float[]>([| 0.0; 1.0 |], snd (autograd TensorVector.NormInf x))
    // ∇‖x‖₃ = sign(xᵢ)·|xᵢ|²/‖x‖₃² = (9, 16)/91^(2/3): powers and roots, each side within a few ulps of each component.
    let expected = [| 9.0; 16.0 |] |> Array.map (fun v -> v / (91.0 ** (2.0 / 3.0)))
    Approx.withinAll (16.0 * Approx.u) expected (VectorGradients.NormPGradient(x, 3.0)) "∇‖x‖₃ by hand"
    Approx.withinAll (16.0 * Approx.u) expected (snd (autograd (fun t -> TensorVector.NormP(t, 3.0)) x)) "∇‖x‖₃ by autograd"

[<Fact>]
let ``dot product, cosine, angle and projections of perpendicular vectors`` () =
    // x = (3, 4) and y = (4, −3) are perpendicular: xᵀy = 0, cos θ = 0, θ = π/2, and x projects on y to 0.
    Assert.Equal(0.0, Vector.Dot(x, y))
    Assert.Equal(0.0, fst (autogradX (fun a b -> TensorVector.Dot(a, b)) x y))
    Assert.Equal<float[]>(y, VectorGradients.DotGradientX(x, y))
    Assert.Equal<float[]>(y, snd (autogradX (fun a b -> TensorVector.Dot(a, b)) x y))
    Assert.Equal<float[]>(x, snd (autogradY (fun a b -> TensorVector.Dot(a, b)) x y))
    Approx.within (2.0 * Approx.u) 0.0 (Vector.Cosine(x, y)) "cos θ"
    // θ = 2·atan2(‖x̂ − ŷ‖, ‖x̂ + ŷ‖): two norms of √2 that agree to a few ulps, so θ is within a few ulps of π/2.
    Approx.within (8.0 * Approx.u) (System.Math.PI / 2.0) (Vector.Angle(x, y)) "θ by hand"
    Approx.within (8.0 * Approx.u) (System.Math.PI / 2.0) (fst (autogradX (fun a b -> TensorVector.Angle(a, b)) x y)) "θ by tensor"
    Approx.within (4.0 * Approx.u) 0.0 (Vector.ScalarProjection(x, y)) "xᵀŷ"
    Approx.withinAll (8.0 * Approx.u) [| 0.0; 0.0 |] (Vector.Project(x, y)) "proj_y x"

[<Fact>]
let ``cosine and scalar projection gradients by hand and by autograd`` () =
    // At perpendicular x, y the cosine's gradient in x is ŷ/‖x‖ = (0.8, −0.6)/5 = (0.16, −0.12), and the scalar
    // projection's gradient in x is ŷ = (0.8, −0.6), in y it is (x − (xᵀŷ)ŷ)/‖y‖ = x/5 = (0.6, 0.8). A few roundings
    // each, on terms of magnitude at most 1.
    let bound = 16.0 * Approx.u
    let cosine a b = TensorVector.Cosine(a, b)
    let projection a b = TensorVector.ScalarProjection(a, b)
    Approx.withinAll bound [| 0.16; -0.12 |] (VectorGradients.CosineGradientX(x, y)) "∇ₓcos by hand"
    Approx.withinAll bound [| 0.16; -0.12 |] (snd (autogradX cosine x y)) "∇ₓcos by autograd"
    Approx.withinAll bound [| 0.12; 0.16 |] (VectorGradients.CosineGradientY(x, y)) "∇_y cos by hand"
    Approx.withinAll bound [| 0.12; 0.16 |] (snd (autogradY cosine x y)) "∇_y cos by autograd"
    Approx.withinAll bound [| 0.8; -0.6 |] (VectorGradients.ScalarProjectionGradientX(x, y)) "∇ₓ xᵀŷ by hand"
    Approx.withinAll bound [| 0.8; -0.6 |] (snd (autogradX projection x y)) "∇ₓ xᵀŷ by autograd"
    Approx.withinAll bound [| 0.6; 0.8 |] (VectorGradients.ScalarProjectionGradientY(x, y)) "∇_y xᵀŷ by hand"
    Approx.withinAll bound [| 0.6; 0.8 |] (snd (autogradY projection x y)) "∇_y xᵀŷ by autograd"

[<Fact>]
let ``the same typed error on both sides for a zero vector`` () =
    let zero = [| 0.0; 0.0 |]
    Assert.Throws<DegenerateInputException>(fun () -> Vector.Unit zero |> ignore) |> ignore
    Assert.Throws<DegenerateInputException>(fun () -> autograd TensorVector.Unit zero |> ignore) |> ignore
    Assert.Throws<DimensionMismatchException>(fun () -> Vector.Dot(x, [| 1.0 |]) |> ignore) |> ignore
