using Bedarfsanalyse.Core.Periods;

namespace Bedarfsanalyse.Tests.Periods;

public sealed class QuarterTests
{
    [Theory]
    [InlineData("2026-Q3", 2026, 3)]
    [InlineData("2026Q1", 2026, 1)]
    [InlineData("Q4/2025", 2025, 4)]
    [InlineData(" 2/2024 ", 2024, 2)]
    public void Quarters_are_read_in_ISO_and_German_notation(string text, int year, int number)
    {
        Quarter.Parse(text).ShouldBe(new Quarter(year, number));
    }

    [Theory]
    [InlineData("2026-Q5")]
    [InlineData("2026-Q0")]
    [InlineData("Q3")]
    [InlineData("")]
    [InlineData("drittes Quartal")]
    public void Text_that_is_no_quarter_is_refused_with_a_German_message(string text)
    {
        Quarter.TryParse(text, out _).ShouldBeFalse();
        Should.Throw<FormatException>(() => Quarter.Parse(text)).Message.ShouldContain("ist kein Quartal");
    }

    [Fact]
    public void A_quarter_is_written_the_German_way_in_reports()
    {
        var quarter = new Quarter(2026, 3);

        quarter.ToString().ShouldBe("2026-Q3");
        quarter.ToGermanLongString().ShouldBe("3. Quartal 2026");
        quarter.ToGermanShortString().ShouldBe("Q3/2026");
    }

    [Fact]
    public void A_quarter_knows_its_days_and_neighbours_across_the_year_boundary()
    {
        var quarter = new Quarter(2026, 1);

        quarter.FirstDay.ShouldBe(new DateOnly(2026, 1, 1));
        quarter.LastDay.ShouldBe(new DateOnly(2026, 3, 31));
        quarter.Previous().ShouldBe(new Quarter(2025, 4));
        quarter.SameQuarterPreviousYear().ShouldBe(new Quarter(2025, 1));
        new Quarter(2025, 4).Next().ShouldBe(quarter);
        quarter.AddQuarters(-5).ShouldBe(new Quarter(2024, 4));
        Quarter.Of(new DateOnly(2026, 9, 30)).ShouldBe(new Quarter(2026, 3));
        Quarter.Of(new DateOnly(2026, 10, 1)).ShouldBe(new Quarter(2026, 4));
    }

    [Fact]
    public void Quarters_order_by_time()
    {
        new Quarter(2025, 4).ShouldBeLessThan(new Quarter(2026, 1));
        (new Quarter(2026, 2) > new Quarter(2026, 1)).ShouldBeTrue();
    }
}
