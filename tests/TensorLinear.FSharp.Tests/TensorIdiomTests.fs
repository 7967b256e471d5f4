/// TorchSharp tensors as an F# user writes them for TensorLinear: a function of tensors as an F# lambda or a named F#
/// function, handed to the gradient checker and to Torch.Gradient, Torch.Hessian and Torch.HessianVectorProduct (each
/// takes a Func<Tensor, Tensor>, which F# makes from a function at the call). What F# accepts as it is: tensor–tensor
/// operators, methods such as x.exp(), torch.tensor [| … |], F# lists and arrays of tensors, int literals for longs.
/// Where F# needs more (TorchSharp issue 1073): a method that takes a Scalar or a Tensor (x.pow, x.le, x.clamp) does not
/// take a bare float, and F#'s abs, sqrt, exp, log and ** do not apply to a torch.Tensor (it has no static Abs, Sqrt,
/// Exp, Log or Pow), so they are its methods. And numbers go in as Scalars held by `use`: 2.0 * x compiles (TorchSharp
/// 0.107 has Tensor–float operators), but TorchSharp turns the float into a temporary Scalar whose native value a garbage
/// collection during the call can free (src/Autograd/Runtime/LibTorchSharpExports.cs measured it); a Scalar bound by
/// `use` lives to the end of its block.
module TensorLinear.FSharp.Tests.TensorIdiomTests

open TensorLinear.Autograd
open TensorLinear.Verification.GradientChecking
open TorchSharp
open Xunit

/// Every test here calls TorchSharp itself, so the constructor loads the engine first: TorchSharp's native library
/// loads only after the libstdc++ fix that Torch.Initialize() applies (TensorLinear's own calls do it for themselves).
type ``TorchSharp tensors from F#``() =
    do Torch.Initialize()

    [<Fact>]
    member _.``a function of tensors written as an F# lambda goes to the gradient checker`` () =
        // f(x) = Σ xᵢ·e^(xᵢ), so ∂f/∂xᵢ = (1 + xᵢ)·e^(xᵢ); forgetting the product rule gives e^(xᵢ), off by xᵢ·e^(xᵢ).
        let x = [| 0.5; -1.5; 2.0 |]
        let right = GradientChecker.CheckWithAutograd((fun t -> (t * t.exp()).sum()), Array.map (fun v -> (1.0 + v) * exp v), x)
        Assert.True(right.Passed, string right)
        let wrong = GradientChecker.CheckWithAutograd((fun t -> (t * t.exp()).sum()), Array.map exp, x)
        Assert.False(wrong.Passed, string wrong)
        Assert.Equal(3, wrong.Disagreements.Count)

    [<Fact>]
    member _.``a named F# function that builds its own constant tensors goes to the gradient checker`` () =
        // L(w) = log Σᵢ e^(aᵢᵀw) has ∇L = Σᵢ pᵢ·aᵢ with pᵢ = e^(aᵢᵀw) / Σₖ e^(aₖᵀw) (the softmax of the scores).
        let a = array2D [ [ 1.0; -2.0 ]; [ 0.5; 1.0 ]; [ -1.0; 0.25 ] ]
        let logSumExp (w: torch.Tensor) = torch.tensor(a).mv(w).logsumexp(0)
        let gradient (w: float[]) =
            let scores = Array.init 3 (fun i -> a[i, 0] * w[0] + a[i, 1] * w[1])
            let top = Array.max scores
            let weights = scores |> Array.map (fun z -> exp (z - top))
            let p = weights |> Array.map (fun e -> e / Array.sum weights)
            Array.init 2 (fun j -> Array.init 3 (fun i -> p[i] * a[i, j]) |> Array.sum)
        let report = GradientChecker.CheckWithAutograd(logSumExp, gradient, [| 0.75; -0.5 |])
        Assert.True(report.Passed, string report)
        Assert.True(report.HasAutograd)

    [<Fact>]
    member _.``the gradient checker releases every tensor the function makes`` () =
        let made = ResizeArray<torch.Tensor>()
        let f (t: torch.Tensor) =
            let square = t * t
            made.Add square
            square.sum()
        let report = GradientChecker.CheckWithAutograd(f, Array.map (fun v -> 2.0 * v), [| 1.5; -2.0 |])
        Assert.True(report.Passed, string report)
        Assert.NotEmpty(made)
        Assert.All(made, fun t -> Assert.True(t.IsInvalid, "a tensor made inside f outlived the check"))

    [<Fact>]
    member _.``F# lambdas and named functions go where Torch.Hessian takes a function`` () =
        // f(x) = Σ xᵢ³: its Hessian is diag(6xᵢ), exact here.
        let cube (t: torch.Tensor) = (t * t * t).sum()
        let fromLambda = Torch.Hessian((fun t -> t.pow(torch.tensor 3.0).sum()), [| 1.0; 2.0 |])
        let fromFunction = Torch.Hessian(cube, [| 1.0; 2.0 |])
        Assert.Equal<float[,]>(array2D [ [ 6.0; 0.0 ]; [ 0.0; 12.0 ] ], fromLambda)
        Assert.Equal<float[,]>(fromLambda, fromFunction)
        Assert.Equal<float[]>([| 6.0; 12.0 |], Torch.HessianVectorProduct(cube, [| 1.0; 2.0 |], [| 1.0; 1.0 |]))

    [<Fact>]
    member _.``Torch.Gradient leaves .grad alone and backward fills it, both with the derivative by hand`` () =
        use scope = torch.NewDisposeScope()
        use two = (2.0).ToScalar()
        use three = (3.0).ToScalar()
        let w = torch.tensor([| 0.5; -1.0; 2.0 |], requires_grad = true)
        // L(w) = Σ wᵢ³ + 2·Σ wᵢ, so ∂L/∂wᵢ = 3wᵢ² + 2 (exact in doubles for these wᵢ).
        use one = (1.0).ToScalar()
        let loss = w.pow(three).sum().add(two * w.sum(), one)
        let expected = [| 2.75; 5.0; 14.0 |]
        Assert.Equal<float[]>(expected, Torch.Gradient(loss, w).ToDoubles())
        Assert.Null(w.grad)
        loss.backward()
        Assert.Equal<float[]>(expected, (nonNull w.grad).ToDoubles())

    [<Fact>]
    member _.``operators take tensors, or a number as a Scalar held by use, and stay float64; a sum takes its scale held`` () =
        use scope = torch.NewDisposeScope()
        let x = torch.tensor [| 1.0; -2.0; 4.0 |]
        let y = torch.tensor [| 2.0; 4.0; -8.0 |]
        use two = (2.0).ToScalar()
        use one = (1.0).ToScalar()
        let check (expected: float[]) (t: torch.Tensor) =
            Assert.Equal(torch.ScalarType.Float64, t.dtype)
            Assert.Equal<float[]>(expected, t.ToDoubles())
        // TorchSharp 0.107's x + y is x.add(y, 1) and one - x is (-x).add(one, 1), each 1 a Scalar nobody holds
        // while libtorch reads it (ScalarLifetimeTests): a sum is written with its scale held.
        check [| 3.0; 2.0; -4.0 |] (x.add(y, one))
        check [| -1.0; -6.0; 12.0 |] (x - y)
        check [| 2.0; -8.0; -32.0 |] (x * y)
        check [| 0.5; -0.5; -0.5 |] (x / y)
        check [| -1.0; 2.0; -4.0 |] (-x)
        check [| 2.0; -4.0; 8.0 |] (two * x)
        check [| 2.0; -4.0; 8.0 |] (x * two)
        check [| 0.0; 3.0; -3.0 |] ((-x).add(one, one))
        check [| 0.5; -1.0; 2.0 |] (x / two)

    [<Fact>]
    member _.``a method that takes a Scalar or a Tensor takes a number made one of them`` () =
        use scope = torch.NewDisposeScope()
        let x = torch.tensor [| 1.0; -2.0; 4.0 |]
        // x.pow(2.0) does not compile: a float converts implicitly to both Scalar and Tensor, so F# cannot choose.
        // A tensor made inside the dispose scope is held by it for the call; a Scalar is held by use.
        use two = (2.0).ToScalar()
        use low = (-1.0).ToScalar()
        use high = (1.0).ToScalar()
        Assert.Equal<float[]>([| 1.0; 4.0; 16.0 |], x.pow(torch.tensor 2.0).ToDoubles())
        Assert.Equal<float[]>([| 1.0; 4.0; 16.0 |], x.pow(two).ToDoubles())
        Assert.Equal<float[]>([| 1.0; -1.0; 1.0 |], x.clamp(low, high).ToDoubles())
        Assert.Equal<bool[]>([| true; true; false |], x.le(torch.tensor 1.0).data<bool>().ToArray())

    [<Fact>]
    member _.``elementwise functions are tensor methods, and agree with F#'s own on floats`` () =
        use scope = torch.NewDisposeScope()
        let v = [| 1.0; 4.0; 9.0 |]
        let x = torch.tensor v
        // Powers, roots of squares and |·| of these are exact; exp and log are libm values within a few ulps.
        Assert.Equal<float[]>([| 1.0; 2.0; 3.0 |], x.sqrt().ToDoubles())
        Assert.Equal<float[]>(v, (-x).abs().ToDoubles())
        Assert.Equal<float[]>([| 1.0; 256.0; 387420489.0 |], x.pow(x).ToDoubles())
        Approx.withinAll (4.0 * Approx.u * exp 9.0) (Array.map exp v) (x.exp().ToDoubles()) "exp"
        Approx.withinAll (4.0 * Approx.u * log 9.0) (Array.map log v) (x.log().ToDoubles()) "log"

    [<Fact>]
    member _.``F# lists and arrays go where the API takes tensors`` () =
        use scope = torch.NewDisposeScope()
        let w = torch.tensor([| 1.0; 2.0 |], requires_grad = true)
        let v = torch.tensor([| 3.0 |], requires_grad = true)
        // Torch.Gradients takes IReadOnlyList<Tensor>: an F# list is one.
        use one = (1.0).ToScalar()
        let gradients = Torch.Gradients([ (w * w).sum().add(v.sum(), one) ], [ w; v ])
        Assert.Equal<float[]>([| 2.0; 4.0 |], gradients[0].ToDoubles())
        Assert.Equal<float[]>([| 1.0 |], gradients[1].ToDoubles())
        // torch.cat has IList and array forms and a long dim: an array and 0L choose one.
        Assert.Equal<float[]>([| 3.0; 1.0; 2.0 |], torch.cat([| v; w |], 0L).ToDoubles())

    [<Fact>]
    member _.``int literals convert where a method takes longs`` () =
        // F#'s type-directed conversions: reshape(params long[]), narrow(long, long, long) and shapes take ints.
        use scope = torch.NewDisposeScope()
        let x = torch.zeros(6, dtype = torch.float64)
        Assert.Equal<int64[]>([| 2L; 3L |], x.reshape(2, -1).shape)
        Assert.Equal<int64[]>([| 4L |], x.narrow(0, 1, 4).shape)
        Assert.Equal<float[,]>(array2D [ [ 1.0; 2.0 ]; [ 3.0; 4.0 ] ], torch.tensor([| 1.0; 2.0; 3.0; 4.0 |], 2, 2).ToMatrix())
