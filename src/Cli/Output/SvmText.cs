using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;
using TensorLinear.Cli.Fitting;
using TensorLinear.MaxMargin;

namespace TensorLinear.Cli.Output;

/// <summary>The human-readable report of <c>tensorlinear fit --model svm</c>: the line, its margin, the certificate, the rows.</summary>
internal static class SvmText
{
    public static void Write(IAnsiConsole console, SvmReport report)
    {
        var settings = report.Settings;
        var first = report.Fits[0].Fit;
        var names = report.Data.FeatureNames;
        console.WriteLine($"fit    maximum-margin classifier by dual pair-coordinate descent and an active-set polish on {report.Input.Source}");
        console.WriteLine($"solve  {Problem(settings)}");
        console.WriteLine($"data   {report.Data.RowCount} rows; target '{report.Data.TargetName}' (+1 = '{report.PositiveLabel}', −1 = '{report.NegativeLabel}'); features {string.Join(", ", names)}");
        if (DroppedRows.Sentence(report.Input.DroppedLines) is string dropped) console.WriteLine($"       {dropped}");
        console.WriteLine();
        console.WriteLine($"line   {Format.Hyperplane(first.Model, names)}   ({first.Engine}: positive side = '{report.PositiveLabel}')");
        console.WriteLine($"margin 1/‖w‖ = {Format.Value(first.Margin)}: the band wᵀx + b = ±1 is {Format.Value(2 * first.Margin)} wide; support vectors: rows {string.Join(", ", first.SupportVectors)} (0-based)");
        console.WriteLine();

        console.WriteLine("Coefficients (canonical scaling: the support vectors on the margin have yᵢ(wᵀxᵢ + b) = 1)");
        var coefficients = EngineTable(report, "name");
        for (var j = 0; j < names.Length; j++)
            AddRow(coefficients, names[j], report.Fits.Select(f => Format.Value(f.Fit.Model.Weights[j])));
        AddRow(coefficients, FitRunner.InterceptName, report.Fits.Select(f => Format.Value(f.Fit.Model.Bias)));
        console.Write(coefficients);
        console.WriteLine();

        console.WriteLine("Solution and certificate (KKT residuals relative to their terms' scale; 1e-16 is rounding)");
        var run = EngineTable(report, "");
        AddRow(run, "margin 1/‖w‖", report.Fits.Select(f => Format.Value(f.Fit.Margin)));
        AddRow(run, "smallest yᵢ·distance", report.Fits.Select(f => Format.Value(f.Fit.GeometricMargin)));
        AddRow(run, "support vectors", report.Fits.Select(f => string.Join(", ", f.Fit.SupportVectors)));
        AddRow(run, "objective", report.Fits.Select(f => Format.Value(f.Fit.Kkt.PrimalObjective)));
        AddRow(run, "primal feasibility", report.Fits.Select(f => Format.Difference(f.Fit.Kkt.PrimalFeasibility)));
        AddRow(run, "dual feasibility", report.Fits.Select(f => Format.Difference(f.Fit.Kkt.DualFeasibility)));
        AddRow(run, "compl. slackness", report.Fits.Select(f => Format.Difference(f.Fit.Kkt.ComplementarySlackness)));
        AddRow(run, "stationarity (w)", report.Fits.Select(f => Format.Difference(f.Fit.Kkt.Stationarity)));
        AddRow(run, "stationarity (b)", report.Fits.Select(f => Format.Difference(f.Fit.Kkt.BiasStationarity)));
        AddRow(run, "duality gap (rel.)", report.Fits.Select(f => Format.Difference(f.Fit.Kkt.RelativeDualityGap)));
        AddRow(run, "iterations", report.Fits.Select(f => f.Fit.Iterations.ToString(CultureInfo.InvariantCulture)));
        AddRow(run, "exact (polished)", report.Fits.Select(f => f.Fit.Polished ? $"yes, κ = {Format.Short(f.Fit.ConditionNumber ?? double.NaN)}" : "no"));
        AddRow(run, "time", report.Fits.Select(f => Format.Seconds(f.Seconds)));
        console.Write(run);
        console.WriteLine();

        console.WriteLine($"Rows ({first.Engine}): signed distance (wᵀxᵢ + b)/‖w‖ to the line, multiplier αᵢ");
        var rows = new Table().Border(TableBorder.Rounded).AddColumn(new TableColumn(new Text("row")).RightAligned());
        foreach (var name in names) rows.AddColumn(RightColumn(name));
        rows.AddColumn(RightColumn("label")).AddColumn(RightColumn("y")).AddColumn(RightColumn("distance")).AddColumn(RightColumn("α")).AddColumn(new TableColumn(new Text("")));
        var targets = report.Input.Data.Targets.Span;
        var shown = Math.Min(report.Data.RowCount, MaxRows);
        for (var i = 0; i < shown; i++)
        {
            var cells = new List<IRenderable> { Right(i.ToString(CultureInfo.InvariantCulture)) };
            for (var j = 0; j < names.Length; j++) cells.Add(Right(Format.Value(report.Data[i, j])));
            cells.Add(Right(targets[i] == 1.0 ? report.PositiveLabel : report.NegativeLabel));
            cells.Add(Right(report.Data.Targets.Span[i] > 0 ? "+1" : "−1"));
            cells.Add(Right(Format.Value(first.SignedDistances[i])));
            cells.Add(Right(Format.Value(first.Alphas[i])));
            cells.Add(new Text(first.Alphas[i] > 0.0 ? "support vector" : ""));
            rows.AddRow(cells);
        }
        console.Write(rows);
        if (shown < report.Data.RowCount) console.WriteLine($"(the first {shown} of {report.Data.RowCount} rows; --json has them all)");

        if (report.Agreement is { } agreement)
        {
            console.WriteLine();
            console.WriteLine($"agreement  the engines' (w, b) differ by at most {Format.Difference(agreement.Difference)} relative, within the derived bound {Format.Difference(agreement.Bound)}{(agreement.Agrees ? "" : " — NOT within it")}");
        }
        foreach (var f in report.Fits.Where(f => !f.Fit.Polished))
            console.WriteLine($"warning    {f.Fit.Engine}: the active-set polish did not certify, so this is the dual method's iterate; its KKT residuals above say how close it is");
        if (settings.PlotFile is not null) console.WriteLine($"plot       {settings.PlotFile}");
    }

    internal static string Problem(SvmSettings settings) => settings.Margin == MarginKind.Hard
        ? "hard margin: minimise ½‖w‖² subject to yᵢ(wᵀxᵢ + b) ≥ 1"
        : $"soft margin: minimise ½‖w‖² + C Σ max(0, 1 − yᵢ(wᵀxᵢ + b)), C = {Format.Value(settings.EffectiveC)}";

    private const int MaxRows = 50;

    private static Table EngineTable(SvmReport report, string first)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn(new TableColumn(new Text(first)));
        foreach (var (fit, _) in report.Fits) table.AddColumn(RightColumn(fit.Engine));
        return table;
    }

    private static void AddRow(Table table, string name, IEnumerable<string> values) =>
        table.AddRow([new Text(name), .. values.Select(Right)]);

    private static TableColumn RightColumn(string header) => new TableColumn(new Text(header)).RightAligned();

    private static Text Right(string value) => new(value, Style.Plain) { Justification = Justify.Right };
}
