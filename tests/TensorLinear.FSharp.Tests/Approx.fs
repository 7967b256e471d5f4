/// Comparisons with a stated bound. Every call site says where its bound comes from; none is a guessed epsilon.
module TensorLinear.FSharp.Tests.Approx

open System
open TensorLinear.Numerics
open Xunit

/// u = 2⁻⁵³, the unit roundoff of one double operation.
let u = FloatingPoint.UnitRoundoff

/// γₙ = nu/(1 − nu), the relative error bound of n successive roundings (Higham §3.1).
let gamma (n: int) = FloatingPoint.Gamma(n)

/// Fails with both values and the bound unless |expected − actual| ≤ bound.
let within (bound: float) (expected: float) (actual: float) (what: string) =
    let error = abs (expected - actual)
    if not (error <= bound) then
        Assert.Fail(sprintf "%s: expected %.17g, got %.17g; |error| = %.3g exceeds the bound %.3g" what expected actual error bound)

/// Fails unless every component agrees within its bound, naming the first component that does not.
let withinAll (bound: float) (expected: float[]) (actual: float[]) (what: string) =
    Assert.Equal(expected.Length, actual.Length)
    Array.iteri2 (fun i e a -> within bound e a (sprintf "%s[%d]" what i)) expected actual

/// Σ|vᵢ|: the scale of the rounding error of a sum of the vᵢ.
let absSum (values: float seq) = values |> Seq.sumBy abs

/// The Euclidean norm of a difference, for distances between parameter vectors.
let distance (a: float[]) (b: float[]) = Array.map2 (-) a b |> Array.sumBy (fun d -> d * d) |> sqrt
