/// Properties of the vector functions, from FsCheck's F# API (FsCheck.FSharp: gen { }, Arb.fromGenShrink,
/// Prop.forAll): the hand-derived gradients agree with autograd on random vectors, and the identities of unit vectors
/// and projections hold up to their rounding bounds.
module TensorLinear.FSharp.Tests.VectorProperties

open FsCheck
open FsCheck.FSharp
open TensorLinear.Autograd
open TensorLinear.Reference
open Xunit
open TensorLinear.FSharp.Tests.VectorTests

/// A coordinate k/1000 with k in [−5000, 5000]: values in [−5, 5] with three decimals, so counterexamples read well.
let coordinate = Gen.choose (-5000, 5000) |> Gen.map (fun k -> float k / 1000.0)

let nonZero (v: float[]) = v |> Array.exists (fun c -> c <> 0.0)

/// Two vectors of one length n ∈ [1, 6], neither of them zero.
let pairs =
    gen {
        let! n = Gen.choose (1, 6)
        let! x = Gen.arrayOfLength n coordinate
        let! y = Gen.arrayOfLength n coordinate
        return x, y
    }
    |> Gen.filter (fun (x, y) -> nonZero x && nonZero y)

/// Shrinks a pair by dropping a coordinate from both vectors, or setting one coordinate to 0 or to its nearest
/// integer, keeping both vectors non-zero: FsCheck's own float shrinker would not shorten the vectors.
let shrinkPair (x: float[], y: float[]) =
    seq {
        if x.Length > 1 then
            for i in 0 .. x.Length - 1 do
                yield Array.removeAt i x, Array.removeAt i y
        for i in 0 .. x.Length - 1 do
            for v in [ 0.0; round x[i] ] do
                if v <> x[i] then yield Array.updateAt i v x, y
            for v in [ 0.0; round y[i] ] do
                if v <> y[i] then yield x, Array.updateAt i v y
    }
    |> Seq.filter (fun (a, b) -> nonZero a && nonZero b)
    |> Seq.distinct

let arbitraryPairs = Arb.fromGenShrink (pairs, shrinkPair)

/// The rounding budget of comparing two evaluations of an O(n)-operation formula on terms of magnitude `scale`: each
/// side within γ₂ₙ₊₈·scale, so the two within γ₄ₙ₊₁₆·scale.
let budget (n: int) (scale: float) = Approx.gamma (4 * n + 16) * scale

let check property = Prop.forAll arbitraryPairs property |> Check.QuickThrowOnFailure

[<Fact>]
let ``norm gradients by hand agree with autograd`` () =
    check (fun (x, _) ->
        let n = x.Length
        // Every component of these gradients is at most 1 in magnitude.
        Approx.withinAll (budget n 1.0) (snd (autograd TensorVector.Norm2 x)) (VectorGradients.Norm2Gradient x) "∇‖x‖₂"
        Approx.withinAll 0.0 (snd (autograd TensorVector.Norm1 x)) (VectorGradients.Norm1Gradient x) "∇‖x‖₁"
        Approx.withinAll 0.0 (snd (autograd TensorVector.NormInf x)) (VectorGradients.NormInfGradient x) "∇‖x‖∞"
        // A power and a root per component: twice the budget.
        Approx.withinAll (2.0 * budget n 1.0) (snd (autograd (fun t -> TensorVector.NormP(t, 3.0)) x))
            (VectorGradients.NormPGradient(x, 3.0)) "∇‖x‖₃")

[<Fact>]
let ``dot, cosine and projection gradients by hand agree with autograd`` () =
    check (fun (x, y) ->
        let n = x.Length
        let nx, ny = Vector.Norm2 x, Vector.Norm2 y
        let dot a b = TensorVector.Dot(a, b)
        let cosine a b = TensorVector.Cosine(a, b)
        let projection a b = TensorVector.ScalarProjection(a, b)
        // ∇ₓxᵀy = y and ∇_y xᵀy = x: copies, exact.
        Approx.withinAll 0.0 (snd (autogradX dot x y)) (VectorGradients.DotGradientX(x, y)) "∇ₓxᵀy"
        Approx.withinAll 0.0 (snd (autogradY dot x y)) (VectorGradients.DotGradientY(x, y)) "∇_y xᵀy"
        // (ŷ − cos θ·x̂)/‖x‖: two terms of magnitude at most 1/‖x‖.
        Approx.withinAll (budget n (2.0 / nx)) (snd (autogradX cosine x y)) (VectorGradients.CosineGradientX(x, y)) "∇ₓcos θ"
        Approx.withinAll (budget n (2.0 / ny)) (snd (autogradY cosine x y)) (VectorGradients.CosineGradientY(x, y)) "∇_y cos θ"
        // ŷ, and (x − (xᵀŷ)ŷ)/‖y‖ whose two terms are at most ‖x‖/‖y‖.
        Approx.withinAll (budget n 1.0) (snd (autogradX projection x y)) (VectorGradients.ScalarProjectionGradientX(x, y)) "∇ₓxᵀŷ"
        Approx.withinAll (budget n (2.0 * nx / ny)) (snd (autogradY projection x y))
            (VectorGradients.ScalarProjectionGradientY(x, y)) "∇_y xᵀŷ")

[<Fact>]
let ``unit vectors have norm one and projections are idempotent with orthogonal residuals`` () =
    check (fun (x, y) ->
        let n = x.Length
        let nx, ny = Vector.Norm2 x, Vector.Norm2 y
        Approx.within (budget n 1.0) 1.0 (Vector.Norm2(Vector.Unit x)) "‖x̂‖₂"
        let p = Vector.Project(x, y)
        Approx.withinAll (budget n nx) p (Vector.Project(p, y)) "proj(proj x)"
        // (x − proj x)ᵀy = 0, up to the rounding of terms of magnitude ‖x‖·‖y‖.
        Approx.within (budget n (nx * ny)) 0.0 (Vector.Dot(Vector.Reject(x, y), y)) "rejᵀy"
        // Cauchy–Schwarz: |xᵀy| ≤ ‖x‖‖y‖, with equality allowed up to rounding.
        Assert.True(abs (Vector.Dot(x, y)) <= nx * ny * (1.0 + budget n 1.0), "|xᵀy| ≤ ‖x‖‖y‖"))

[<Fact>]
let ``the shrinker keeps both vectors non-zero and of one length`` () =
    let shrunk = shrinkPair ([| 1.5; 0.0; -2.25 |], [| 0.0; 0.0; 3.5 |]) |> Seq.toList
    Assert.NotEmpty(shrunk)
    for a, b in shrunk do
        Assert.Equal(a.Length, b.Length)
        Assert.True(nonZero a && nonZero b)
    // F#'s = compares arrays element by element.
    Assert.True(shrunk |> List.contains ([| 1.5; -2.25 |], [| 0.0; 3.5 |]), "dropping the middle coordinate")
