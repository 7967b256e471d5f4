/// Tensors as an F# user writes them: `use` for tensors and scopes, numbers on either side of an operator, F#'s own
/// math functions and `**`, F# lists and lambdas where the API takes collections and functions.
module TensorLinear.FSharp.Tests.TensorIdiomTests

open TensorLinear.Autograd
open Xunit

[<Fact>]
let ``a number on either side of an operator compiles and means the same`` () =
    use scope = Torch.NewScope()
    let x = Tensor.FromArray [| 1.0; -2.0; 4.0 |]

    // Explicit Tensor–double overloads, no implicit conversion from double: 2.0 * x has one meaning.
    Assert.Equal<float[]>([| 2.0; -4.0; 8.0 |], (2.0 * x).ToArray())
    Assert.Equal<float[]>([| 2.0; -4.0; 8.0 |], (x * 2.0).ToArray())
    Assert.Equal<float[]>([| 2.0; -1.0; 5.0 |], (1.0 + x).ToArray())
    Assert.Equal<float[]>([| 0.0; 3.0; -3.0 |], (1.0 - x).ToArray())
    Assert.Equal<float[]>([| 0.5; -1.0; 2.0 |], (x / 2.0).ToArray())
    Assert.Equal<float[]>([| 4.0; -2.0; 1.0 |], (4.0 / x).ToArray())
    Assert.Equal<float[]>([| -1.0; 2.0; -4.0 |], (-x).ToArray())

[<Fact>]
let ``F#'s own math functions and the power operator apply to tensors`` () =
    use scope = Torch.NewScope()
    let x = Tensor.FromArray [| 1.0; 4.0; 9.0 |]

    // Each is one libtorch operation on exactly representable inputs whose results are exact (powers, roots of
    // squares, |·|) or correctly rounded libm values, so they equal .NET's results for the same inputs.
    Assert.Equal<float[]>([| 1.0; 16.0; 81.0 |], (x ** 2.0).ToArray())
    Assert.Equal<float[]>([| 1.0; 256.0; 387420489.0 |], (x ** x).ToArray())
    Assert.Equal<float[]>([| 1.0; 2.0; 3.0 |], (sqrt x).ToArray())
    Assert.Equal<float[]>([| 1.0; 4.0; 9.0 |], (abs (-x)).ToArray())
    Approx.withinAll (4.0 * Approx.u * exp 9.0) (Array.map exp [| 1.0; 4.0; 9.0 |]) ((exp x).ToArray()) "exp"
    Approx.withinAll (4.0 * Approx.u * log 9.0) (Array.map log [| 1.0; 4.0; 9.0 |]) ((log x).ToArray()) "log"

[<Fact>]
let ``use releases a tensor and a scope releases everything made inside it`` () =
    let kept, temporary =
        use scope = Torch.NewScope()
        let x = Tensor.FromArray [| 3.0; 4.0 |]
        let norm = (x * x).Sum() |> sqrt        // (x * x) is an intermediate no name holds
        Assert.Equal(5.0, norm.ToScalar())
        norm.MoveToOuterScope(), x
    Assert.True(temporary.IsDisposed)
    Assert.False(kept.IsDisposed)
    let single =
        use t = kept
        t.ToScalar()
    Assert.Equal(5.0, single)
    Assert.True(kept.IsDisposed)

[<Fact>]
let ``gradients from backward and from Torch.Gradient agree with the derivative by hand`` () =
    use scope = Torch.NewScope()
    let w = Tensor.FromArray([| 0.5; -1.0; 2.0 |]).RequireGrad()
    // L(w) = Σ wᵢ³ + 2·Σ wᵢ, so ∂L/∂wᵢ = 3wᵢ² + 2 (exact in doubles for these wᵢ).
    let loss = (w ** 3.0).Sum() + 2.0 * w.Sum()
    let byFunction = Torch.Gradient(loss, w, createGraph = true).ToArray()
    loss.Backward()
    let expected = [| 2.75; 5.0; 14.0 |]
    Assert.Equal<float[]>(expected, byFunction)
    Assert.Equal<float[]>(expected, (nonNull w.Grad).ToArray()) // Grad is null before any backward

[<Fact>]
let ``F# lambdas and named functions go where the API takes a function`` () =
    // f(x) = Σ xᵢ³: its Hessian is diag(6xᵢ), exact here.
    let cube (t: Tensor) = (t ** 3.0).Sum()
    let fromLambda = Torch.Hessian((fun t -> (t * t * t).Sum()), [| 1.0; 2.0 |])
    let fromFunction = Torch.Hessian(cube, [| 1.0; 2.0 |])
    Assert.Equal<float[,]>(array2D [ [ 6.0; 0.0 ]; [ 0.0; 12.0 ] ], fromLambda)
    Assert.Equal<float[,]>(fromLambda, fromFunction)
    let hv = Torch.HessianVectorProduct(cube, [| 1.0; 2.0 |], [| 1.0; 1.0 |])
    Assert.Equal<float[]>([| 6.0; 12.0 |], hv)

[<Fact>]
let ``F# lists and arrays go where the API takes a list of tensors`` () =
    use scope = Torch.NewScope()
    let a = Tensor.FromArray [| 1.0; 2.0 |]
    let b = Tensor.FromArray [| 3.0 |]
    Assert.Equal<float[]>([| 1.0; 2.0; 3.0 |], Tensor.Concatenate([ a; b ]).ToArray())
    Assert.Equal<float[]>([| 3.0; 1.0; 2.0 |], Tensor.Concatenate([| b; a |]).ToArray())
    let w = Tensor.FromArray([| 1.0; 2.0 |]).RequireGrad()
    let gradients = Torch.Gradients([ (w * w).Sum() ], [ w ])
    Assert.Equal<float[]>([| 2.0; 4.0 |], gradients[0].ToArray())

[<Fact>]
let ``no-grad is a scope that use closes`` () =
    use scope = Torch.NewScope()
    let w = Tensor.FromArray([| 1.0 |]).RequireGrad()
    do
        use _ = Torch.NoGrad()
        Assert.False(Torch.IsGradEnabled)
        Assert.False((w * 2.0).RequiresGrad)
    Assert.True(Torch.IsGradEnabled)
    Assert.True((w * 2.0).RequiresGrad)

[<Fact>]
let ``int literals convert where a method takes longs or doubles`` () =
    // F# 6's type-directed conversions: Reshape(params long[]) and Pow(double) accept int literals as C# does.
    use scope = Torch.NewScope()
    let x = Tensor.Zeros([| 6L |])
    Assert.Equal<int64[]>([| 2L; 3L |], x.Reshape(2, -1).Shape)
    Assert.Equal<float[]>([| 8.0 |], Tensor.FromArray([| 2.0 |]).Pow(3).ToArray())
