using Bedarfsanalyse.Core.Disclosure;

namespace Bedarfsanalyse.Tests.Disclosure.Audit;

/// <summary>
/// A two-way table with margins (e.g. districts × answer options): <see cref="Cells"/>[row][column], a total per row,
/// a total per column and the grand total, all additive.
/// </summary>
internal sealed record TwoWayTable(
    IReadOnlyList<IReadOnlyList<TableCell>> Cells,
    IReadOnlyList<TableCell> RowTotals,
    IReadOnlyList<TableCell> ColumnTotals,
    TableCell GrandTotal)
{
    public int RowCount => Cells.Count;

    public int ColumnCount => ColumnTotals.Count;

    /// <summary>The cell at a position, totals included (null = total).</summary>
    public TableCell this[CellPosition position] => position switch
    {
        (null, null) => GrandTotal,
        (int r, null) => RowTotals[r],
        (null, int c) => ColumnTotals[c],
        (int r, int c) => Cells[r][c],
    };
}
