/// The C# records an F# user creates and varies: options through property setters at construction and through the
/// copy constructors (F#'s `{ o with … }` does not compile for a C# record), and models that print their values.
module TensorLinear.FSharp.Tests.OptionsTests

open System
open System.Reflection
open TensorLinear.Autograd.Models
open TensorLinear.Models
open TensorLinear.Reference.Training
open TensorLinear.Training
open TensorLinear.Verification.GradientChecking
open Xunit

[<Fact>]
let ``options are created with named property setters, a nullable one from a plain float`` () =
    let options = TrainingOptions(MaxEpochs = 500, LearningRate = 0.1, Penalty = Penalty(l2 = 0.01))
    Assert.Equal(500, options.MaxEpochs)
    Assert.Equal(Nullable 0.1, options.LearningRate)
    Assert.Equal(0.01, options.Penalty.L2)
    Assert.Equal(TrainingOptions().Tolerance, options.Tolerance)

[<Fact>]
let ``the copy constructor is F#'s with for a C# record`` () =
    let options = TrainingOptions(MaxEpochs = 500, LearningRate = 0.1, FitIntercept = false)
    let longer = TrainingOptions(options, MaxEpochs = 5000)
    Assert.Equal(5000, longer.MaxEpochs)
    Assert.Equal(options.LearningRate, longer.LearningRate)
    Assert.False(longer.FitIntercept)
    Assert.Equal(500, options.MaxEpochs) // the original is untouched
    Assert.Equal(options, TrainingOptions(options))

    let onePass = TorchEngineOptions(TorchEngineOptions.Default, TrainingPath = TrainingPath.OnePass)
    Assert.Equal(TrainingPath.OnePass, onePass.TrainingPath)
    let reseeded = GradientCheckOptions(GradientCheckOptions(RunTaylorTest = false), Seed = 8)
    Assert.Equal(8, reseeded.Seed)
    Assert.False(reseeded.RunTaylorTest)
    let newton = NewtonOptions(NewtonOptions(MaxIterations = 7), Tolerance = 1e-12)
    Assert.Equal(7, newton.MaxIterations)
    Assert.Equal(1e-12, newton.Tolerance)

/// A value other than the default for each property type the options records use; a new type fails loudly here.
let private differentValue (property: PropertyInfo) (current: obj | null) : obj | null =
    let t = property.PropertyType
    match current with
    | :? int as i -> box (i + 7)
    | :? float as x -> box (x + 0.375)
    | :? bool as b -> box (not b)
    | _ when t = typeof<Nullable<float>> -> box (Nullable 0.625) // a null Nullable boxes to null
    | _ when t = typeof<Penalty> -> box (Penalty(0.5, 0.25))
    | _ when t = typeof<float[]> -> box [| 0.5; 2.0 |]
    | _ when t.IsEnum -> Enum.GetValues(t) |> Seq.cast<obj> |> Seq.find (fun v -> not (v.Equals current))
    | _ -> failwithf "%s.%s has type %s: give it a value in differentValue" t.Name property.Name t.Name

/// Sets every init property of a fresh T to a value other than its default, copies it with the copy constructor, and
/// checks that every property came across: a property added later but left out of the copy constructor fails here.
let private copiesEveryProperty<'T when 'T: equality and 'T: not null> () =
    let t = typeof<'T>
    let original = Activator.CreateInstance<'T>()
    let settable = t.GetProperties(BindingFlags.Public ||| BindingFlags.Instance) |> Array.filter (fun p -> p.CanWrite)
    Assert.NotEmpty(settable)
    for p in settable do
        p.SetValue(original, differentValue p (p.GetValue original))
    let copy =
        match t.GetConstructor([| t |]) with
        | null -> failwithf "%s has no copy constructor" t.Name
        | constructor -> constructor.Invoke([| box original |]) :?> 'T
    for p in settable do
        Assert.True(Object.Equals(p.GetValue original, p.GetValue copy), sprintf "%s.%s was not copied" t.Name p.Name)
    Assert.Equal<'T>(original, copy)

[<Fact>]
let ``every options record's copy constructor copies every property`` () =
    copiesEveryProperty<TrainingOptions> ()
    copiesEveryProperty<NewtonOptions> ()
    copiesEveryProperty<TorchEngineOptions> ()
    copiesEveryProperty<GradientCheckOptions> ()

[<Fact>]
let ``models and results print their values, as printfn "%A" and fsi show them`` () =
    let model = LinearModel([| 1.5; -2.0 |], 0.25)
    Assert.Equal("LinearModel { Weights = [1.5, -2], Bias = 0.25 }", string model)
    Assert.Equal("LinearModel { Weights = [1.5, -2], Bias = 0.25 }", sprintf "%A" model)
    let gradient = ModelGradient.FromParameterVector [| 0.5; 0.125 |]
    Assert.Equal("ModelGradient { Weights = [0.5], Bias = 0.125 }", string gradient)
    let result = TrainingResult(model, Collections.Immutable.ImmutableArray.Create(4.0, 2.0, 1.0), 2, 0.5, StopReason.Converged, 1e-9)
    Assert.Equal(
        "TrainingResult { Model = LinearModel { Weights = [1.5, -2], Bias = 0.25 }, LossHistory = [3 values: 4 … 1], "
        + "Epochs = 2, LearningRate = 0.5, StopReason = Converged, GradientNorm = 1E-09 }",
        string result)
