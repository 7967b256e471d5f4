namespace TensorLinear.Reference.Tests;

public class DecisionRuleTests
{
    // Loan approval, an illustration with round numbers (not a real credit policy): the features are income in
    // thousands, credit score and number of current loans; approve when 2·income + 0.5·score − 25·loans ≥ 400.
    // Every weight and product is exactly representable, so every score below is exact.
    private static readonly DecisionRule Loan = new([2.0, 0.5, -25.0], 400.0);

    [Fact]
    public void AnApplicantAboveTheTargetIsApproved()
    {
        double[] applicant = [60.0, 700.0, 2.0];
        Assert.Equal(420.0, Loan.Score(applicant)); // 120 + 350 − 50
        Assert.True(Loan.Accepts(applicant));
    }

    [Fact]
    public void AnApplicantBelowTheTargetIsDeclined()
    {
        double[] applicant = [40.0, 650.0, 3.0];
        Assert.Equal(330.0, Loan.Score(applicant)); // 80 + 325 − 75
        Assert.False(Loan.Accepts(applicant));
    }

    [Fact]
    public void AnApplicantExactlyOnTargetIsApproved()
    {
        double[] applicant = [75.0, 700.0, 4.0];
        Assert.Equal(400.0, Loan.Score(applicant)); // 150 + 350 − 100
        Assert.True(Loan.Accepts(applicant));
        Assert.Equal(0, Loan.ToHyperplane().Side(applicant));
    }

    [Fact]
    public void TheRuleAcceptsExactlyTheNonNegativeSideOfItsBoundary()
    {
        // fl(s − t) ≥ 0 exactly when s ≥ t, since a correctly rounded difference keeps the sign and is 0 only for
        // equal operands; so the rule and its hyperplane agree on every applicant, none excepted
        var boundary = Loan.ToHyperplane();
        for (var income = 0.0; income <= 200.0; income += 12.5)
            for (var score = 300.0; score <= 850.0; score += 27.5)
                for (var loans = 0.0; loans <= 6.0; loans += 1.0)
                {
                    double[] applicant = [income, score, loans];
                    Assert.Equal(Loan.Accepts(applicant), boundary.Side(applicant) >= 0);
                }
    }

    [Fact]
    public void TheBoundaryIsTheHyperplaneWithBiasMinusTheTarget() =>
        Assert.Equal(new Hyperplane([2.0, 0.5, -25.0], -400.0), Loan.ToHyperplane());

    [Fact]
    public void TheSignedDistanceToTheBoundarySaysHowFarAnApplicantIsFromTheDecision() =>
        // (420 − 400)/√(4 + 0.25 + 625) = 20/√629.25; both sides a root and a quotient: 4u
        AssertClose.Relative(20.0 / Math.Sqrt(629.25), Loan.ToHyperplane().SignedDistance([60.0, 700.0, 2.0]), 4);

    [Fact]
    public void RulesWithEqualWeightsAndTargetAreEqualAndTheWeightsAreCopied()
    {
        double[] w = [2.0, 0.5, -25.0];
        var rule = new DecisionRule(w, 400.0);
        w[2] = 0.0;
        Assert.Equal(Loan, rule);
        Assert.Equal(Loan.GetHashCode(), rule.GetHashCode());
        Assert.Equal([2.0, 0.5, -25.0], rule.Weights.ToArray());
        Assert.Equal(400.0, rule.Target);
        Assert.Equal("DecisionRule { Weights = [2, 0.5, -25], Target = 400 }", rule.ToString());
    }

    public static TheoryData<string, Action, Type, string> BadInputs => new()
    {
        { "all-zero weights", () => new DecisionRule([0.0, 0.0, 0.0], 400.0), typeof(DegenerateInputException), "weights" },
        { "no weights", () => new DecisionRule([], 400.0), typeof(EmptyInputException), "weights" },
        { "an infinite weight", () => new DecisionRule([2.0, double.PositiveInfinity, -25.0], 400.0), typeof(NonFiniteInputException), "weights" },
        { "a NaN target", () => new DecisionRule([2.0, 0.5, -25.0], double.NaN), typeof(NonFiniteInputException), "target" },
        { "an applicant with a missing feature", () => Loan.Accepts([60.0, 700.0]), typeof(DimensionMismatchException), "x" },
        { "an applicant with a NaN feature", () => Loan.Score([60.0, double.NaN, 2.0]), typeof(NonFiniteInputException), "x" },
        { "an empty applicant", () => Loan.Score([]), typeof(EmptyInputException), "x" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void EveryBadInputThrowsItsTypedExceptionNamingTheArgument(string input, Action call, Type exception, string argument)
    {
        var thrown = Record.Exception(call);
        Assert.True(thrown?.GetType() == exception,
            $"{input}: expected {exception.Name}, got {thrown?.GetType().Name ?? "no exception"} {thrown?.Message}");
        Assert.Equal(argument, ((InvalidInputException)thrown!).ArgumentName);
    }
}
