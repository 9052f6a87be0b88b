using System.Globalization;
using Bedarfsanalyse.Core.Disclosure;
using Bedarfsanalyse.Core.Formatting;
using Bedarfsanalyse.Core.Statistics;

namespace Bedarfsanalyse.Tests.Formatting;

public sealed class GermanFigureFormatTests
{
    [Theory]
    [InlineData(0.425, "42,5 %")]
    [InlineData(0.4245, "42,5 %")] // commercial rounding of the decimal figure, although the double is 0.42449999…
    [InlineData(0.4244, "42,4 %")]
    [InlineData(0.0, "0,0 %")]
    [InlineData(1.0, "100,0 %")]
    [InlineData(0.00049, "0,0 %")]
    public void Shares_have_a_decimal_comma_and_a_spaced_percent_sign(double proportion, string expected)
    {
        GermanFigureFormat.Percent(proportion).ShouldBe(expected);
    }

    [Fact]
    public void Figures_of_limited_reliability_and_intervals_read_as_in_German_reports()
    {
        GermanFigureFormat.BracketedPercent(0.425).ShouldBe("(42,5 %)");
        GermanFigureFormat.PercentInterval(new ConfidenceInterval(0.381, 0.469)).ShouldBe("38,1–46,9 %");
        GermanFigureFormat.Interval(new ConfidenceInterval(0.7001142, 2.4598858), 2).ShouldBe("0,70–2,46");
        GermanFigureFormat.Interval(new ConfidenceInterval(-2, 3)).ShouldBe("−2,0 bis 3,0");
    }

    [Theory]
    [InlineData(1234, "1.234")]
    [InlineData(0, "0")]
    [InlineData(999, "999")]
    [InlineData(1234567, "1.234.567")]
    [InlineData(-1234, "−1.234")]
    public void Counts_have_a_thousands_point(long count, string expected)
    {
        GermanFigureFormat.Count(count).ShouldBe(expected);
    }

    [Theory]
    [InlineData("1234.56", "1.234,56 €")]
    [InlineData("0.5", "0,50 €")]
    [InlineData("1234567.005", "1.234.567,01 €")]
    [InlineData("-12.5", "−12,50 €")]
    public void Money_has_two_decimals_and_the_euro_sign_after_a_space(string amount, string expected)
    {
        GermanFigureFormat.Money(decimal.Parse(amount, CultureInfo.InvariantCulture)).ShouldBe(expected);
    }

    [Theory]
    [InlineData(0.032, "+3,2 Prozentpunkte")]
    [InlineData(-0.01, "−1,0 Prozentpunkte")]
    [InlineData(0.0, "±0,0 Prozentpunkte")]
    [InlineData(-0.0004, "±0,0 Prozentpunkte")]
    [InlineData(0.2, "+20,0 Prozentpunkte")]
    public void Changes_carry_a_sign_and_the_typographic_minus(double difference, string expected)
    {
        GermanFigureFormat.PercentagePoints(difference).ShouldBe(expected);
    }

    [Fact]
    public void A_change_that_is_not_secured_says_so()
    {
        GermanFigureFormat.Change(NewcombeDifference.Compute(56, 70, 48, 80)).ShouldBe("+20,0 Prozentpunkte");
        GermanFigureFormat.Change(NewcombeDifference.Compute(5, 56, 0, 29)).ShouldBe("+8,9 Prozentpunkte (statistisch nicht gesichert)");
        GermanFigureFormat.Change(NewcombeDifference.Compute(5, 56, 0, 0)).ShouldBe("–");
        GermanFigureFormat.PercentagePointInterval(NewcombeDifference.Compute(5, 56, 0, 29).Interval!.Value).ShouldBe("−3,8 bis +19,3 Prozentpunkte");
    }

    [Fact]
    public void Provisional_and_revised_figures_are_marked_p_and_r()
    {
        GermanFigureFormat.WithRevision("42,5 %", FigureRevision.Provisional).ShouldBe("42,5 % p");
        GermanFigureFormat.WithRevision("1.234", FigureRevision.Revised).ShouldBe("1.234 r");
        GermanFigureFormat.WithRevision("1.234", FigureRevision.Final).ShouldBe("1.234");
    }

    [Fact]
    public void Dates_and_times_are_German()
    {
        GermanFigureFormat.Date(new DateOnly(2026, 12, 31)).ShouldBe("31.12.2026");
        GermanFigureFormat.Date(new DateOnly(2026, 1, 5)).ShouldBe("05.01.2026");
        GermanFigureFormat.Time(new TimeOnly(14, 30)).ShouldBe("14:30 Uhr");
    }

    [Fact]
    public void Formatting_does_not_depend_on_the_current_culture()
    {
        var before = CultureInfo.CurrentCulture;
        try
        {
            foreach (var name in new[] { "en-US", "fr-FR", "" })
            {
                CultureInfo.CurrentCulture = new CultureInfo(name);
                GermanFigureFormat.Money(1234.56m).ShouldBe("1.234,56 €");
                GermanFigureFormat.Percent(0.425).ShouldBe("42,5 %");
                GermanFigureFormat.Date(new DateOnly(2026, 12, 31)).ShouldBe("31.12.2026");
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Fact]
    public void Numbers_that_are_not_finite_are_refused()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => GermanFigureFormat.Percent(double.NaN)).Message.ShouldContain("endliche Zahlen");
    }

    [Fact]
    public void Interval_methods_have_German_names_for_the_method_notes()
    {
        GermanFigureFormat.MethodName(IntervalMethod.ClopperPearson).ShouldBe("exaktes Intervall nach Clopper-Pearson");
        GermanFigureFormat.MethodName(IntervalMethod.Wilson).ShouldBe("Wilson-Intervall");
    }
}
