// A consumer of the TensorLinear.Verification package, as `dotnet new console` + `dotnet add package` leave it, with
// this file as its Program.cs (tests/TensorLinear.Packaging.Tests copies it in). It checks a hand-derived gradient and
// fits one linear model on both engines, and exits 0 only when every result is right. It has no code of its own for
// loading libtorch: on Debian 12 the TorchEngine fit works only if the package applied the libstdc++ fix by itself.
using TensorLinear;
using TensorLinear.Autograd.Loading;
using TensorLinear.Autograd.Models;
using TensorLinear.Data;
using TensorLinear.Models;
using TensorLinear.Reference.Models;
using TensorLinear.Training;
using TensorLinear.Verification.GradientChecking;

var failures = 0;
void Expect(bool condition, string what)
{
    Console.WriteLine($"{(condition ? "ok" : "FAILED")}: {what}");
    if (!condition) failures++;
}

// f(x) = x0²·x1 + sin x1, its gradient by hand, and the same gradient with a slip (the 2 forgotten).
static double F(double[] x) => x[0] * x[0] * x[1] + Math.Sin(x[1]);
static double[] Gradient(double[] x) => [2 * x[0] * x[1], x[0] * x[0] + Math.Cos(x[1])];
static double[] Slipped(double[] x) => [x[0] * x[1], x[0] * x[0] + Math.Cos(x[1])];
double[] point = [1.5, -0.5];
Expect(GradientChecker.Check(F, Gradient, point).Passed, "the hand-derived gradient agrees with finite differences");
Expect(!GradientChecker.Check(F, Slipped, point).Passed, "the slipped gradient is rejected");

// y = 2·x1 − x2 + 1 exactly, so both engines must find (2, −1, 1).
double[][] rows = [[0, 0], [1, 0], [0, 1], [1, 1], [2, -1], [-1, 2]];
var data = DataSet.FromRows(rows, [.. rows.Select(r => 2 * r[0] - r[1] + 1)]);
var options = new TrainingOptions { MaxEpochs = 20_000, Tolerance = 1e-10 };
foreach (ILinearModelEngine engine in new ILinearModelEngine[] { new ReferenceEngine(), new TorchEngine() })
{
    var fit = engine.Train(ModelKind.Linear, data, options);
    var theta = fit.Model.ToParameterVector();
    var error = Math.Max(Math.Abs(theta[0] - 2), Math.Max(Math.Abs(theta[1] + 1), Math.Abs(theta[2] - 1)));
    Expect(fit.Converged && error < 1e-6, $"{engine.Name} fits (2, -1, 1) (largest error {error:e1})");
}
Console.WriteLine($"libstdc++ fix: {LibStdCxxCompatibility.Outcome.Kind}");
return failures == 0 ? 0 : 1;
