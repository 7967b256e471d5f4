using TensorLinear.Verification.Cases;
using FsCheck;
using FsCheck.Fluent;
using TensorLinear.Verification.Catalog;
using TensorLinear.Verification.Generators;

namespace TensorLinear.Verification.Tests.Catalog;

// Shrinking: a failure is reported on a small, readable counterexample.
public sealed class ShrinkTests
{
    [Fact]
    public void AFailingVectorPropertyShrinksToOneSmallIntegerComponent()
    {
        // "every component of x is below 2 in magnitude" fails on most generated vectors; the smallest counterexample
        // is a single component of magnitude 2.
        var arbitrary = DerivationCatalog.Get("norm2").Arbitrary;
        var error = Assert.ThrowsAny<Exception>(() =>
            Prop.ForAll(arbitrary, c => ((VectorCase)c).X.All(v => Math.Abs(v) < 2)).Check(Config.QuickThrowOnFailure.WithReplay(5UL, 0x9E3779B97F4A7C15UL)));
        var shrunk = ShrunkLine(error.Message);
        Assert.Matches(@"x = \[-?2\]", shrunk);
    }

    [Fact]
    public void AFailingModelPropertyShrinksRowsAndFeaturesAway()
    {
        // "the data set has one row" fails whenever n > 1: the shrinker drops rows down to two, and every feature but one.
        var arbitrary = DerivationCatalog.Get("linear regression").Arbitrary;
        var error = Assert.ThrowsAny<Exception>(() =>
            Prop.ForAll(arbitrary, c => ((ModelCase)c).Data.RowCount == 1).Check(Config.QuickThrowOnFailure.WithReplay(9UL, 0x9E3779B97F4A7C15UL)));
        var shrunk = ShrunkLine(error.Message);
        Assert.Contains("data 2×1", shrunk);
    }

    [Fact]
    public void ShrinkCandidatesAreSmaller()
    {
        var input = new PairCase([1.5, -3.25, 7], [2, 0.5, -1]);
        var candidates = Shrink.Case(input).Cast<PairCase>().ToList();
        Assert.Contains(candidates, c => c.X.Length == 2 && c.Y.Length == 2);
        Assert.Contains(candidates, c => c.Y.SequenceEqual([2, 0, -1]));
        Assert.Contains(candidates, c => c.X.SequenceEqual([2, -3.25, 7]));
        Assert.All(candidates, c => Assert.True(c.X.Length <= 3 && c.Y.Length == c.X.Length));
        Assert.Equal([0.0, 3.0, 1.0], Shrink.Toward(3.4));
        Assert.Empty(Shrink.Toward(0));
    }

    [Fact]
    public void ModelInputsAreValidAndShrinkInsideTheDomain()
    {
        var entry = Assert.IsType<Derivation<ModelCase>>(DerivationCatalog.Get("logistic regression"));
        foreach (var input in entry.Generator.Sample(20, new Rnd(3UL, 0x9E3779B97F4A7C15UL), 50))
        {
            Assert.True(entry.IsValid(input), input.ToString());
            Assert.All(input.Data.Targets.ToArray(), y => Assert.True(y is 0.0 or 1.0));
            Assert.All(Shrink.Case(input).Where(entry.Admits).Cast<ModelCase>().Take(50), c => Assert.Equal(c.Data.FeatureCount + 1, c.Parameters.Length));
        }
    }

    private static string ShrunkLine(string message)
    {
        var lines = message.Split('\n');
        var k = Array.FindIndex(lines, l => l.StartsWith("Shrunk", StringComparison.Ordinal));
        Assert.True(k >= 0, message);
        return lines[k + 1];
    }
}
