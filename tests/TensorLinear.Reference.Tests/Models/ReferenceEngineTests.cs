using TensorLinear.Data;
using TensorLinear.Models;
using TensorLinear.Reference.Models;
using TensorLinear.Training;

namespace TensorLinear.Reference.Tests.Models;

public class ReferenceEngineTests
{
    private static readonly ILinearModelEngine Engine = new ReferenceEngine();
    private static readonly DataSet Data = DataSet.FromRows([[0.0], [1.0], [2.0]], [0.0, 1.0, 1.0]);
    private static readonly LinearModel Model = new([1.0], -1.0);
    private static readonly Penalty Penalty = new(0.1, 0.05);

    [Fact]
    public void TheEngineIsNamedReference() => Assert.Equal("reference", Engine.Name);

    [Fact]
    public void EachKindIsComputedByItsOwnDerivation()
    {
        Assert.Equal(LinearRegression.Predict(Data, Model), Engine.Predict(ModelKind.Linear, Data, Model));
        Assert.Equal(LogisticRegression.Predict(Data, Model), Engine.Predict(ModelKind.Logistic, Data, Model));
        Assert.Equal(LinearRegression.Loss(Data, Model, Penalty), Engine.Loss(ModelKind.Linear, Data, Model, Penalty));
        Assert.Equal(LogisticRegression.Loss(Data, Model, Penalty), Engine.Loss(ModelKind.Logistic, Data, Model, Penalty));
        Assert.Equal(LinearRegression.Gradient(Data, Model, Penalty), Engine.Gradient(ModelKind.Linear, Data, Model, Penalty));
        Assert.Equal(LogisticRegression.Gradient(Data, Model, Penalty), Engine.Gradient(ModelKind.Logistic, Data, Model, Penalty));
        Assert.Equal(LinearRegression.Hessian(Data, Model, Penalty), Engine.Hessian(ModelKind.Linear, Data, Model, Penalty));
        Assert.Equal(LogisticRegression.Hessian(Data, Model, Penalty), Engine.Hessian(ModelKind.Logistic, Data, Model, Penalty));
    }

    [Fact]
    public void TrainingRecordsTheLossOfEveryEpoch()
    {
        var result = Engine.Train(ModelKind.Linear, Data, new TrainingOptions { MaxEpochs = 5, Tolerance = 0.0 });
        Assert.Equal(5, result.Epochs);
        Assert.Equal(6, result.LossHistory.Length);
        Assert.Equal(LinearRegression.Loss(Data, LinearModel.Zero(1)), result.LossHistory[0]);
        Assert.Equal(LinearRegression.Loss(Data, result.Model), result.FinalLoss);
    }

    [Fact]
    public void AnUndefinedModelKindIsRejected() =>
        Assert.Equal("kind", Assert.Throws<OutOfDomainException>(() => Engine.Loss((ModelKind)7, Data, Model, Penalty.None)).ArgumentName);
}
