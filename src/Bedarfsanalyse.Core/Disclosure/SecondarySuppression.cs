namespace Bedarfsanalyse.Core.Disclosure;

/// <summary>
/// Complementary (secondary) suppression: hides further cells until no suppressed cell can be recomputed from its row,
/// column or totals (judged by <see cref="FeasibleRanges"/>, the auditor's linear programmes).
/// <para>
/// Rule for choosing cells, in the spirit of Repsilber's hypercube method (see Hundepool et al. 2012):
/// every exposed cell is put on a cycle of suppressed cells. In a two-way table that is the cheapest rectangle of four
/// cells through it (other corners anywhere in the table, totals included) whose cycle leaves the cell a range wider than
/// zero under non-negativity; in a one-way table the cheapest second cell of the line. "Cheapest" means, in this order:
/// fewest cells with nothing in them ("–"; the public often knows where nothing is, and they protect only in one
/// direction), fewest totals (the grand total counting twice: totals are what readers use most), the smallest sum of
/// hidden values (least information lost), the fewest new cells, then the first position. Already suppressed cells
/// cost nothing, so cycles are shared. This repeats until the audit finds no exposed cell (a fixed point).
/// </para>
/// </summary>
public static class SecondarySuppression
{
    public static OneWayTable Apply(OneWayTable table, DisclosureSettings? settings = null)
    {
        var linear = LinearTable.From(table);
        return linear.ToOneWay(Protect(linear, settings ?? DisclosureSettings.Default));
    }

    public static TwoWayTable Apply(TwoWayTable table, DisclosureSettings? settings = null)
    {
        var linear = LinearTable.From(table);
        return linear.ToTwoWay(Protect(linear, settings ?? DisclosureSettings.Default));
    }

    private static CellStatus[] Protect(LinearTable table, DisclosureSettings settings)
    {
        settings.Validate();
        var statuses = table.Cells.Select(c => c.Status).ToArray();
        var suppressed = statuses.Select(s => s.IsSecret).ToArray();
        var secondary = CellStatus.Of(CellSymbol.Secret, SuppressionReason.Secondary, settings);

        // Each round adds at least one cell, so there are at most as many rounds as cells.
        for (var round = 0; round <= table.Count; round++)
        {
            var ranges = FeasibleRanges.Compute(table, suppressed);
            var exposed = Enumerable.Range(0, table.Count).Where(i => suppressed[i] && ranges[i].Maximum == ranges[i].Minimum).ToArray();
            if (exposed.Length == 0)
            {
                return statuses;
            }

            var protectedNow = new HashSet<int>();
            foreach (var cell in exposed)
            {
                if (protectedNow.Contains(cell))
                {
                    continue;
                }

                var cycle = table.IsTwoWay ? CheapestRectangle(table, suppressed, cell) : CheapestPartner(table, suppressed, cell);
                if (cycle.Length == 0)
                {
                    throw new DisclosureException($"{table.Describe(cell)} lässt sich durch keine weitere Sperrung schützen.");
                }

                foreach (var member in cycle)
                {
                    if (!suppressed[member])
                    {
                        suppressed[member] = true;
                        statuses[member] = secondary;
                    }

                    protectedNow.Add(member);
                }
            }
        }

        throw new DisclosureException("Die Sekundärsperrung erreicht keinen Fixpunkt.");
    }

    private static int[] CheapestRectangle(LinearTable table, bool[] suppressed, int cell)
    {
        var (row, column) = table.GridOf(cell);
        int[] best = [];
        Cost? bestCost = null;
        for (var otherRow = 0; otherRow <= table.Rows; otherRow++)
        {
            if (otherRow == row)
            {
                continue;
            }

            for (var otherColumn = 0; otherColumn <= table.Columns; otherColumn++)
            {
                if (otherColumn == column)
                {
                    continue;
                }

                // Around the cycle the cells change by +t, −t, +t, −t on the signed grid where totals enter negatively.
                int[] corners = [cell, table.Index(row, otherColumn), table.Index(otherRow, otherColumn), table.Index(otherRow, column)];
                if (!HasRoom(table, corners))
                {
                    continue;
                }

                var cost = Cost.Of(table, suppressed, corners);
                if (bestCost is null || cost.CompareTo(bestCost.Value) < 0)
                {
                    bestCost = cost;
                    best = corners;
                }
            }
        }

        return best;
    }

    private static int[] CheapestPartner(LinearTable table, bool[] suppressed, int cell)
    {
        int[] best = [];
        Cost? bestCost = null;
        for (var other = 0; other < table.Count; other++)
        {
            if (other == cell || suppressed[other])
            {
                continue;
            }

            int[] pair = [cell, other];
            var bothParts = !table.IsTotal(cell) && !table.IsTotal(other);
            if (bothParts && table.Cells[cell].Value == 0 && table.Cells[other].Value == 0)
            {
                continue;
            }

            var cost = Cost.Of(table, suppressed, pair);
            if (bestCost is null || cost.CompareTo(bestCost.Value) < 0)
            {
                bestCost = cost;
                best = pair;
            }
        }

        return best;
    }

    /// <summary>Whether moving along the 4-cycle keeps every cell non-negative for some step t ≠ 0.</summary>
    private static bool HasRoom(LinearTable table, int[] corners)
    {
        double up = double.PositiveInfinity, down = double.PositiveInfinity;
        for (var k = 0; k < corners.Length; k++)
        {
            var (r, c) = table.GridOf(corners[k]);
            var totalSign = (r == table.Rows) ^ (c == table.Columns) ? -1 : 1;
            var direction = (k % 2 == 0 ? 1 : -1) * totalSign;
            var value = (double)table.Cells[corners[k]].Value;
            if (direction < 0)
            {
                up = Math.Min(up, value);
            }
            else
            {
                down = Math.Min(down, value);
            }
        }

        return up > 0 || down > 0;
    }

    private readonly record struct Cost(int Empty, int Totals, decimal Value, int Cells, int Position) : IComparable<Cost>
    {
        public static Cost Of(LinearTable table, bool[] suppressed, int[] cells)
        {
            int empty = 0, totals = 0, count = 0;
            var value = 0m;
            foreach (var cell in cells.Where(c => !suppressed[c]))
            {
                count++;
                value += table.Cells[cell].Value;
                empty += table.Cells[cell].Value == 0 ? 1 : 0;
                var (r, c) = table.GridOf(cell);
                totals += (r == table.Rows ? 1 : 0) + (c == table.Columns ? 1 : 0);
            }

            return new Cost(empty, totals, value, count, cells.Skip(1).Min());
        }

        public int CompareTo(Cost other) =>
            (Empty, Totals, Value, Cells, Position).CompareTo((other.Empty, other.Totals, other.Value, other.Cells, other.Position));
    }
}
