using Bedarfsanalyse.Core.Statistics;

namespace Bedarfsanalyse.Tests.Statistics;

public sealed class DifferenceTests
{
    // Newcombe RG (1998b). Interval estimation for the difference between independent proportions: comparison of
    // eleven methods. Statistics in Medicine 17:873–890, worked examples, method 10 (score interval for each proportion
    // combined, no continuity correction), 95 %, four decimals.
    [Theory]
    [InlineData(56, 70, 48, 80, 0.0524, 0.3339)]
    [InlineData(9, 10, 3, 10, 0.1705, 0.8090)]
    [InlineData(5, 56, 0, 29, -0.0381, 0.1926)]
    [InlineData(0, 10, 0, 20, -0.1611, 0.2775)]
    [InlineData(0, 10, 0, 10, -0.2775, 0.2775)]
    [InlineData(10, 10, 0, 20, 0.6791, 1.0000)]
    [InlineData(10, 10, 0, 10, 0.6075, 1.0000)]
    public void Newcombe_intervals_reproduce_the_worked_examples(int x1, int n1, int x2, int n2, double lower, double upper)
    {
        var difference = NewcombeDifference.Compute(x1, n1, x2, n2);

        difference.Method.ShouldBe(IntervalMethod.NewcombeHybridScore);
        Math.Round(difference.Interval!.Value.Lower, 4).ShouldBe(lower);
        Math.Round(difference.Interval!.Value.Upper, 4).ShouldBe(upper);
    }

    [Fact]
    public void A_change_whose_interval_excludes_zero_is_statistically_secured()
    {
        // 56/70 = 80 % against 48/80 = 60 %: +20 Prozentpunkte, interval 5.2 to 33.4 points.
        var difference = NewcombeDifference.Compute(56, 70, 48, 80);

        difference.PointInPercentagePoints!.Value.ShouldBe(20.0, 1e-12);
        difference.IsStatisticallySecured.ShouldBeTrue();
        difference.CurrentUnweightedN.ShouldBe(70);
        difference.PreviousUnweightedN.ShouldBe(80);
    }

    [Fact]
    public void A_change_whose_interval_includes_zero_is_not_statistically_secured()
    {
        var difference = NewcombeDifference.Compute(5, 56, 0, 29);

        difference.Point!.Value.ShouldBeGreaterThan(0);
        difference.IsStatisticallySecured.ShouldBeFalse();
    }

    [Fact]
    public void A_difference_with_an_empty_side_is_no_data()
    {
        var difference = NewcombeDifference.Compute(5, 56, 0, 0);

        difference.HasData.ShouldBeFalse();
        difference.Interval.ShouldBeNull();
        difference.IsStatisticallySecured.ShouldBeFalse();
        difference.PreviousUnweightedN.ShouldBe(0);
    }

    [Fact]
    public void Weighted_shares_enter_with_their_effective_n()
    {
        var current = ShareEstimator.EstimateWeighted(WeightedShareInput.Accumulate(Enumerable.Range(0, 70).Select(i => (i < 56, 2.0))));
        var previous = ShareEstimator.EstimateWeighted(WeightedShareInput.Accumulate(Enumerable.Range(0, 80).Select(i => (i < 48, 0.5))));

        var difference = NewcombeDifference.Compute(current, previous);

        Math.Round(difference.Interval!.Value.Lower, 4).ShouldBe(0.0524);
        Math.Round(difference.Interval!.Value.Upper, 4).ShouldBe(0.3339);
    }

    [Fact]
    public void Only_shares_can_be_compared_with_Newcombe()
    {
        var mean = MeanEstimator.Estimate([1.0, 2.0]);

        Should.Throw<ArgumentException>(() => NewcombeDifference.Compute(mean, mean)).Message.ShouldContain("zweier Anteile");
    }
}
