using Bedarfsanalyse.Core.Statistics;

namespace Bedarfsanalyse.Tests.Statistics;

public sealed class MeanAndMedianTests
{
    // Student (1908), "The probable error of a mean", Biometrika 6:1–25: the additional hours of sleep of ten patients
    // (Cushny & Peebles), drug 2 minus drug 1. The paired t interval is the one R prints for
    // t.test(extra ~ group, data = sleep, paired = TRUE): 0.7001142 to 2.4598858 (sign reversed there), mean 1.58.
    private static readonly double[] SleepDifferences = [1.2, 2.4, 1.3, 1.3, 0.0, 1.0, 1.8, 0.8, 4.6, 1.4];

    [Fact]
    public void The_t_interval_of_a_mean_reproduces_Students_sleep_data()
    {
        var estimate = MeanEstimator.Estimate(SleepDifferences);

        estimate.Point!.Value.ShouldBe(1.58, 1e-12);
        estimate.Interval!.Value.Lower.ShouldBe(0.7001142, 1e-7);
        estimate.Interval!.Value.Upper.ShouldBe(2.4598858, 1e-7);
        estimate.Method.ShouldBe(IntervalMethod.StudentT);
        estimate.UnweightedN.ShouldBe(10);
    }

    [Fact]
    public void The_mean_from_SQL_summary_figures_gives_the_same_interval()
    {
        var estimate = MeanEstimator.FromSummary(10, 1.58, 1.2299954832798731);

        estimate.Interval!.Value.Lower.ShouldBe(0.7001142, 1e-7);
    }

    [Fact]
    public void A_single_value_from_SQL_needs_no_standard_deviation()
    {
        var estimate = MeanEstimator.FromSummary(1, 4.0, double.NaN);

        estimate.Point.ShouldBe(4.0);
        estimate.Interval.ShouldBeNull();
        Should.Throw<ArgumentOutOfRangeException>(() => MeanEstimator.FromSummary(3, 4.0, double.NaN));
    }

    [Fact]
    public void One_value_gives_a_mean_without_interval_and_says_why()
    {
        var estimate = MeanEstimator.Estimate([4.0]);

        estimate.Point.ShouldBe(4.0);
        estimate.Interval.ShouldBeNull();
        estimate.NoIntervalReason.ShouldBe("Für ein Intervall des Mittelwerts sind mindestens 2 Werte nötig.");
    }

    [Fact]
    public void No_values_give_no_data_and_identical_values_a_zero_width_interval()
    {
        MeanEstimator.Estimate([]).HasData.ShouldBeFalse();
        var constant = MeanEstimator.Estimate([3.0, 3.0, 3.0]);
        constant.Interval.ShouldBe(new ConfidenceInterval(3.0, 3.0));
    }

    [Fact]
    public void Values_that_are_no_numbers_are_refused()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => MeanEstimator.Estimate([1.0, double.NaN])).Message.ShouldContain("endliche Zahlen");
    }

    [Fact]
    public void A_weighted_mean_with_equal_weights_is_the_unweighted_one()
    {
        var weighted = MeanEstimator.EstimateWeighted(SleepDifferences, Enumerable.Repeat(7.0, 10).ToArray());

        weighted.Point!.Value.ShouldBe(1.58, 1e-12);
        weighted.Interval!.Value.Lower.ShouldBe(0.7001142, 1e-7);
        weighted.EffectiveN.ShouldBe(10, 1e-12);
        weighted.IsWeighted.ShouldBeTrue();
    }

    [Fact]
    public void A_weighted_mean_uses_the_linearisation_variance()
    {
        // y = 1, 2, 4 with w = 1, 1, 2: ȳ = 11/4 = 2.75; Σw²(y − ȳ)² = 3.0625 + 0.5625 + 6.25 = 9.875;
        // v = 3/2 · 9.875 / 16 = 0.92578125; half width t(0.975; 2) · √v = 4.302653 · 0.962176 = 4.139913.
        var estimate = MeanEstimator.EstimateWeighted([1.0, 2.0, 4.0], [1.0, 1.0, 2.0]);

        estimate.Point!.Value.ShouldBe(2.75);
        estimate.Interval!.Value.Upper.ShouldBe(2.75 + 4.30265272974946 * Math.Sqrt(0.92578125), 1e-10);
        estimate.EffectiveN.ShouldBe(16.0 / 6.0, 1e-12);
        estimate.UnweightedN.ShouldBe(3);
    }

    [Theory]
    // The ranks of the distribution-free interval [x(j), x(n−j+1)] and their exact coverage
    // 1 − 2·P(Bin(n, 1/2) ≤ j − 1), computed here from exact binomial sums (the ranks as in the tables of
    // nonparametric textbooks, e.g. Conover 1999, Practical Nonparametric Statistics).
    [InlineData(6, 1, 6, 0.96875)]
    [InlineData(10, 2, 9, 0.978515625)]
    [InlineData(20, 6, 15, 0.95861053466796875)]
    [InlineData(50, 18, 33, 0.967160862435731)]
    [InlineData(100, 40, 61, 0.964799799782295)]
    [InlineData(1000, 469, 532, 0.953708802639502)]
    public void Median_interval_ranks_have_the_exact_binomial_coverage(int n, int lower, int upper, double coverage)
    {
        var ranks = MedianEstimator.Ranks(n, 0.95)!.Value;

        ranks.Lower.ShouldBe(lower);
        ranks.Upper.ShouldBe(upper);
        ranks.Coverage.ShouldBe(coverage, 1e-12);
    }

    [Fact]
    public void The_median_of_the_sleep_data_has_the_second_and_ninth_value_as_interval()
    {
        // Sorted: 0.0, 0.8, 1.0, 1.2, 1.3, 1.3, 1.4, 1.8, 2.4, 4.6.
        var estimate = MedianEstimator.Estimate(SleepDifferences);

        estimate.Point!.Value.ShouldBe(1.3, 1e-12);
        estimate.Interval.ShouldBe(new ConfidenceInterval(0.8, 2.4));
        estimate.Method.ShouldBe(IntervalMethod.OrderStatistics);
    }

    [Fact]
    public void Five_values_give_a_median_but_no_95_percent_interval_and_say_why()
    {
        var estimate = MedianEstimator.Estimate([5.0, 1.0, 3.0, 2.0, 4.0]);

        estimate.Point.ShouldBe(3.0);
        estimate.Interval.ShouldBeNull();
        estimate.NoIntervalReason.ShouldBe("Für weniger als 6 Werte gibt es kein verteilungsfreies 95-%-Intervall für den Median.");
        MedianEstimator.Estimate([]).HasData.ShouldBeFalse();
    }

    [Fact]
    public void A_weighted_median_follows_the_weights()
    {
        // The value 10 carries 60 % of the weight, so it is the median.
        var estimate = MedianEstimator.EstimateWeighted([1.0, 2.0, 10.0], [1.0, 1.0, 3.0]);

        estimate.Point.ShouldBe(10.0);
        estimate.Method.ShouldBe(IntervalMethod.Woodruff);
        estimate.IsWeighted.ShouldBeTrue();
    }

    [Fact]
    public void A_weighted_median_with_equal_weights_is_the_ordinary_median()
    {
        var estimate = MedianEstimator.EstimateWeighted(SleepDifferences, Enumerable.Repeat(2.0, 10).ToArray());

        estimate.Point!.Value.ShouldBe(1.3, 1e-12);
        estimate.Interval!.Value.Lower.ShouldBeLessThanOrEqualTo(1.3);
        estimate.Interval!.Value.Upper.ShouldBeGreaterThanOrEqualTo(1.3);
    }
}
