using Bedarfsanalyse.Core.Disclosure;
using Bedarfsanalyse.Tests.Disclosure.Audit;

namespace Bedarfsanalyse.Tests.Disclosure;

public sealed class AuditorTests
{
    [Fact]
    public void A_lone_suppressed_cell_in_a_row_is_recomputed_from_the_row_total()
    {
        var grid = new bool[3, 3];
        grid[0, 0] = true;
        var table = TableBuilder.WithPattern(new[,] { { 2, 8 }, { 6, 7 } }, grid);

        var audit = SuppressionAuditor.Audit(table);

        audit.IsSafe.ShouldBeFalse();
        var cell = audit.SuppressedCells.Single();
        (cell.Minimum, cell.Maximum, cell.LiesOnCycle).ShouldBe((2m, (decimal?)2m, false));
        Should.Throw<DisclosureException>(audit.EnsureSafe).Message.ShouldBe(
            "Gesperrte Zellen lassen sich aus den veröffentlichten Werten errechnen: Zeile 1, Spalte 1. Die Tabelle darf so nicht veröffentlicht werden.");
    }

    [Fact]
    public void A_cell_bridging_two_hidden_rectangles_is_recomputable_although_its_row_and_column_hold_other_hidden_cells()
    {
        // Rectangles in rows 1–2 × columns 1–2 and rows 3–4 × columns 3–4, joined by cell (row 2, column 3).
        var grid = new bool[5, 5];
        foreach (var (r, c) in new[] { (0, 0), (0, 1), (1, 0), (1, 1), (2, 2), (2, 3), (3, 2), (3, 3), (1, 2) })
        {
            grid[r, c] = true;
        }

        var interior = new[,] { { 5, 6, 7, 8 }, { 9, 10, 11, 12 }, { 13, 14, 15, 16 }, { 17, 18, 19, 20 } };
        var audit = SuppressionAuditor.Audit(TableBuilder.WithPattern(interior, grid));

        var bridge = audit.SuppressedCells.Single(c => c.Position == new CellPosition(1, 2));
        bridge.LiesOnCycle.ShouldBeFalse();
        bridge.IsDisclosed.ShouldBeTrue();
        bridge.Minimum.ShouldBe(11m);
        audit.SuppressedCells.Where(c => c != bridge).ShouldAllBe(c => c.LiesOnCycle && !c.IsDisclosed);

        var repaired = TableBuilder.Protect(TableBuilder.WithPattern(interior, grid));
        SuppressionAuditor.Audit(repaired).IsSafe.ShouldBeTrue();
    }

    [Fact]
    public void A_cycle_through_empty_cells_can_still_reveal_a_cell_through_non_negativity()
    {
        // Hidden rectangle 2, 0 / 3, 0: column 2 is empty, its published total 0 pins both its hidden cells to 0
        // (moving along the cycle would make one of them negative), and then row 1 gives the 2 away.
        var grid = new bool[3, 3];
        grid[0, 0] = grid[0, 1] = grid[1, 0] = grid[1, 1] = true;
        var table = TableBuilder.WithPattern(new[,] { { 2, 0 }, { 3, 0 } }, grid);

        var audit = SuppressionAuditor.Audit(table);

        audit.SuppressedCells.ShouldAllBe(c => c.LiesOnCycle);
        audit.SuppressedCells.Single(c => c.Position == new CellPosition(0, 0)).IsDisclosed.ShouldBeTrue();
        audit.IsSafe.ShouldBeFalse();

        var repaired = TableBuilder.Protect(table);
        SuppressionAuditor.Audit(repaired).IsSafe.ShouldBeTrue();
    }

    [Fact]
    public void A_cycle_with_one_empty_cell_gives_a_one_sided_range()
    {
        var grid = new bool[3, 3];
        grid[0, 0] = grid[0, 1] = grid[1, 0] = grid[1, 1] = true;
        var audit = SuppressionAuditor.Audit(TableBuilder.WithPattern(new[,] { { 2, 0 }, { 4, 3 } }, grid));

        // a + t, 0 − t, 3 + t, 4 − t: t ∈ [−2, 0], so the 2 lies in [0, 2].
        var cell = audit.SuppressedCells.Single(c => c.Position == new CellPosition(0, 0));
        (cell.Minimum, cell.Maximum).ShouldBe((0m, (decimal?)2m));
        audit.IsSafe.ShouldBeTrue();
    }

    [Fact]
    public void Hidden_totals_make_the_range_unbounded()
    {
        var grid = new bool[3, 3];
        grid[0, 0] = grid[0, 2] = grid[2, 0] = grid[2, 2] = true;
        var audit = SuppressionAuditor.Audit(TableBuilder.WithPattern(new[,] { { 2, 8 }, { 6, 7 } }, grid));

        audit.SuppressedCells.Single(c => c.Position == new CellPosition(0, 0)).Maximum.ShouldBeNull();
        audit.SuppressedCells.Single(c => c.Position == new CellPosition(null, null)).Location.ShouldBe("Gesamtsumme");
        audit.IsSafe.ShouldBeTrue();
    }

    [Fact]
    public void The_auditor_agrees_with_brute_force_enumeration_on_small_tables()
    {
        // Every integer completion of the hidden cells is enumerated; by total unimodularity the integer and the real
        // ranges coincide, so the linear programmes must find exactly these minima and maxima.
        var random = new Random(7);
        // Values 0–3 give totals of at most 27, the largest any bounded range can reach; enumerating the hidden interior
        // cells up to 40 lets an unbounded cell show itself by exceeding 27.
        const int bound = 40;
        var checkedTables = 0;
        while (checkedTables < 40)
        {
            var interior = new int[3, 3];
            for (var r = 0; r < 3; r++)
            {
                for (var c = 0; c < 3; c++)
                {
                    interior[r, c] = random.Next(4);
                }
            }

            var grid = new bool[4, 4];
            for (var r = 0; r < 4; r++)
            {
                for (var c = 0; c < 4; c++)
                {
                    grid[r, c] = random.NextDouble() < 0.35;
                }
            }

            var hiddenInterior = Enumerable.Range(0, 9).Where(i => grid[i / 3, i % 3]).ToArray();
            if (hiddenInterior.Length is 0 or > 3)
            {
                continue;
            }

            checkedTables++;
            var table = TableBuilder.WithPattern(interior, grid);
            var expected = BruteForce(interior, grid, hiddenInterior, bound);
            foreach (var audit in SuppressionAuditor.Audit(table).SuppressedCells)
            {
                var (r, c) = (audit.Position.Row ?? 3, audit.Position.Column ?? 3);
                var (min, max) = expected[(r, c)];
                audit.Minimum.ShouldBe(min, $"{audit.Location}");
                audit.Maximum.ShouldBe(max, $"{audit.Location}");
            }
        }
    }

    private static Dictionary<(int, int), (decimal Min, decimal? Max)> BruteForce(int[,] interior, bool[,] grid, int[] hidden, int bound)
    {
        var ranges = new Dictionary<(int, int), (decimal Min, decimal? Max)>();
        var values = (int[,])interior.Clone();
        var counter = new int[hidden.Length];
        while (true)
        {
            for (var k = 0; k < hidden.Length; k++)
            {
                values[hidden[k] / 3, hidden[k] % 3] = counter[k];
            }

            var full = new int[4, 4];
            for (var r = 0; r < 3; r++)
            {
                for (var c = 0; c < 3; c++)
                {
                    full[r, c] = values[r, c];
                    full[r, 3] += values[r, c];
                    full[3, c] += values[r, c];
                    full[3, 3] += values[r, c];
                }
            }

            var consistent = true;
            for (var r = 0; r < 4 && consistent; r++)
            {
                for (var c = 0; c < 4 && consistent; c++)
                {
                    if (!grid[r, c] && full[r, c] != Original(interior, r, c))
                    {
                        consistent = false;
                    }
                }
            }

            if (consistent)
            {
                for (var r = 0; r < 4; r++)
                {
                    for (var c = 0; c < 4; c++)
                    {
                        if (grid[r, c])
                        {
                            var v = full[r, c];
                            ranges[(r, c)] = ranges.TryGetValue((r, c), out var old) ? (Math.Min(old.Min, v), Math.Max(old.Max!.Value, v)) : (v, v);
                        }
                    }
                }
            }

            var k2 = 0;
            while (k2 < hidden.Length && ++counter[k2] > bound)
            {
                counter[k2++] = 0;
            }

            if (k2 == hidden.Length)
            {
                return ranges.ToDictionary(p => p.Key, p => (p.Value.Min, p.Value.Max > 27 ? null : p.Value.Max));
            }
        }
    }

    private static int Original(int[,] interior, int r, int c)
    {
        var sum = 0;
        for (var i = 0; i < 3; i++)
        {
            for (var j = 0; j < 3; j++)
            {
                if ((r == 3 || r == i) && (c == 3 || c == j))
                {
                    sum += interior[i, j];
                }
            }
        }

        return sum;
    }
}
