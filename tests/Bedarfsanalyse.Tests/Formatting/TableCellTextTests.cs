using Bedarfsanalyse.Core.Disclosure;
using Bedarfsanalyse.Core.Formatting;
using Bedarfsanalyse.Core.Statistics;

namespace Bedarfsanalyse.Tests.Formatting;

public sealed class TableCellTextTests
{
    private readonly PrimarySuppression _rules = new();

    [Theory]
    [InlineData(17, 40, "42,5 %")]
    [InlineData(8, 20, "(40,0 %)")]
    [InlineData(4, 9, "/")]
    [InlineData(2, 40, ".")]
    [InlineData(0, 40, "–")]
    [InlineData(0, 0, "–")]
    public void A_share_cell_shows_the_figure_the_brackets_or_the_symbol(int count, int unweightedBase, string expected)
    {
        var estimate = ShareEstimator.Estimate(count, unweightedBase);

        TableCellText.Share(estimate, _rules.ForEstimate(estimate)).ShouldBe(expected);
    }

    [Fact]
    public void Count_and_money_cells_show_their_value_or_the_secret_point()
    {
        TableCellText.Count(TableCell.ForCount(1234, _rules)).ShouldBe("1.234");
        TableCellText.Count(TableCell.ForCount(2, _rules)).ShouldBe(".");
        TableCellText.Count(TableCell.ForCount(0, _rules)).ShouldBe("–");
        TableCellText.Money(TableCell.ForSum([400m, 400m, 400m, 34.56m], _rules)).ShouldBe("1.234,56 €");
        TableCellText.Money(TableCell.ForSum([10000m, 200m, 34.56m], _rules)).ShouldBe(".");
    }

    [Fact]
    public void A_mean_cell_with_a_bracketed_base_shows_the_mean_in_brackets()
    {
        var estimate = MeanEstimator.Estimate(Enumerable.Range(1, 12).Select(i => (double)i).ToArray());

        TableCellText.Mean(estimate, _rules.ForEstimate(estimate)).ShouldBe("(6,5)");
    }
}
