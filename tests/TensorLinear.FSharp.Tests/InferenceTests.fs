/// The coefficient table from F#: records, plain arrays, options varied with the copy constructor.
module TensorLinear.FSharp.Tests.InferenceTests

open System
open TensorLinear.Data
open TensorLinear.Reference.Inference
open TensorLinear.Reference.LeastSquares
open Xunit

// y = 1 + 2x + noise on x = 0..9: SE(slope)² = σ̂²/Sxx with σ̂² = RSS/(n − 2), the textbook closed form.
let private xs = [| 0.0 .. 9.0 |]
let private noise = [| 0.3; -0.2; 0.1; -0.4; 0.25; 0.05; -0.15; 0.35; -0.1; -0.2 |]
let private data = DataSet.FromRows(xs |> Array.map (fun x -> [| x |]), Array.map2 (fun x e -> 1.0 + 2.0 * x + e) xs noise)

[<Fact>]
let ``the slope's standard error is the textbook one, and the level and robust options vary by copy`` () =
    let fit = OrdinaryLeastSquares.Fit data
    let options = InferenceOptions(InferenceOptions(), Level = 0.9, Robust = RobustCovariance.Hc1)
    let classical = LinearInference.Of(data, fit.Model)
    let robust = LinearInference.Of(data, fit.Model, true, options)
    let mean = Array.average xs
    let sxx = xs |> Array.sumBy (fun x -> (x - mean) ** 2.0)
    let expected = sqrt (fit.ResidualSumOfSquares / 8.0 / sxx)
    let slope = classical.Coefficients.Coefficients[0]
    Assert.Equal(expected, slope.StandardError, 1e-12)
    Assert.Equal(0.9, robust.Coefficients.Level)
    Assert.Equal(RobustCovariance.Hc1, robust.Coefficients.Robust)
    Assert.True(robust.Coefficients.Coefficients[0].Upper - robust.Coefficients.Coefficients[0].Lower > 0.0)
    Assert.Equal(Nullable 8, classical.Coefficients.DegreesOfFreedom)
