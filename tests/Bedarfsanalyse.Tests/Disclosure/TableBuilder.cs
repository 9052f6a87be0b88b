using Bedarfsanalyse.Core.Disclosure;
using Bedarfsanalyse.Tests.Disclosure.Audit;

namespace Bedarfsanalyse.Tests.Disclosure;

/// <summary>Builds count tables from plain numbers; a value marked negative is a suppressed cell of that size.</summary>
internal static class TableBuilder
{
    private static readonly PrimarySuppression Rules = new();

    /// <summary>A two-way count table with margins and primary suppression from the counts themselves.</summary>
    public static TwoWayTable Counts(int[,] counts)
    {
        int rows = counts.GetLength(0), columns = counts.GetLength(1);
        var cells = Enumerable.Range(0, rows)
            .Select(r => (IReadOnlyList<TableCell>)Enumerable.Range(0, columns).Select(c => TableCell.ForCount(counts[r, c], Rules)).ToArray())
            .ToArray();
        var rowTotals = Enumerable.Range(0, rows).Select(r => TableCell.ForCount(Enumerable.Range(0, columns).Sum(c => counts[r, c]), Rules)).ToArray();
        var columnTotals = Enumerable.Range(0, columns).Select(c => TableCell.ForCount(Enumerable.Range(0, rows).Sum(r => counts[r, c]), Rules)).ToArray();
        return new TwoWayTable(cells, rowTotals, columnTotals, TableCell.ForCount(counts.Cast<int>().Sum(), Rules));
    }

    /// <summary>
    /// A two-way table (values incl. margins on the extended grid: last row and column are the totals) with exactly the
    /// cells marked true suppressed, whatever their values.
    /// </summary>
    public static TwoWayTable WithPattern(int[,] interior, bool[,] suppressedOnGrid)
    {
        int rows = interior.GetLength(0), columns = interior.GetLength(1);
        decimal Value(int r, int c) => r < rows && c < columns ? interior[r, c]
            : r < rows ? Enumerable.Range(0, columns).Sum(j => interior[r, j])
            : c < columns ? Enumerable.Range(0, rows).Sum(i => interior[i, c])
            : interior.Cast<int>().Sum();
        TableCell Cell(int r, int c) => new(Value(r, c), suppressedOnGrid[r, c]
            ? new CellStatus(CellSymbol.Secret, SuppressionReason.TooFewCases, "weniger als 3 Fälle")
            : CellStatus.Published);
        return new TwoWayTable(
            Enumerable.Range(0, rows).Select(r => (IReadOnlyList<TableCell>)Enumerable.Range(0, columns).Select(c => Cell(r, c)).ToArray()).ToArray(),
            Enumerable.Range(0, rows).Select(r => Cell(r, columns)).ToArray(),
            Enumerable.Range(0, columns).Select(c => Cell(rows, c)).ToArray(),
            Cell(rows, columns));
    }

    /// <summary>The symbols of a table on its extended grid, row by row, e.g. ". 8 . 10 | 20".</summary>
    public static string[] Picture(TwoWayTable table)
    {
        string Text(TableCell cell) => cell.Status.IsSecret ? "." : cell.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Enumerable.Range(0, table.RowCount)
            .Select(r => string.Join(" ", table.Cells[r].Select(Text)) + " | " + Text(table.RowTotals[r]))
            .Append(string.Join(" ", table.ColumnTotals.Select(Text)) + " | " + Text(table.GrandTotal))
            .ToArray();
    }

    /// <summary>
    /// The table after <see cref="TableProtection"/> (the engine's complementary suppression), so that the linear
    /// programmes of <see cref="SuppressionAuditor"/> can check it independently.
    /// </summary>
    public static TwoWayTable Protect(TwoWayTable table)
    {
        int rows = table.RowCount, columns = table.ColumnCount;
        var grid = new AdditiveCell[rows + 1, columns + 1];
        for (var r = 0; r <= rows; r++)
        {
            for (var c = 0; c <= columns; c++)
            {
                var cell = table[new CellPosition(r < rows ? r : null, c < columns ? c : null)];
                grid[r, c] = new AdditiveCell((long)cell.Value, cell.Status, 0, null,
                    r < rows && c < columns ? CellRole.Interior : CellRole.Total);
            }
        }

        var (additive, index) = AdditiveTable.TwoWay(grid);
        var result = TableProtection.Protect(additive);
        TableCell At(int r, int c) => new(table[new CellPosition(r < rows ? r : null, c < columns ? c : null)].Value, result.Statuses[index[r, c]]);
        return new TwoWayTable(
            Enumerable.Range(0, rows).Select(r => (IReadOnlyList<TableCell>)Enumerable.Range(0, columns).Select(c => At(r, c)).ToArray()).ToArray(),
            Enumerable.Range(0, rows).Select(r => At(r, columns)).ToArray(),
            Enumerable.Range(0, columns).Select(c => At(rows, c)).ToArray(),
            At(rows, columns));
    }

    /// <summary>The same for a one-way line and its total.</summary>
    public static OneWayTable Protect(OneWayTable table)
    {
        AdditiveCell Additive(TableCell cell, CellRole role) => new((long)cell.Value, cell.Status, 0, null, role);
        var (additive, parts, total) = AdditiveTable.OneWay(table.Cells.Select(c => Additive(c, CellRole.Interior)).ToList(), Additive(table.Total, CellRole.Total));
        var result = TableProtection.Protect(additive);
        return new OneWayTable(
            table.Cells.Select((c, i) => new TableCell(c.Value, result.Statuses[parts[i]])).ToArray(),
            new TableCell(table.Total.Value, result.Statuses[total]));
    }
}
