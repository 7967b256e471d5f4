using System.Text.Json;

namespace TensorLinear.Cli.Tests;

public class CalcCommandTests
{
    [Fact]
    public void DotPrintsTheValueAndBothGradientsFromBothSides()
    {
        var result = Tool.Run("calc", "dot", "1,2,3", "4,5,6");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("reference (by hand)", result.Output);
        Assert.Contains("libtorch (autograd)", result.Output);
        Assert.Contains("│ value │ 32 ", result.Output);
        Assert.Contains("(4, 5, 6)", result.Output); // ∇ₓ(xᵀy) = y
    }

    [Theory]
    [InlineData("dot", new[] { "1,2,3", "4,5,6" }, null, null)]
    [InlineData("norm", new[] { "3,-4,12" }, "3", null)]
    [InlineData("norm", new[] { "3,-4,0" }, "inf", null)]
    [InlineData("unit", new[] { "3,4" }, null, null)]
    [InlineData("cosine", new[] { "1,2,3", "-2,0.5,4" }, null, null)]
    [InlineData("angle", new[] { "1,0", "1,1e-9" }, null, null)]
    [InlineData("project", new[] { "-1,2", "3,1" }, null, null)]
    [InlineData("distance", new[] { "1,2", "4,-2" }, null, null)]
    [InlineData("distance", new[] { "1,2", "4,-2" }, "1", null)]
    [InlineData("signed distance", new[] { "1,2" }, null, "-4,1,1")]
    [InlineData("hyperplane score", new[] { "1,2" }, null, "-4,1,1")]
    public void EveryOperationAgreesAcrossTheTwoSidesToAFewRoundings(string operation, string[] vectors, string? p, string? plane)
    {
        string[] args = ["calc", operation, .. vectors, "--json"];
        if (p is not null) args = [.. args, "--p", p];
        if (plane is not null) args = [.. args, "--plane", plane];
        var json = Tool.Run(args).Json();

        Assert.Equal(operation, json.GetProperty("operation").GetString());
        var quantities = new[] { json.GetProperty("value") }.Concat(json.GetProperty("gradients").EnumerateObject().Select(g => g.Value));
        foreach (var quantity in quantities)
        {
            Assert.Equal(JsonValueKind.Null, quantity.GetProperty("declined").ValueKind);
            // Values of order 1 computed in a handful of operations: the sides differ by a few ulps at most.
            Assert.True(quantity.GetProperty("difference").GetDouble() < 1e-14, quantity.ToString());
        }
    }

    [Fact]
    public void AProjectionNearTheTopOfTheRangeHasItsExactJacobianAndLibtorchSaysWhyItHasNone()
    {
        // ∂proj/∂y at x = (1e308, 1e308), y = (1e308, 0) is [[0, 1], [0, 1]]; it was NaN on both sides. The reference now
        // forms it for 2⁻ᵃx; libtorch's backward pass overflows on the way (2s ≈ 2e308), which is said, not printed.
        var json = Tool.Run("calc", "project", "1e308,1e308", "1e308,0", "--json").Json();
        var byY = json.GetProperty("gradients").GetProperty("y");
        Assert.Equal([[0.0, 1.0], [0.0, 1.0]], byY.GetProperty("reference").EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray());
        Assert.Contains("∞ or NaN", byY.GetProperty("declined").GetString());
    }

    [Fact]
    public void TheAngleInDegreesIsTheRadianAngleTimes180OverPi()
    {
        // θ between (1, 0) and (1, 1) is π/4, i.e. 45°; ∂θ/∂y = −(x̂ − cos θ·ŷ)/(sin θ·‖y‖₂) = (−1/2, 1/2) rad, (−90/π, 90/π)°.
        var json = Tool.Run("calc", "angle", "1,0", "1,1", "--degrees", "--json").Json();
        Assert.EndsWith("in degrees", json.GetProperty("description").GetString());
        var value = json.GetProperty("value");
        Assert.Equal(45.0, value.GetProperty("reference").GetDouble(), 1e-13);
        Assert.Equal(45.0, value.GetProperty("torch").GetDouble(), 1e-13);
        var byY = json.GetProperty("gradients").GetProperty("y").GetProperty("reference");
        Assert.Equal(-90.0 / Math.PI, byY[0].GetDouble(), 1e-13);
        Assert.Equal(90.0 / Math.PI, byY[1].GetDouble(), 1e-13);
        Assert.Contains("--degrees is for calc angle", Tool.Run("calc", "dot", "1,0", "1,1", "--degrees").AssertBadInput());
    }

    [Fact]
    public void RejectScalarProjectionAndFootAreCalcOperationsWithBothSides()
    {
        // x = (2, 1), y = (1, 0): comp = 2, rej = (0, 1), ∂rej/∂x = I − ŷŷᵀ = [[0, 0], [0, 1]].
        var scalar = Tool.Run("calc", "scalar projection", "2,1", "1,0", "--json").Json();
        Assert.Equal(2.0, scalar.GetProperty("value").GetProperty("reference").GetDouble());
        Assert.Equal(2.0, scalar.GetProperty("value").GetProperty("torch").GetDouble(), 1e-15);
        var reject = Tool.Run("calc", "reject", "2,1", "1,0", "--json").Json();
        Assert.Equal([0.0, 1.0], reject.GetProperty("value").GetProperty("reference").EnumerateArray().Select(v => v.GetDouble()));
        var byX = reject.GetProperty("gradients").GetProperty("x");
        foreach (var side in new[] { "reference", "torch" })
            Assert.Equal([[0.0, 0.0], [0.0, 1.0]], byX.GetProperty(side).EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray());
        // The foot of x = (3, 3) on x₁ + x₂ − 4 = 0 is x − ((6 − 4)/2)·(1, 1) = (2, 2); ∂foot/∂w0 = −w/‖w‖² = (−½, −½) as a column.
        var foot = Tool.Run("calc", "foot", "3,3", "--plane", "-4,1,1", "--json").Json();
        Assert.Equal([2.0, 2.0], foot.GetProperty("value").GetProperty("reference").EnumerateArray().Select(v => v.GetDouble()));
        var byBias = foot.GetProperty("gradients").GetProperty("w0");
        foreach (var side in new[] { "reference", "torch" })
        {
            var column = byBias.GetProperty(side).EnumerateArray().Select(r => r.EnumerateArray().Single().GetDouble()).ToArray();
            Assert.Equal(2, column.Length);
            Assert.All(column, v => Assert.Equal(-0.5, v, 1e-15)); // w/‖w‖₂ then /‖w‖₂ again: a rounding or two from −½
        }
    }

    [Fact]
    public void GradientsAreKeyedByInputAndJacobiansAreRows()
    {
        var json = Tool.Run("calc", "project", "-1,2", "3,1", "--json").Json();

        var byX = json.GetProperty("gradients").GetProperty("x").GetProperty("reference");
        Assert.Equal(2, byX.GetArrayLength());
        Assert.Equal(0.3, byX[0][1].GetDouble(), 1e-15); // ∂proj/∂x = ŷŷᵀ with ŷ = (3, 1)/√10: entry (0, 1) is 3/10
        var signed = Tool.Run("calc", "signed distance", "1,2", "--plane", "-4,1,1", "--json").Json();
        Assert.Equal(["x", "w", "w0"], signed.GetProperty("gradients").EnumerateObject().Select(g => g.Name));
        Assert.Equal(-1 / Math.Sqrt(2), signed.GetProperty("value").GetProperty("reference").GetDouble(), 1e-15); // (1 + 2 − 4)/√2
        var distance = Tool.Run("calc", "distance", "1,2", "4,-2", "--json").Json();
        Assert.Equal(["x", "y"], distance.GetProperty("gradients").EnumerateObject().Select(g => g.Name));
        Assert.Equal(5.0, distance.GetProperty("value").GetProperty("reference").GetDouble()); // ‖(−3, 4)‖₂
        Assert.Equal(-0.6, distance.GetProperty("gradients").GetProperty("x").GetProperty("reference")[0].GetDouble(), 1e-15); // (x − y)/‖x − y‖
    }

    [Fact]
    public void WhereTheHandDerivativeDoesNotExistTheTableSaysSo()
    {
        var result = Tool.Run("calc", "angle", "1,2", "2,4");
        var json = Tool.Run("calc", "angle", "1,2", "2,4", "--json").Json();

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("undefined by hand here, since x and y are parallel", result.Output);
        var gradient = json.GetProperty("gradients").GetProperty("x");
        Assert.Equal(JsonValueKind.Null, gradient.GetProperty("reference").ValueKind);
        Assert.Equal(JsonValueKind.Array, gradient.GetProperty("torch").ValueKind);
        Assert.Contains("parallel", gradient.GetProperty("declined").GetString());
    }

    [Fact]
    public void CalcOffersTheCatalogsEntriesByTheirNames()
    {
        // Every operation but norm (whose order --p picks among norm1, norm2, normInf and normP) is a catalog entry.
        Assert.All(Calc.Calculations.Operations.Where(o => o != Calc.Calculations.Norm),
            o => Assert.Equal(o, Verification.Catalog.DerivationCatalog.Get(o).Name));
    }

    [Fact]
    public void OnTheHyperplaneTheScoreIsZeroWithGradientWXOne()
    {
        var json = Tool.Run("calc", "hyperplane score", "1,2", "--plane", "-3,1,1", "--json").Json();

        Assert.Equal(0.0, json.GetProperty("value").GetProperty("reference").GetDouble());
        Assert.Equal(1.0, json.GetProperty("gradients").GetProperty("w0").GetProperty("reference").GetDouble());
        Assert.Equal(2.0, json.GetProperty("gradients").GetProperty("w").GetProperty("reference")[1].GetDouble()); // ∂s/∂w = x
    }

    [Fact]
    public void NegativeComponentsAreNotMistakenForOptions()
    {
        var json = Tool.Run("calc", "norm", "-3,-4", "--json").Json();
        Assert.Equal(5.0, json.GetProperty("value").GetProperty("torch").GetDouble());
    }
}
