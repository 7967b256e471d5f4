using ScottPlot;
using TensorLinear.Cli.Fitting;
using TensorLinear.Models;

namespace TensorLinear.Cli.Output.Plots;

/// <summary>The geometry the data panels draw: scores, boundaries and their clipping to the plotted box.</summary>
internal static class Geometry
{
    /// <summary>
    /// The model whose boundary is drawn: the separating hyperplane when the classes are separated (the iterate's own
    /// scores have the same signs, but its huge weights estimate nothing), the fit otherwise.
    /// </summary>
    public static LinearModel DecisionModel(EngineFit fit) => fit.Separation?.Hyperplane is { } h && fit.IsSeparated ? h : fit.Model;

    /// <summary>The line a·x + b·y + c = 0 where the model's score equals <paramref name="level"/>: (a, b, c) = (w₁, w₂, b − level).</summary>
    public static (double A, double B, double C) Boundary(LinearModel model, double level) => (model.Weights[0], model.Weights[1], model.Bias - level);

    /// <summary>z = Σₖ wₖxᵏ + b: the model's score at x, its features the powers 1..K of x.</summary>
    public static double Score(LinearModel model, double x, int degree)
    {
        double z = model.Bias, power = 1.0;
        for (var k = 0; k < degree; k++)
        {
            power *= x;
            z += model.Weights[k] * power;
        }
        return z;
    }

    /// <summary>z = wᵀxᵢ + b for row i of the features.</summary>
    public static double Score(LinearModel model, TensorLinear.Data.DataSet features, int row)
    {
        var z = model.Bias;
        for (var j = 0; j < features.FeatureCount; j++) z += model.Weights[j] * features[row, j];
        return z;
    }

    /// <summary>σ(z) = 1/(1 + e⁻ᶻ), by the form that does not overflow for either sign of z.</summary>
    public static double Sigmoid(double z) => z >= 0 ? 1 / (1 + Math.Exp(-z)) : Math.Exp(z) / (1 + Math.Exp(z));

    /// <summary>Sutherland–Hodgman against one line: the part of the convex polygon where side·(a·x + b·y + c) ≥ 0.</summary>
    public static List<Coordinates> ClipHalfPlane(List<Coordinates> polygon, (double A, double B, double C) line, int side)
    {
        double Value(Coordinates p) => side * (line.A * p.X + line.B * p.Y + line.C);
        var result = new List<Coordinates>();
        for (var i = 0; i < polygon.Count; i++)
        {
            var (p, q) = (polygon[i], polygon[(i + 1) % polygon.Count]);
            double vp = Value(p), vq = Value(q);
            if (!double.IsFinite(vp) || !double.IsFinite(vq)) return [];
            if (vp >= 0) result.Add(p);
            if (vp >= 0 != vq >= 0)
            {
                var t = vp / (vp - vq);
                result.Add(new Coordinates(p.X + t * (q.X - p.X), p.Y + t * (q.Y - p.Y)));
            }
        }
        return result;
    }

    /// <summary>The segment of a·x + b·y + c = 0 inside the box, or null when the line misses it.</summary>
    public static (Coordinates, Coordinates)? ClipLine((double A, double B, double C) line, double xLow, double xHigh, double yLow, double yHigh)
    {
        var points = new List<Coordinates>();
        if (line.B != 0.0)
            foreach (var xv in new[] { xLow, xHigh })
            {
                var yv = -(line.A * xv + line.C) / line.B;
                if (yv >= yLow && yv <= yHigh) points.Add(new(xv, yv));
            }
        if (line.A != 0.0)
            foreach (var yv in new[] { yLow, yHigh })
            {
                var xv = -(line.B * yv + line.C) / line.A;
                if (xv >= xLow && xv <= xHigh) points.Add(new(xv, yv));
            }
        return points.Count >= 2 ? (points[0], points.OrderByDescending(p => Math.Abs(p.X - points[0].X) + Math.Abs(p.Y - points[0].Y)).First()) : null;
    }
}
