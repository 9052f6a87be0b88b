using Bedarfsanalyse.Core.Disclosure;

namespace Bedarfsanalyse.Core.Analysis;

/// <summary>A cell the engine hands to disclosure control: its count, its base (a reader's upper bound) and its role.</summary>
internal readonly record struct CountCell(long Value, int Base, CellStatus Status, CellRole Role, bool Confidential = false)
{
    public bool Hidden => Status.Symbol is CellSymbol.Secret or CellSymbol.NotReliable;
}

/// <summary>
/// Runs <see cref="TableProtection"/> on the shapes the engine publishes: two-way tables with margins and one-way lines
/// with a total. What a reader knows of a hidden cell: at least 0 (an empty cell may be hidden as a complement, and no
/// output tells a primary "." from a complementary one) and never more than its base.
/// </summary>
internal static class ProtectedGrid
{
    /// <summary>grid[r, c] with the last row and column the totals; returns the final statuses on the same grid.</summary>
    public static CellStatus[,] TwoWay(CountCell[,] grid, AnalysisSettings settings, out bool withheld)
    {
        var additive = new AdditiveCell[grid.GetLength(0), grid.GetLength(1)];
        var secrets = new List<(int R, int C)>();
        for (var r = 0; r < grid.GetLength(0); r++)
        {
            for (var c = 0; c < grid.GetLength(1); c++)
            {
                additive[r, c] = ToAdditive(grid[r, c]);
                if (MustProtect(grid[r, c]))
                {
                    secrets.Add((r, c));
                }
            }
        }

        var (table, index) = AdditiveTable.TwoWay(additive);
        var result = TableProtection.Protect(table, secrets.Select(s => index[s.R, s.C]), settings.Disclosure);
        withheld = result.Withheld;
        var statuses = new CellStatus[grid.GetLength(0), grid.GetLength(1)];
        for (var r = 0; r < grid.GetLength(0); r++)
        {
            for (var c = 0; c < grid.GetLength(1); c++)
            {
                statuses[r, c] = result.Statuses[index[r, c]];
            }
        }

        return statuses;
    }

    /// <summary>Parts and their total; returns the final statuses of the parts and then the total.</summary>
    public static CellStatus[] OneWay(IReadOnlyList<CountCell> parts, CountCell total, AnalysisSettings settings, out bool withheld)
    {
        var (table, indices, totalIndex) = AdditiveTable.OneWay(parts.Select(ToAdditive).ToList(), ToAdditive(total));
        var secrets = parts.Select((p, i) => (p, i)).Where(x => MustProtect(x.p)).Select(x => indices[x.i]).ToList();
        if (MustProtect(total))
        {
            secrets.Add(totalIndex);
        }

        var result = TableProtection.Protect(table, secrets, settings.Disclosure);
        withheld = result.Withheld;
        return indices.Select(i => result.Statuses[i]).Append(result.Statuses[totalIndex]).ToArray();
    }

    /// <summary>The status of every cell of a table that could not be protected: only what every reader knows stays.</summary>
    public static CellStatus Withheld(AnalysisSettings settings) =>
        new(CellSymbol.Secret, SuppressionReason.Secondary, settings.Disclosure.Texts.Secondary);

    private static bool MustProtect(CountCell cell) =>
        cell.Hidden && (cell.Confidential || cell.Status.Reason is SuppressionReason.TooFewCases or SuppressionReason.Dominance);

    private static AdditiveCell ToAdditive(CountCell cell) =>
        new(cell.Value, cell.Status, 0, Math.Max(cell.Base, cell.Value), cell.Role);
}
