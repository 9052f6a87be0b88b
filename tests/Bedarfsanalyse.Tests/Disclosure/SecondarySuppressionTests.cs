using Bedarfsanalyse.Core.Disclosure;

namespace Bedarfsanalyse.Tests.Disclosure;

public sealed class SecondarySuppressionTests
{
    private static readonly PrimarySuppression Rules = new();

    [Fact]
    public void In_a_one_way_table_the_smallest_other_cell_is_hidden_with_the_primary_one()
    {
        var table = new OneWayTable([TableCell.ForCount(2, Rules), TableCell.ForCount(5, Rules), TableCell.ForCount(7, Rules), TableCell.ForCount(10, Rules)],
            TableCell.ForCount(24, Rules));

        var protectedTable = SecondarySuppression.Apply(table);

        protectedTable.Cells.Select(c => c.Status.SymbolText).ShouldBe([".", ".", "", ""]);
        protectedTable.Cells[0].Status.ReasonText.ShouldBe("weniger als 3 Fälle");
        protectedTable.Cells[1].Status.ReasonText.ShouldBe("Sekundärsperrung");
        protectedTable.Total.Status.ShowsValue.ShouldBeTrue();

        // 24 − 7 − 10 = 7 is all a reader learns: the hidden 2 could be anything from 0 to 7.
        var audit = SuppressionAuditor.Audit(protectedTable);
        audit.IsSafe.ShouldBeTrue();
        audit.SuppressedCells.Select(c => (c.Location, c.Minimum, c.Maximum)).ShouldBe([("Zelle 1", 0m, (decimal?)7m), ("Zelle 2", 0m, 7m)]);
    }

    [Fact]
    public void A_one_way_table_prefers_a_filled_cell_over_an_empty_one_and_over_the_total()
    {
        var table = new OneWayTable([TableCell.ForCount(1, Rules), TableCell.ForCount(0, Rules), TableCell.ForCount(40, Rules)], TableCell.ForCount(41, Rules));

        var protectedTable = SecondarySuppression.Apply(table);

        protectedTable.Cells.Select(c => c.Status.SymbolText).ShouldBe([".", "–", "."]);
        protectedTable.Total.Status.ShowsValue.ShouldBeTrue();
    }

    [Fact]
    public void A_lone_unsafe_cell_without_a_partner_in_the_line_hides_the_total()
    {
        var table = new OneWayTable([TableCell.ForCount(2, Rules), TableCell.ForCount(0, Rules)], TableCell.ForCount(2, Rules));

        // The total (2) is itself secret, so the line already has two hidden cells: nothing more to hide.
        SecondarySuppression.Apply(table).Cells.Select(c => c.Status.SymbolText).ShouldBe([".", "–"]);
        SuppressionAuditor.Audit(SecondarySuppression.Apply(table)).IsSafe.ShouldBeTrue();
    }

    [Fact]
    public void In_a_two_way_table_the_cheapest_rectangle_through_the_primary_cell_is_hidden()
    {
        var table = TableBuilder.Counts(new[,] { { 2, 8, 10 }, { 6, 7, 12 }, { 9, 11, 15 } });

        var protectedTable = SecondarySuppression.Apply(table);

        // Rectangles of interior cells cost 8 + 7 + 6 = 21 (chosen), 28, 28 and 34.
        TableBuilder.Picture(protectedTable).ShouldBe([
            ". . 10 | 20",
            ". . 12 | 25",
            "9 11 15 | 35",
            "17 26 37 | 80",
        ]);
        protectedTable.Cells[0][1].Status.ReasonText.ShouldBe("Sekundärsperrung");

        // x00 = a, x01 = 10 − a, x10 = 8 − a, x11 = 5 + a with all ≥ 0: a ∈ [0, 8].
        var audit = SuppressionAuditor.Audit(protectedTable);
        audit.IsSafe.ShouldBeTrue();
        audit.SuppressedCells.Select(c => (c.Location, c.Minimum, c.Maximum)).ShouldBe([
            ("Zeile 1, Spalte 1", 0m, (decimal?)8m),
            ("Zeile 1, Spalte 2", 2m, 10m),
            ("Zeile 2, Spalte 1", 0m, 8m),
            ("Zeile 2, Spalte 2", 5m, 13m),
        ]);
        audit.SuppressedCells.ShouldAllBe(c => c.LiesOnCycle);
    }

    [Fact]
    public void Two_primary_cells_in_one_row_share_their_complementary_cells()
    {
        var table = TableBuilder.Counts(new[,] { { 1, 2, 30, 40 }, { 20, 25, 30, 35 }, { 50, 60, 70, 80 } });

        var protectedTable = SecondarySuppression.Apply(table);

        TableBuilder.Picture(protectedTable).ShouldBe([
            ". . 30 40 | 73",
            ". . 30 35 | 110",
            "50 60 70 80 | 260",
            "71 87 130 155 | 443",
        ]);
        SuppressionAuditor.Audit(protectedTable).IsSafe.ShouldBeTrue();
    }

    [Fact]
    public void A_secret_row_total_is_protected_through_the_totals()
    {
        // Row 2 holds 2 respondents in all: its total is secret, and so are its non-empty cells.
        var table = TableBuilder.Counts(new[,] { { 10, 12, 14 }, { 1, 0, 1 }, { 20, 22, 24 } });

        var protectedTable = SecondarySuppression.Apply(table);

        protectedTable.RowTotals[1].Status.IsSecret.ShouldBeTrue();
        protectedTable.RowTotals[1].Status.Reason.ShouldBe(SuppressionReason.TooFewCases);
        var audit = SuppressionAuditor.Audit(protectedTable);
        audit.IsSafe.ShouldBeTrue();
        audit.SuppressedCells.Single(c => c.Position == new CellPosition(1, null)).Minimum.ShouldBe(0m);
    }

    [Fact]
    public void Published_cells_keep_their_values_and_primary_cells_their_reasons()
    {
        var rules = new PrimarySuppression();
        var dominated = TableCell.ForSum([900m, 50m, 10m, 10m], rules);
        var cells = new[]
        {
            new[] { dominated, TableCell.ForSum([100m, 120m, 130m, 110m], rules) },
            new[] { TableCell.ForSum([200m, 210m, 190m], rules), TableCell.ForSum([300m, 310m, 290m, 305m], rules) },
        };
        var table = new TwoWayTable(
            cells,
            [TableCell.ForSum([900m, 50m, 10m, 10m, 100m, 120m, 130m, 110m], rules), TableCell.ForSum([200m, 210m, 190m, 300m, 310m, 290m, 305m], rules)],
            [TableCell.ForSum([900m, 50m, 10m, 10m, 200m, 210m, 190m], rules), TableCell.ForSum([100m, 120m, 130m, 110m, 300m, 310m, 290m, 305m], rules)],
            TableCell.ForSum([900m, 50m, 10m, 10m, 100m, 120m, 130m, 110m, 200m, 210m, 190m, 300m, 310m, 290m, 305m], rules));

        var protectedTable = SecondarySuppression.Apply(table);

        protectedTable.Cells[0][0].Status.ReasonText.ShouldBe("Dominanzregel (2, 85)");
        protectedTable.Cells.SelectMany(r => r).Count(c => c.Status.Reason == SuppressionReason.Secondary).ShouldBe(3);
        protectedTable.Cells[0][0].Value.ShouldBe(970m);
        protectedTable.GrandTotal.Value.ShouldBe(3235m);
        protectedTable.GrandTotal.Status.ShowsValue.ShouldBeTrue();
        SuppressionAuditor.Audit(protectedTable).IsSafe.ShouldBeTrue();
    }

    [Fact]
    public void Money_tables_with_cents_are_audited_exactly()
    {
        var rules = new PrimarySuppression();
        var table = new OneWayTable(
            [TableCell.ForSum([1200.50m, 10.25m], rules), TableCell.ForSum([400.10m, 380.20m, 410.30m], rules), TableCell.ForSum([99.99m, 101.01m, 100m], rules)],
            TableCell.ForSum([1200.50m, 10.25m, 400.10m, 380.20m, 410.30m, 99.99m, 101.01m, 100m], rules));

        var audit = SuppressionAuditor.Audit(SecondarySuppression.Apply(table));

        audit.IsSafe.ShouldBeTrue();
        audit.SuppressedCells.Select(c => c.Maximum).ShouldBe([(decimal?)1511.75m, 1511.75m]);
    }

    [Fact]
    public void A_table_that_does_not_add_up_is_refused_in_German()
    {
        var table = new OneWayTable([TableCell.ForCount(5, Rules), TableCell.ForCount(7, Rules)], TableCell.ForCount(13, Rules));

        Should.Throw<ArgumentException>(() => SecondarySuppression.Apply(table)).Message
            .ShouldBe("Die Tabelle addiert sich nicht: Summe ist 13, die Summe ihrer Zellen aber 12.");
    }

    [Fact]
    public void A_table_without_secret_cells_stays_as_it_is()
    {
        var table = TableBuilder.Counts(new[,] { { 10, 12 }, { 0, 30 } });

        TableBuilder.Picture(SecondarySuppression.Apply(table)).ShouldBe(["10 12 | 22", "0 30 | 30", "10 42 | 52"]);
    }
}
