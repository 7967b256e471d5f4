/// Sample weights from F#: a data set with weights, weighted least squares worked by hand, and the weighted loss on
/// both engines.
module TensorLinear.FSharp.Tests.SampleWeightsTests

open TensorLinear.Autograd.Models
open TensorLinear.Data
open TensorLinear.Models
open TensorLinear.Reference.Inference
open TensorLinear.Reference.LeastSquares
open TensorLinear.Reference.Models
open Xunit

// x = (0, 1, 2), y = (0, 1, 3), ω = (1, 1, 2): b = Sxy/Sxx = (17/4)/(11/4) = 17/11, a = ȳ − b·x̄ = 7/4 − (17/11)(5/4) = −2/11.
let data = DataSet.FromRows([| [| 0.0 |]; [| 1.0 |]; [| 2.0 |] |], [| 0.0; 1.0; 3.0 |]).WithSampleWeights([| 1.0; 1.0; 2.0 |])

[<Fact>]
let ``weighted least squares from F# is the hand solution and both engines weigh the loss alike`` () =
    Assert.True data.IsWeighted
    Assert.Equal(4.0, data.SampleWeightSum)
    let fit = OrdinaryLeastSquares.Fit data
    Assert.Equal(17.0 / 11.0, fit.Model.Weights.[0], 1e-15)
    Assert.Equal(-2.0 / 11.0, fit.Model.Bias, 1e-15)
    let inference = LinearInference.Of(data, fit.Model)
    Assert.Equal(289.0 / 297.0, inference.Statistics.RSquared.Value, 1e-15)
    // RSS_ω/Σω = (2/11)/4 on the reference, and the tensor twin's weighted mean agrees
    let reference = ReferenceEngine().Loss(ModelKind.Linear, data, fit.Model, Penalty.None)
    let torch = TorchEngine().Loss(ModelKind.Linear, data, fit.Model, Penalty.None)
    Assert.Equal(1.0 / 22.0, reference, 1e-16)
    Assert.Equal(reference, torch, 1e-16)
    // unweighted again: the same rows, every one counted once
    Assert.False((data.WithSampleWeights null).IsWeighted)
