using Bedarfsanalyse.Core.Disclosure;
using Bedarfsanalyse.Tests.Disclosure.Audit;

namespace Bedarfsanalyse.Tests.Disclosure;

public sealed class TableProtectionTests
{
    private static readonly CellStatus Secret = new(CellSymbol.Secret, SuppressionReason.TooFewCases, "weniger als 3 Fälle");

    [Fact]
    public void A_lone_secret_cell_in_a_row_gets_complements_and_the_linear_programmes_find_it_protected()
    {
        var table = TableBuilder.Counts(new[,] { { 2, 8, 9 }, { 6, 7, 12 }, { 14, 11, 10 } });
        SuppressionAuditor.Audit(table).IsSafe.ShouldBeFalse();

        var protectedTable = TableBuilder.Protect(table);

        SuppressionAuditor.Audit(protectedTable).IsSafe.ShouldBeTrue(string.Join(" / ", TableBuilder.Picture(protectedTable)));
        protectedTable.Cells[0][0].Status.ShouldBe(table.Cells[0][0].Status);
        // The cheapest cycle: a rectangle through the 2 whose other corners hold the least (8, 7 and 6).
        TableBuilder.Picture(protectedTable).ShouldBe([". . 9 | 19", ". . 12 | 25", "14 11 10 | 35", "22 26 31 | 79"]);
    }

    [Fact]
    public void Two_ones_beside_their_total_stay_as_they_are_because_a_dot_may_hide_an_empty_cell()
    {
        // 1 + 1 + 30 = 32 with both 1s hidden: a reader cannot tell 1 + 1 from 0 + 2 or 2 + 0, since empty cells are
        // hidden as complements where needed and no output says which "." is which.
        var cells = new[] { 1, 1, 30 }.Select(v => new AdditiveCell(v, v < 3 ? Secret : CellStatus.Published, 0, null, CellRole.Interior)).ToList();
        var (table, parts, _) = AdditiveTable.OneWay(cells, new AdditiveCell(32, CellStatus.Published, 0, null, CellRole.Total));

        var result = TableProtection.Protect(table);

        result.SecondaryCount.ShouldBe(0);
        BruteForceRanges(table, result.Statuses, limit: 40)[parts[0]].ShouldBe((0L, 2L));
    }

    [Fact]
    public void A_lone_secret_cell_of_a_line_gets_the_cheapest_partner()
    {
        var cells = new[] { 2, 30, 9 }.Select(v => new AdditiveCell(v, v < 3 ? Secret : CellStatus.Published, 0, null, CellRole.Interior)).ToList();
        var (table, parts, total) = AdditiveTable.OneWay(cells, new AdditiveCell(41, CellStatus.Published, 0, null, CellRole.Total));
        TableProtection.IsExposed(table, parts[0], Enumerable.Range(0, table.CellCount).Select(i => table[i].Status).ToList()).ShouldBeTrue();

        var result = TableProtection.Protect(table);

        result.Statuses[parts[2]].Reason.ShouldBe(SuppressionReason.Secondary);
        result.Statuses[parts[1]].ShowsValue.ShouldBeTrue();
        result.Statuses[total].ShowsValue.ShouldBeTrue();
        BruteForceRanges(table, result.Statuses, limit: 40)[parts[0]].ShouldBe((0L, 11L));
    }

    [Fact]
    public void A_count_bounded_by_its_base_is_protected_although_the_sums_alone_would_leave_it_open()
    {
        // Multiple choice: 2 of a district's 2 respondents chose the option, 50 of another's 50; network 52. Without the
        // bases a reader could not tell; with them (2 ≤ 2, x ≤ 50) the 2 is exact.
        var cells = new List<AdditiveCell>
        {
            new(2, Secret, 0, 2, CellRole.Interior),
            new(50, CellStatus.Published, 0, 50, CellRole.Interior),
            new(7, CellStatus.Published, 0, 20, CellRole.Interior),
        };
        var (table, parts, total) = AdditiveTable.OneWay(cells, new AdditiveCell(59, CellStatus.Published, 0, 72, CellRole.Total));

        var result = TableProtection.Protect(table);

        result.Withheld.ShouldBeFalse();
        result.Statuses[parts[1]].ShowsValue.ShouldBeTrue("Die 50 kann nicht helfen: sie liegt an ihrer Obergrenze und darf nicht kleiner werden, weil die 2 nicht größer werden kann.");
        result.Statuses[parts[2]].Reason.ShouldBe(SuppressionReason.Secondary);
        var ranges = BruteForceRanges(table, result.Statuses, limit: 80);
        ranges[parts[0]].Item1.ShouldBeLessThan(ranges[parts[0]].Item2);
        result.Statuses[total].ShowsValue.ShouldBeTrue();
    }

    [Fact]
    public void A_district_whose_answers_all_fall_on_one_option_hides_an_empty_cell_not_the_whole_table()
    {
        // Rows are districts with their number of interviews (known from the field report), columns sectors.
        var grid = Grid(new[,] { { 16, 8, 0 }, { 6, 2, 4 }, { 2, 0, 0 } }, rowTotalsFixed: true);
        var (table, index) = AdditiveTable.TwoWay(grid);

        var result = TableProtection.Protect(table);

        result.Withheld.ShouldBeFalse();
        var statuses = result.Statuses;
        var hiddenEmpty = Enumerable.Range(0, 3).Count(c => table[index[2, c]].Value == 0 && statuses[index[2, c]].IsSecret);
        hiddenEmpty.ShouldBe(1);
        statuses[index[0, 0]].ShowsValue.ShouldBeTrue("Der große Kreis bleibt sichtbar.");
        foreach (var secret in Enumerable.Range(0, table.CellCount).Where(i => table[i].Status.IsSecret))
        {
            var range = BruteForceRanges(table, statuses, limit: 25)[secret];
            range.Item1.ShouldBeLessThan(range.Item2);
        }
    }

    [Fact]
    public void No_secret_cell_of_random_small_tables_can_be_recomputed_by_a_reader_who_knows_the_rules()
    {
        var random = new Random(20261203);
        int checkedTables = 0, complemented = 0, withheld = 0;
        for (var attempt = 0; attempt < 2000 && checkedTables < 80; attempt++)
        {
            var counts = new int[3, 3];
            for (var r = 0; r < 3; r++)
            {
                for (var c = 0; c < 3; c++)
                {
                    counts[r, c] = random.NextDouble() switch { < 0.2 => 0, < 0.55 => random.Next(1, 3), _ => random.Next(3, 6) };
                }
            }

            var (table, _) = AdditiveTable.TwoWay(Grid(counts, rowTotalsFixed: random.NextDouble() < 0.5));
            var result = TableProtection.Protect(table);
            withheld += result.Withheld ? 1 : 0;
            var hiddenInterior = Enumerable.Range(0, table.CellCount).Count(i => i % 4 != 3 && i / 4 != 3 && IsHidden(result.Statuses[i]));
            if (result.Withheld || hiddenInterior > 4)
            {
                continue;
            }

            checkedTables++;
            complemented += result.SecondaryCount > 0 ? 1 : 0;
            // Inner values are at most 5, so a second value, if any, lies within 0–10 (ranges are intervals).
            var ranges = BruteForceRanges(table, result.Statuses, limit: 10);
            foreach (var secret in Enumerable.Range(0, table.CellCount).Where(i => table[i].Status.IsSecret))
            {
                ranges[secret].Item1.ShouldBeLessThan(ranges[secret].Item2, $"Tabelle {attempt}, Zelle {secret}: {Picture(table, result.Statuses)}");
            }

            // Primary statuses stay; every further "." is a complementary one.
            for (var i = 0; i < table.CellCount; i++)
            {
                if (table[i].Status.IsSecret)
                {
                    result.Statuses[i].ShouldBe(table[i].Status);
                }
                else if (result.Statuses[i].IsSecret)
                {
                    result.Statuses[i].Reason.ShouldBe(SuppressionReason.Secondary);
                }
            }
        }

        checkedTables.ShouldBeGreaterThan(40);
        complemented.ShouldBeGreaterThan(checkedTables / 3, "Die Stichprobe soll Tabellen enthalten, die Sekundärsperrungen brauchen.");
        withheld.ShouldBeLessThan(5, "Fast jede Tabelle lässt sich durch weitere Sperrungen schützen.");
    }

    /// <summary>Counts with primary statuses (1–2 secret) on the extended grid; row totals fixed when a reader knows them.</summary>
    private static AdditiveCell[,] Grid(int[,] counts, bool rowTotalsFixed)
    {
        int rows = counts.GetLength(0), columns = counts.GetLength(1);
        var rules = new PrimarySuppression();
        var grid = new AdditiveCell[rows + 1, columns + 1];
        for (var r = 0; r <= rows; r++)
        {
            for (var c = 0; c <= columns; c++)
            {
                var value = 0;
                for (var i = 0; i < rows; i++)
                {
                    for (var j = 0; j < columns; j++)
                    {
                        value += (r == rows || r == i) && (c == columns || c == j) ? counts[i, j] : 0;
                    }
                }

                var role = r < rows && c < columns ? CellRole.Interior : c == columns && rowTotalsFixed ? CellRole.Fixed : CellRole.Total;
                var status = role == CellRole.Fixed ? CellStatus.Published : rules.ForCount(value);
                grid[r, c] = new AdditiveCell(value, status, 0, null, role);
            }
        }

        return grid;
    }

    private static bool IsHidden(CellStatus status) => status.Symbol is CellSymbol.Secret or CellSymbol.NotReliable;

    /// <summary>
    /// Every completion of the hidden cells that agrees with the published ones, additivity and what a reader knows
    /// (nothing is negative, nothing above its bound), by enumeration of the
    /// hidden inner cells of a two-way grid or of the parts of a line; returns each hidden cell's smallest and largest value.
    /// </summary>
    private static Dictionary<int, (long, long)> BruteForceRanges(AdditiveTable table, IReadOnlyList<CellStatus> statuses, int limit)
    {
        var side = (int)Math.Round(Math.Sqrt(table.CellCount));
        // The grids of these tests are square (3 × 3 inner cells and margins); lines have four cells.
        var twoWay = table.CellCount > 4 && side * side == table.CellCount;
        int rows = side - 1, columns = side - 1;

        var free = Enumerable.Range(0, table.CellCount)
            .Where(i => IsHidden(statuses[i]) && (twoWay ? i / (columns + 1) < rows && i % (columns + 1) < columns : i < table.CellCount - 1))
            .ToArray();
        long Lower(int i) => table[i].Lower;
        var values = Enumerable.Range(0, table.CellCount).Select(i => table[i].Value).ToArray();
        var ranges = new Dictionary<int, (long, long)>();
        var counter = free.Select(Lower).ToArray();
        while (true)
        {
            for (var k = 0; k < free.Length; k++)
            {
                values[free[k]] = counter[k];
            }

            var candidate = Complete(values, twoWay, rows, columns);
            var consistent = Enumerable.Range(0, table.CellCount).All(i =>
                IsHidden(statuses[i])
                    ? candidate[i] >= Lower(i) && (table[i].Upper is not { } u || candidate[i] <= u)
                    : candidate[i] == table[i].Value);
            if (consistent)
            {
                foreach (var i in Enumerable.Range(0, table.CellCount).Where(i => IsHidden(statuses[i])))
                {
                    ranges[i] = ranges.TryGetValue(i, out var old) ? (Math.Min(old.Item1, candidate[i]), Math.Max(old.Item2, candidate[i])) : (candidate[i], candidate[i]);
                }
            }

            var k2 = 0;
            while (k2 < free.Length && ++counter[k2] > limit)
            {
                counter[k2] = Lower(free[k2]);
                k2++;
            }

            if (k2 == free.Length)
            {
                return ranges;
            }
        }
    }

    private static long[] Complete(long[] values, bool twoWay, int rows, int columns)
    {
        var result = (long[])values.Clone();
        if (!twoWay)
        {
            result[^1] = result.Take(result.Length - 1).Sum();
            return result;
        }

        var width = columns + 1;
        for (var r = 0; r < rows; r++)
        {
            result[r * width + columns] = Enumerable.Range(0, columns).Sum(c => result[r * width + c]);
        }

        for (var c = 0; c <= columns; c++)
        {
            result[rows * width + c] = Enumerable.Range(0, rows).Sum(r => result[r * width + c]);
        }

        return result;
    }

    private static string Picture(AdditiveTable table, IReadOnlyList<CellStatus> statuses) =>
        string.Join(" ", Enumerable.Range(0, table.CellCount).Select(i => IsHidden(statuses[i]) ? "." : table[i].Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
}
