using Bedarfsanalyse.Core.Statistics;

namespace Bedarfsanalyse.Tests.Statistics;

public sealed class ShareEstimatorTests
{
    [Fact]
    public void A_share_from_a_large_base_gets_the_Wilson_interval_and_carries_its_n()
    {
        var estimate = ShareEstimator.Estimate(81, 263);

        estimate.Point!.Value.ShouldBe(81.0 / 263.0);
        estimate.Method.ShouldBe(IntervalMethod.Wilson);
        Math.Round(estimate.Interval!.Value.Lower, 4).ShouldBe(0.2553);
        estimate.UnweightedN.ShouldBe(263);
        estimate.EffectiveN.ShouldBe(263);
        estimate.UnweightedCount.ShouldBe(81);
        estimate.IsWeighted.ShouldBeFalse();
        estimate.ConfidenceLevel.ShouldBe(0.95);
    }

    [Theory]
    [InlineData(12, 29, IntervalMethod.ClopperPearson)] // base below 30
    [InlineData(12, 30, IntervalMethod.Wilson)]
    [InlineData(5, 100, IntervalMethod.ClopperPearson)] // 5 %: near 0 %
    [InlineData(6, 100, IntervalMethod.Wilson)]
    [InlineData(95, 100, IntervalMethod.ClopperPearson)] // near 100 %
    [InlineData(0, 263, IntervalMethod.ClopperPearson)]
    public void Clopper_Pearson_is_chosen_for_small_bases_and_shares_near_the_edges(int count, int n, IntervalMethod expected)
    {
        ShareEstimator.Estimate(count, n).Method.ShouldBe(expected);
    }

    [Fact]
    public void The_thresholds_that_pick_Clopper_Pearson_are_configurable()
    {
        var settings = new ShareIntervalSettings { ClopperPearsonBelowBase = 50, ClopperPearsonNearBoundary = 0 };

        ShareEstimator.Estimate(12, 40, settings).Method.ShouldBe(IntervalMethod.ClopperPearson);
        ShareEstimator.Estimate(1, 100, settings).Method.ShouldBe(IntervalMethod.Wilson);
        ShareEstimator.Estimate(0, 100, settings).Method.ShouldBe(IntervalMethod.ClopperPearson);
    }

    [Fact]
    public void An_empty_base_gives_an_explicit_no_data_estimate()
    {
        var estimate = ShareEstimator.Estimate(0, 0);

        estimate.HasData.ShouldBeFalse();
        estimate.Point.ShouldBeNull();
        estimate.Interval.ShouldBeNull();
        estimate.Method.ShouldBe(IntervalMethod.None);
        estimate.UnweightedN.ShouldBe(0);
    }

    [Fact]
    public void Negative_counts_are_refused_in_German()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => ShareEstimator.Estimate(-1, 10)).Message.ShouldContain("nicht negativ");
        Should.Throw<ArgumentOutOfRangeException>(() => ShareEstimator.Estimate(11, 10)).Message.ShouldContain("größer als die Basis");
    }

    [Fact]
    public void A_weighted_share_uses_the_effective_n_for_its_interval_and_keeps_the_unweighted_n()
    {
        // Four respondents: weights 1, 1, 2, 4; the two with weight 1 and 4 have the characteristic.
        var input = WeightedShareInput.Accumulate([(true, 1.0), (false, 1.0), (false, 2.0), (true, 4.0)]);
        var estimate = ShareEstimator.EstimateWeighted(input, new ShareIntervalSettings { ClopperPearsonBelowBase = 0 });

        // p = 5/8; n_eff = 8² / 22 = 2.909…; Wilson at x* = p·n_eff of n_eff.
        estimate.Point!.Value.ShouldBe(0.625);
        estimate.EffectiveN.ShouldBe(64.0 / 22.0, 1e-12);
        estimate.UnweightedN.ShouldBe(4);
        estimate.UnweightedCount.ShouldBe(2);
        estimate.IsWeighted.ShouldBeTrue();
        estimate.Interval!.Value.ShouldBe(WilsonInterval.Compute(0.625 * 64.0 / 22.0, 64.0 / 22.0));
    }

    [Fact]
    public void Equal_weights_give_the_unweighted_figures()
    {
        var input = WeightedShareInput.Accumulate(Enumerable.Range(0, 263).Select(i => (i < 81, 3.5)));
        var weighted = ShareEstimator.EstimateWeighted(input);
        var unweighted = ShareEstimator.Estimate(81, 263);

        weighted.Point!.Value.ShouldBe(unweighted.Point!.Value, 1e-12);
        weighted.EffectiveN.ShouldBe(263, 1e-9);
        weighted.Interval!.Value.Lower.ShouldBe(unweighted.Interval!.Value.Lower, 1e-9);
        weighted.Interval!.Value.Upper.ShouldBe(unweighted.Interval!.Value.Upper, 1e-9);
    }

    [Fact]
    public void A_weighted_share_without_respondents_is_no_data_and_bad_sums_are_refused()
    {
        ShareEstimator.EstimateWeighted(new WeightedShareInput(0, 0, 0, 0, 0)).HasData.ShouldBeFalse();
        Should.Throw<ArgumentOutOfRangeException>(() => ShareEstimator.EstimateWeighted(new WeightedShareInput(1, 2, 5, 3, 9)))
            .Message.ShouldContain("passen nicht zusammen");
        Should.Throw<ArgumentOutOfRangeException>(() => WeightedShareInput.Accumulate([(true, 0.0)]))
            .Message.ShouldContain("positive");
    }
}
