using System.Globalization;

using Bedarfsanalyse.Core.Disclosure;

namespace Bedarfsanalyse.Tests.Disclosure.Audit;

/// <summary>
/// A table as cells plus additivity constraints (total = Σ parts), the form the auditor and the secondary suppression
/// work on. Two-way tables are laid out on the extended (rows + 1) × (columns + 1) grid, the last row and column
/// holding the totals.
/// </summary>
internal sealed class LinearTable
{
    private LinearTable(TableCell[] cells, CellPosition[] positions, (int Total, int[] Parts)[] constraints, int rows, int columns, bool twoWay)
    {
        Cells = cells;
        Positions = positions;
        Constraints = constraints;
        Rows = rows;
        Columns = columns;
        IsTwoWay = twoWay;
        Check();
    }

    public TableCell[] Cells { get; }

    public CellPosition[] Positions { get; }

    public (int Total, int[] Parts)[] Constraints { get; }

    /// <summary>Interior rows (two-way) or 1 (one-way).</summary>
    public int Rows { get; }

    /// <summary>Interior columns.</summary>
    public int Columns { get; }

    public bool IsTwoWay { get; }

    public int Count => Cells.Length;

    /// <summary>Index on the extended grid; row == Rows and column == Columns are the totals.</summary>
    public int Index(int row, int column) => IsTwoWay ? row * (Columns + 1) + column : column;

    public (int Row, int Column) GridOf(int index) => IsTwoWay ? (index / (Columns + 1), index % (Columns + 1)) : (0, index);

    public bool IsTotal(int index)
    {
        var (row, column) = GridOf(index);
        return row == Rows || column == Columns;
    }

    public string Describe(int index) => Positions[index].Describe(IsTwoWay);

    public static LinearTable From(OneWayTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(table.Cells);
        ArgumentNullException.ThrowIfNull(table.Total);
        var cells = table.Cells.Append(table.Total).ToArray();
        var positions = Enumerable.Range(0, table.Cells.Count).Select(j => new CellPosition(0, j)).Append(new CellPosition(0, null)).ToArray();
        var parts = Enumerable.Range(0, table.Cells.Count).ToArray();
        return new LinearTable(cells, positions, [(table.Cells.Count, parts)], 1, table.Cells.Count, twoWay: false);
    }

    public static LinearTable From(TwoWayTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(table.Cells);
        ArgumentNullException.ThrowIfNull(table.RowTotals);
        ArgumentNullException.ThrowIfNull(table.ColumnTotals);
        ArgumentNullException.ThrowIfNull(table.GrandTotal);
        int rows = table.Cells.Count, columns = table.ColumnTotals.Count;
        if (table.RowTotals.Count != rows)
        {
            throw new ArgumentException($"Die Tabelle hat {rows} Zeilen, aber {table.RowTotals.Count} Zeilensummen.", nameof(table));
        }

        for (var r = 0; r < rows; r++)
        {
            if (table.Cells[r].Count != columns)
            {
                throw new ArgumentException($"Zeile {r + 1} hat {table.Cells[r].Count} Zellen, die Tabelle aber {columns} Spaltensummen.", nameof(table));
            }
        }

        var cells = new TableCell[(rows + 1) * (columns + 1)];
        var positions = new CellPosition[cells.Length];
        for (var r = 0; r <= rows; r++)
        {
            for (var c = 0; c <= columns; c++)
            {
                var position = new CellPosition(r == rows ? null : r, c == columns ? null : c);
                cells[r * (columns + 1) + c] = table[position];
                positions[r * (columns + 1) + c] = position;
            }
        }

        var constraints = new List<(int, int[])>();
        for (var r = 0; r <= rows; r++)
        {
            constraints.Add((r * (columns + 1) + columns, Enumerable.Range(0, columns).Select(c => r * (columns + 1) + c).ToArray()));
        }

        for (var c = 0; c <= columns; c++)
        {
            constraints.Add((rows * (columns + 1) + c, Enumerable.Range(0, rows).Select(r => r * (columns + 1) + c).ToArray()));
        }

        return new LinearTable(cells, positions, [.. constraints], rows, columns, twoWay: true);
    }

    public OneWayTable ToOneWay(CellStatus[] statuses) =>
        new(Enumerable.Range(0, Columns).Select(j => Cells[j] with { Status = statuses[j] }).ToArray(), Cells[Columns] with { Status = statuses[Columns] });

    public TwoWayTable ToTwoWay(CellStatus[] statuses)
    {
        TableCell At(int r, int c) => Cells[Index(r, c)] with { Status = statuses[Index(r, c)] };
        return new TwoWayTable(
            Enumerable.Range(0, Rows).Select(r => (IReadOnlyList<TableCell>)Enumerable.Range(0, Columns).Select(c => At(r, c)).ToArray()).ToArray(),
            Enumerable.Range(0, Rows).Select(r => At(r, Columns)).ToArray(),
            Enumerable.Range(0, Columns).Select(c => At(Rows, c)).ToArray(),
            At(Rows, Columns));
    }

    private void Check()
    {
        for (var i = 0; i < Cells.Length; i++)
        {
            ArgumentNullException.ThrowIfNull(Cells[i]);
            if (Cells[i].Value < 0)
            {
                throw new ArgumentException($"{Describe(i)} ist negativ ({Number(Cells[i].Value)}); Tabellen der Geheimhaltung enthalten nur Fallzahlen und nicht negative Summen.");
            }
        }

        foreach (var (total, parts) in Constraints)
        {
            var sum = parts.Sum(p => Cells[p].Value);
            if (sum != Cells[total].Value)
            {
                throw new ArgumentException($"Die Tabelle addiert sich nicht: {Describe(total)} ist {Number(Cells[total].Value)}, die Summe ihrer Zellen aber {Number(sum)}.");
            }
        }
    }

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture).Replace('.', ',');
}
