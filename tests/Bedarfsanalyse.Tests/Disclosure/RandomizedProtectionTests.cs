using Bedarfsanalyse.Core.Disclosure;
using Bedarfsanalyse.Tests.Disclosure.Audit;

namespace Bedarfsanalyse.Tests.Disclosure;

public sealed class RandomizedProtectionTests
{
    [Fact]
    public void No_combination_of_published_cells_reveals_a_suppressed_one_in_random_two_way_tables()
    {
        var random = new Random(20261122);
        for (var t = 0; t < 250; t++)
        {
            var counts = RandomCounts(random, random.Next(2, 7), random.Next(2, 6));
            var original = TableBuilder.Counts(counts);

            var protectedTable = TableBuilder.Protect(original);
            var audit = SuppressionAuditor.Audit(protectedTable);

            audit.IsSafe.ShouldBeTrue($"Tabelle {t}: {string.Join(" / ", TableBuilder.Picture(protectedTable))}");
            foreach (var cell in audit.SuppressedCells)
            {
                // The structural test and the linear programmes agree: off a cycle a cell is always recomputable.
                cell.LiesOnCycle.ShouldBeTrue();
            }

            AssertPrimaryAndValuesKept(original, protectedTable);
        }
    }

    [Fact]
    public void No_suppressed_cell_can_be_recomputed_in_random_one_way_tables()
    {
        var random = new Random(31122026);
        var rules = new PrimarySuppression();
        for (var t = 0; t < 300; t++)
        {
            var counts = Enumerable.Range(0, random.Next(2, 9)).Select(_ => random.NextDouble() < 0.4 ? random.Next(0, 3) : random.Next(0, 50)).ToArray();
            var table = new OneWayTable(counts.Select(c => TableCell.ForCount(c, rules)).ToArray(), TableCell.ForCount(counts.Sum(), rules));

            var protectedTable = TableBuilder.Protect(table);

            SuppressionAuditor.Audit(protectedTable).IsSafe.ShouldBeTrue($"Tabelle {t}: {string.Join(" ", counts)}");
            protectedTable.Cells.Zip(table.Cells).ShouldAllBe(p => !p.Second.Status.IsSecret || p.First.Status == p.Second.Status);
        }
    }

    [Fact]
    public void The_structural_cycle_test_matches_the_linear_programmes_for_random_patterns_without_empty_cells()
    {
        var random = new Random(42);
        for (var t = 0; t < 200; t++)
        {
            int rows = random.Next(2, 6), columns = random.Next(2, 6);
            var interior = new int[rows, columns];
            for (var r = 0; r < rows; r++)
            {
                for (var c = 0; c < columns; c++)
                {
                    interior[r, c] = random.Next(1, 30);
                }
            }

            var grid = new bool[rows + 1, columns + 1];
            for (var r = 0; r <= rows; r++)
            {
                for (var c = 0; c <= columns; c++)
                {
                    grid[r, c] = random.NextDouble() < 0.3;
                }
            }

            // With every value positive, non-negativity never pins a cell: recomputable exactly iff off every cycle.
            foreach (var cell in SuppressionAuditor.Audit(TableBuilder.WithPattern(interior, grid)).SuppressedCells)
            {
                cell.IsDisclosed.ShouldBe(!cell.LiesOnCycle, $"Tabelle {t}, {cell.Location}");
            }
        }
    }

    private static int[,] RandomCounts(Random random, int rows, int columns)
    {
        var counts = new int[rows, columns];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                // Many small counts, some empty cells, a few large ones: the mix of a district table.
                counts[r, c] = random.NextDouble() switch
                {
                    < 0.15 => 0,
                    < 0.45 => random.Next(1, 3),
                    < 0.85 => random.Next(3, 20),
                    _ => random.Next(20, 200),
                };
            }
        }

        return counts;
    }

    private static void AssertPrimaryAndValuesKept(TwoWayTable original, TwoWayTable protectedTable)
    {
        for (var r = -1; r < original.RowCount; r++)
        {
            for (var c = -1; c < original.ColumnCount; c++)
            {
                var position = new CellPosition(r < 0 ? null : r, c < 0 ? null : c);
                var before = original[position];
                var after = protectedTable[position];
                after.Value.ShouldBe(before.Value);
                if (before.Status.IsSecret)
                {
                    after.Status.ShouldBe(before.Status);
                }
                else if (after.Status.IsSecret)
                {
                    after.Status.ReasonText.ShouldBe("Sekundärsperrung");
                }
                else
                {
                    after.Status.ShouldBe(before.Status);
                }
            }
        }
    }
}
