/// Categorical features, terms and a saved model from F#: encode a table's raw columns, fit the encoded data on both
/// engines, save the model and read it back, and predict new rows through the same encoding.
module TensorLinear.FSharp.Tests.FeatureEncodingTests

open System.IO
open TensorLinear
open TensorLinear.Autograd.Models
open TensorLinear.Features
open TensorLinear.Models
open TensorLinear.Reference.LeastSquares
open TensorLinear.Reference.Models
open Xunit

// y = 1 + 3·[B] + 2x exactly, so least squares recovers the coefficients to rounding.
let firm = ColumnValues.Categorical("firm", [| "A"; "A"; "B"; "B"; "A"; "B" |])
let x = ColumnValues.Numeric("x", [| 0.0; 1.0; 2.0; 3.0; 4.0; 5.0 |])
let y = [| 1.0; 3.0; 8.0; 10.0; 9.0; 14.0 |]

[<Fact>]
let ``a categorical column and an interaction encode, fit and predict from F#`` () =
    let encoding = FeatureEncoding.Fit([ firm; x ], Term.Parse "firm + x + firm:x")
    Assert.Equal<string>([| "firm[B]"; "x"; "firm[B]:x" |], encoding.FeatureNames |> Seq.toArray)
    let data = encoding.Encode([ firm; x ], y)
    let fit = OrdinaryLeastSquares.Fit data
    let expected = [| 3.0; 2.0; 0.0 |]
    Array.iter2 (fun e a -> Assert.Equal(e, a, 1e-13)) expected (fit.Model.Weights |> Seq.toArray)
    Assert.Equal(1.0, fit.Model.Bias, 1e-13)
    // both engines predict the same from the encoded data
    let reference = ReferenceEngine().Predict(ModelKind.Linear, data, fit.Model)
    let torch = TorchEngine().Predict(ModelKind.Linear, data, fit.Model)
    Array.iter2 (fun (r: float) t -> Assert.Equal(r, t, 1e-13)) reference torch

[<Fact>]
let ``a saved model reads back and predicts new rows through its encoding`` () =
    let encoding = FeatureEncoding.Fit([ firm; x ])
    let data = encoding.Encode([ firm; x ], y)
    let saved = SavedModel(Kind = ModelKind.Linear, Target = "y", Encoding = encoding, Model = (OrdinaryLeastSquares.Fit data).Model)
    use stream = new MemoryStream()
    saved.Write stream
    stream.Position <- 0L
    let read = SavedModel.Read(stream, "model.json")
    Assert.Equal(saved.Model, read.Model)
    let fresh = [ ColumnValues.Categorical("firm", [| "B" |]); ColumnValues.Numeric("x", [| 10.0 |]) ]
    let prediction = LinearRegression.Predict(read.Encoding.Encode(fresh, [| 0.0 |]), read.Model)
    Assert.Equal(24.0, prediction[0], 1e-12) // 1 + 3 + 2·10
    Assert.Throws<UnseenLevelException>(fun () -> read.Encoding.EncodeRows [ ColumnValues.Categorical("firm", [| "C" |]); ColumnValues.Numeric("x", [| 1.0 |]) ] |> ignore) |> ignore

[<Fact>]
let ``rows with a missing value are dropped listwise from F#`` () =
    // row 1 misses its x (NaN), row 3 its target: the fit is on rows 0, 2, 4, 5, where y = 1 + 2x exactly
    let rows = [| [| 0.0 |]; [| nan |]; [| 2.0 |]; [| 3.0 |]; [| 4.0 |]; [| 5.0 |] |]
    let targets = [| 1.0; 3.0; 5.0; nan; 9.0; 11.0 |]
    let missing = MissingRows.Of(rows, targets)
    Assert.Equal<int>([| 1; 3 |], missing.Dropped)
    let data = TensorLinear.Data.DataSet.FromRows(missing.Keep rows, missing.Keep targets)
    let fit = OrdinaryLeastSquares.Fit data
    Assert.Equal(2.0, fit.Model.Weights.[0], 1e-13)
    Assert.Equal(1.0, fit.Model.Bias, 1e-13)
    Assert.True(MissingRows.IsMissing " n/a ")
