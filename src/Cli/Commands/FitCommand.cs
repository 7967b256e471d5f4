using System.CommandLine;
using TensorLinear.Cli.Data;
using TensorLinear.Cli.Fitting;
using TensorLinear.Cli.Output;
using TensorLinear.MaxMargin;
using TensorLinear.Models;
using TensorLinear.Reference.Inference;

namespace TensorLinear.Cli.Commands;

/// <summary>
/// <c>tensorlinear fit</c>: fits a linear or logistic model to a CSV file on the reference engine, libtorch or both,
/// and reports coefficients, metrics and the agreement between the engines (docs/cli.md).
/// </summary>
internal static class FitCommand
{
    internal static Command Create(Terminal terminal)
    {
        var data = new Option<string>("--data") { Description = "The CSV file: a header row, numbers in invariant culture; - reads standard input.", Required = true, HelpName = "FILE.csv|-" };
        var delimiter = new Option<char>("--delimiter") { Description = "The character between fields: one character, or tab (default ,).", DefaultValueFactory = _ => ',', HelpName = "C", CustomParser = Arguments.Delimiter };
        var target = new Option<string>("--target") { Description = "The column to predict.", Required = true, HelpName = "COLUMN" };
        var features = new Option<string?>("--features") { Description = "The feature columns, comma-separated (default: every other column).", HelpName = "A,B,..." };
        var model = new Option<string>("--model") { Description = "linear (least squares), logistic (log-loss), svm (maximum margin) or softmax (multinomial log-loss); for logistic and svm the target may hold any two labels, for softmax any k ≥ 2 (numbers or text).", Required = true, HelpName = "linear|logistic|svm|softmax" };
        model.AcceptOnlyFromAmong("linear", "logistic", "svm", "softmax");
        var solver = new Option<string?>("--solver") { Description = "gd (gradient descent), qr (closed-form least squares, linear) or newton (Newton–Raphson, logistic); default qr for linear, newton for logistic.", HelpName = "gd|qr|newton" };
        solver.AcceptOnlyFromAmong("gd", "qr", "newton");
        var engine = new Option<string>("--engine") { Description = "reference (hand-derived), torch (libtorch autograd) or both, compared.", DefaultValueFactory = _ => "both", HelpName = "reference|torch|both" };
        engine.AcceptOnlyFromAmong("reference", "torch", "both");
        var learningRate = new Option<string>("--lr") { Description = "Gradient descent's step: a number, or auto for 1/L, L the largest eigenvalue of a bound on the loss's Hessian.", DefaultValueFactory = _ => "auto", HelpName = "X|auto" };
        var epochs = new Option<int?>("--epochs") { Description = $"The most epochs of gd (default {FitSettings.DefaultEpochs}) or iterations of newton (default {FitSettings.DefaultNewtonIterations}).", HelpName = "N", CustomParser = Arguments.OptionalWholeNumber("--epochs") };
        var tolerance = new Option<double?>("--tol") { Description = "Stop when ‖∇L‖ ≤ T·‖∇L(θ₀)‖ (gd, relative to the start, default 1e-8) or when the Newton decrement λ²/2 ≤ T (newton, default 1e-10).", HelpName = "T", CustomParser = Arguments.OptionalNonNegative("--tol") };
        var l2 = new Option<double>("--l2") { Description = "Ridge penalty λ‖w‖₂² (gd, newton).", DefaultValueFactory = _ => 0.0, HelpName = "λ", CustomParser = Arguments.NonNegative("--l2") };
        var l1 = new Option<double>("--l1") { Description = "Lasso penalty λ‖w‖₁ (gd).", DefaultValueFactory = _ => 0.0, HelpName = "λ", CustomParser = Arguments.NonNegative("--l1") };
        var standardize = new Option<bool>("--standardize") { Description = "Train on standardised features; report coefficients in original units." };
        var degree = new Option<int?>("--degree") { Description = "Fit a polynomial x, x², …, xᴷ in the single feature.", HelpName = "K", CustomParser = Arguments.OptionalWholeNumber("--degree") };
        var terms = new Option<string?>("--terms") { Description = "The model's terms as a formula: \"x1 + x2 + x1:x2 + x1^2\" (':' a product, '^' a power; a categorical column gives one indicator per level but the reference). Replaces --features.", HelpName = "FORMULA" };
        var categorical = new Option<string?>("--categorical") { Description = "Columns to read as labels, comma-separated (a column in which no cell is a number is read so anyway).", HelpName = "A,B,..." };
        var save = new Option<string?>("--save") { Description = "Save the fitted model (the first engine's) as JSON, for tensorlinear predict.", HelpName = "FILE.json" };
        var noIntercept = new Option<bool>("--no-intercept") { Description = "Fit through the origin (no intercept)." };
        var plot = new Option<string?>("--plot") { Description = "Write the plot, SVG or PNG by the extension: the loss per epoch, then the data with the fit (one or two features) or the fitted values and residuals (more).", HelpName = "FILE.svg|FILE.png" };
        var margin = new Option<string?>("--margin") { Description = "svm: hard (separable data; the default) or soft (hinge loss, priced by --C).", HelpName = "hard|soft" };
        margin.AcceptOnlyFromAmong("hard", "soft");
        var c = new Option<double?>("--C") { Description = $"svm: the soft margin's price C of a unit of hinge loss in ½‖w‖² + C Σ hingeᵢ (default {SvmSettings.DefaultC}; implies --margin soft).", HelpName = "C", CustomParser = Arguments.OptionalNonNegative("--C") };
        var level = new Option<double>("--level") { Description = $"The confidence level of the coefficient table's intervals (default {FitSettings.DefaultLevel}).", DefaultValueFactory = _ => FitSettings.DefaultLevel, HelpName = "L", CustomParser = Arguments.NonNegative("--level") };
        var robust = new Option<string?>("--robust") { Description = "Heteroskedasticity-consistent standard errors in the coefficient table: hc0 (White), hc1 (× n/(n − p)), hc2 (eᵢ²/(1 − hᵢ)) or hc3 (eᵢ²/(1 − hᵢ)²).", HelpName = "hc0|hc1|hc2|hc3" };
        robust.AcceptOnlyFromAmong("hc0", "hc1", "hc2", "hc3");
        var json = new Option<bool>("--json") { Description = "Print one JSON document (schema in docs/cli.md) instead of tables." };
        var missing = Arguments.MissingOption();
        var weights = new Option<string?>("--weights") { Description = "A column of positive sample weights ωᵢ (linear, logistic, softmax): the loss is the weighted mean Σωᵢℓᵢ/Σωᵢ; inference as statsmodels' WLS (linear: precision weights, Var yᵢ = σ²/ωᵢ) and GLM var_weights (logistic, softmax). The column is not a feature.", HelpName = "COLUMN" };

        var command = new Command("fit", "Fit a linear, logistic, maximum-margin (svm) or softmax model to a CSV file, on the reference engine, libtorch or both.")
        {
            data, delimiter, target, features, model, solver, engine, learningRate, epochs, tolerance, l2, l1, standardize, degree, terms, categorical, save, noIntercept, level, robust, margin, c, plot, missing, weights, json,
        };
        command.SetAction(parse => CliApp.Guard(terminal, () =>
        {
            var source = new DataSource
            {
                File = parse.GetValue(data)!,
                Delimiter = parse.GetValue(delimiter),
                Missing = parse.GetValue(missing),
                Target = parse.GetValue(target)!,
                Features = parse.GetValue(features) is string names ? Arguments.List(names, "--features") : null,
                Weights = parse.GetValue(weights),
            };
            if (parse.GetValue(model) == "svm")
            {
                // The options of the other models' solvers mean nothing to the maximum-margin fit: refused, not ignored.
                foreach (var option in new Option[] { solver, learningRate, l2, l1, standardize, degree, terms, categorical, save, noIntercept, level, robust, weights })
                    if (parse.GetResult(option) is { Implicit: false })
                        throw new UsageException($"{option.Name} does not apply to --model svm (its options are --margin, --C, --tol and --epochs)");
                return RunSvm(terminal, new SvmSettings
                {
                    Source = source,
                    Margin = parse.GetValue(margin) switch
                    {
                        "soft" => MarginKind.Soft,
                        "hard" => MarginKind.Hard,
                        _ => parse.GetValue(c) is null ? MarginKind.Hard : MarginKind.Soft,
                    },
                    C = parse.GetValue(c),
                    Engine = Engines(parse.GetValue(engine)),
                    Tolerance = parse.GetValue(tolerance),
                    MaxIterations = parse.GetValue(epochs),
                    PlotFile = parse.GetValue(plot),
                    Json = parse.GetValue(json),
                });
            }
            foreach (var option in new Option[] { margin, c })
                if (parse.GetResult(option) is { Implicit: false })
                    throw new UsageException($"{option.Name} is an option of --model svm");
            if (parse.GetValue(model) == "softmax")
            {
                foreach (var option in new Option[] { l1, standardize, degree, terms, categorical, save, noIntercept, level, robust })
                    if (parse.GetResult(option) is { Implicit: false })
                        throw new UsageException($"{option.Name} does not apply to --model softmax (its options are --solver newton|gd, --engine, --lr, --epochs, --tol, --l2, --weights and --plot)");
                return RunSoftmax(terminal, new SoftmaxSettings
                {
                    Source = source,
                    Solver = parse.GetValue(solver) switch
                    {
                        "gd" => Solver.Gd,
                        "qr" => Solver.Qr,
                        _ => Solver.Newton,
                    },
                    Engine = Engines(parse.GetValue(engine)),
                    LearningRate = LearningRate(parse.GetValue(learningRate)!),
                    Epochs = parse.GetValue(epochs),
                    Tolerance = parse.GetValue(tolerance),
                    L2 = parse.GetValue(l2),
                    PlotFile = parse.GetValue(plot),
                    Json = parse.GetValue(json),
                });
            }
            var kind = parse.GetValue(model) == "logistic" ? ModelKind.Logistic : ModelKind.Linear;
            var settings = new FitSettings
            {
                Source = source,
                Model = kind,
                Solver = parse.GetValue(solver) switch
                {
                    "gd" => Solver.Gd,
                    "qr" => Solver.Qr,
                    "newton" => Solver.Newton,
                    _ => kind == ModelKind.Linear ? Solver.Qr : Solver.Newton,
                },
                Engine = Engines(parse.GetValue(engine)),
                LearningRate = LearningRate(parse.GetValue(learningRate)!),
                Epochs = parse.GetValue(epochs),
                Tolerance = parse.GetValue(tolerance),
                L2 = parse.GetValue(l2),
                L1 = parse.GetValue(l1),
                Standardize = parse.GetValue(standardize),
                Degree = parse.GetValue(degree),
                Terms = parse.GetValue(terms),
                Categorical = parse.GetValue(categorical) is string labels ? Arguments.List(labels, "--categorical") : null,
                SaveFile = parse.GetValue(save),
                FitIntercept = !parse.GetValue(noIntercept),
                Level = parse.GetValue(level),
                Robust = parse.GetValue(robust) switch
                {
                    "hc0" => RobustCovariance.Hc0,
                    "hc1" => RobustCovariance.Hc1,
                    "hc2" => RobustCovariance.Hc2,
                    "hc3" => RobustCovariance.Hc3,
                    _ => RobustCovariance.None,
                },
                PlotFile = parse.GetValue(plot),
                Json = parse.GetValue(json),
            };
            return Run(terminal, settings);
        }));
        return command;
    }

    internal static int Run(Terminal terminal, FitSettings settings)
    {
        var report = FitRunner.Run(settings, terminal);
        if (settings.SaveFile is string file) ModelFile.Write(file, report);
        if (settings.PlotFile is string path) Output.Plots.FitPlot.Write(path, report);
        if (settings.Json) Json.Write(terminal.Output, FitJson.Build(report));
        else FitText.Write(terminal.Display, report);
        return ExitCodes.Success;
    }

    internal static int RunSvm(Terminal terminal, SvmSettings settings)
    {
        var report = SvmRunner.Run(settings, terminal);
        if (settings.PlotFile is string path) Output.Plots.SvmPlot.Write(path, report);
        if (settings.Json) Json.Write(terminal.Output, SvmJson.Build(report));
        else SvmText.Write(terminal.Display, report);
        return ExitCodes.Success;
    }

    private static EngineChoice Engines(string? name) => name switch
    {
        "reference" => EngineChoice.Reference,
        "torch" => EngineChoice.Torch,
        _ => EngineChoice.Both,
    };

    internal static int RunSoftmax(Terminal terminal, SoftmaxSettings settings)
    {
        var report = SoftmaxRunner.Run(settings, terminal);
        if (settings.PlotFile is string path) Output.Plots.SoftmaxPlot.Write(path, report);
        if (settings.Json) Json.Write(terminal.Output, SoftmaxJson.Build(report));
        else SoftmaxText.Write(terminal.Display, report);
        return ExitCodes.Success;
    }

    private static double? LearningRate(string text)
    {
        if (text == "auto") return null;
        if (Numbers.TryParse(text, out var eta)) return eta;
        throw new UsageException($"--lr is '{text}'; it must be a positive number or 'auto'");
    }
}
