using Bedarfsanalyse.Core.Statistics;

namespace Bedarfsanalyse.Tests.Statistics;

public sealed class ShareIntervalTests
{
    // Newcombe RG (1998a). Two-sided confidence intervals for the single proportion: comparison of seven methods.
    // Statistics in Medicine 17:857–872, the four worked examples, method 3 (Wilson score without
    // continuity correction) and method 5 (Clopper-Pearson "exact"), 95 %, four decimals.
    [Theory]
    [InlineData(81, 263, 0.2553, 0.3662)]
    [InlineData(15, 148, 0.0624, 0.1605)]
    [InlineData(0, 20, 0.0000, 0.1611)]
    [InlineData(1, 29, 0.0061, 0.1718)]
    public void Wilson_intervals_reproduce_Newcombe_1998_worked_examples(int count, int n, double lower, double upper)
    {
        var interval = WilsonInterval.Compute(count, n);

        Math.Round(interval.Lower, 4).ShouldBe(lower);
        Math.Round(interval.Upper, 4).ShouldBe(upper);
    }

    [Theory]
    [InlineData(81, 263, 0.2527, 0.3676)]
    [InlineData(15, 148, 0.0578, 0.1617)]
    [InlineData(0, 20, 0.0000, 0.1684)]
    [InlineData(1, 29, 0.0009, 0.1776)]
    public void Clopper_Pearson_intervals_reproduce_Newcombe_1998_worked_examples(int count, int n, double lower, double upper)
    {
        var interval = ClopperPearsonInterval.Compute(count, n);

        Math.Round(interval.Lower, 4).ShouldBe(lower);
        Math.Round(interval.Upper, 4).ShouldBe(upper);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(20)]
    [InlineData(300)]
    public void Clopper_Pearson_bounds_at_zero_and_all_have_the_textbook_closed_form(int n)
    {
        // With x = 0 the upper bound solves (1 − p)^n = α/2, with x = n the lower bound solves p^n = α/2
        // (Clopper & Pearson 1934; the textbook special cases, e.g. in Agresti, Categorical Data Analysis).
        var expected = 1 - Math.Pow(0.025, 1.0 / n);

        ClopperPearsonInterval.Compute(0, n).ShouldBe(new ConfidenceInterval(0, ClopperPearsonInterval.Compute(0, n).Upper));
        ClopperPearsonInterval.Compute(0, n).Upper.ShouldBe(expected, 1e-13);
        ClopperPearsonInterval.Compute(n, n).Lower.ShouldBe(1 - expected, 1e-13);
        ClopperPearsonInterval.Compute(n, n).Upper.ShouldBe(1.0);
    }

    [Fact]
    public void Wilson_interval_at_zero_has_the_closed_form_z_squared_over_n_plus_z_squared()
    {
        // p̂ = 0 gives [0, z²/(n + z²)] (Wilson 1927; the score interval as given by Brown, Cai & DasGupta 2001).
        const double z = 1.959963984540054;
        var interval = WilsonInterval.Compute(0, 20);

        interval.Lower.ShouldBe(0.0);
        interval.Upper.ShouldBe(z * z / (20 + z * z), 1e-14);
    }

    [Fact]
    public void Clopper_Pearson_is_wider_than_Wilson_as_it_is_conservative()
    {
        for (var x = 0; x <= 40; x++)
        {
            var exact = ClopperPearsonInterval.Compute(x, 40);
            var wilson = WilsonInterval.Compute(x, 40);
            exact.Width.ShouldBeGreaterThan(wilson.Width);
        }
    }

    [Fact]
    public void Another_confidence_level_changes_the_width_as_expected()
    {
        var ninety = WilsonInterval.Compute(81, 263, 0.90);
        var ninetyNine = WilsonInterval.Compute(81, 263, 0.99);

        ninety.Width.ShouldBeLessThan(WilsonInterval.Compute(81, 263).Width);
        ninetyNine.Width.ShouldBeGreaterThan(WilsonInterval.Compute(81, 263).Width);
    }

    [Theory]
    [InlineData(-1, 10)]
    [InlineData(11, 10)]
    public void A_count_outside_its_base_is_refused_in_German(int count, int n)
    {
        Should.Throw<ArgumentOutOfRangeException>(() => WilsonInterval.Compute(count, n)).Message.ShouldContain("muss zwischen 0 und der Basis");
    }

    [Fact]
    public void An_interval_for_an_empty_base_is_refused_rather_than_divided_by_zero()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => WilsonInterval.Compute(0, 0)).Message.ShouldContain("keine Daten");
        Should.Throw<ArgumentOutOfRangeException>(() => ClopperPearsonInterval.Compute(0, 0)).Message.ShouldContain("keine Daten");
    }
}
