namespace Bedarfsanalyse.Core.Disclosure;

/// <summary>What a cell is to its table when complementary suppressions are chosen.</summary>
public enum CellRole
{
    /// <summary>An inner cell: the first choice for a complementary suppression.</summary>
    Interior,

    /// <summary>A total (a district's or the network's figure): hidden only when no inner cell will do.</summary>
    Total,

    /// <summary>Known to every reader (a base, a figure published elsewhere): never hidden.</summary>
    Fixed,
}

/// <summary>
/// One cell of an <see cref="AdditiveTable"/>: its true value, what is published of it, and what a reader knows about it
/// when it is not published (its bounds).
/// </summary>
/// <param name="Lower">The smallest value a reader must assume for the cell when it is hidden (0 for counts).</param>
/// <param name="Upper">The largest (e.g. the base of a share), or null when only the table's sums bound it.</param>
public sealed record AdditiveCell(long Value, CellStatus Status, long Lower, long? Upper, CellRole Role)
{
    /// <summary>A published cell whose value a reader knows.</summary>
    public static AdditiveCell Known(long value, CellRole role = CellRole.Fixed) => new(value, CellStatus.Published, value, value, role);
}

/// <summary>
/// Counts bound by additivity (total = Σ parts) as a graph, the form in which an intruder's knowledge can be searched:
/// every constraint (a row, a column, a line) is a node, every cell an edge between the two constraints it belongs to,
/// or between its one constraint and the free node, which has none. Two-way tables with margins become the complete
/// bipartite graph of their extended grid once the totals change sign (Kelly, Golden and Assad 1992; Castro 2006):
/// a hidden cell can move exactly when it lies on a cycle of hidden cells along which every cell has room within
/// its bounds, so an exact audit is a path search, not a linear programme.
/// </summary>
public sealed class AdditiveTable
{
    /// <summary>The node without a constraint (the far end of every cell of a one-way line).</summary>
    public const int FreeNode = 0;

    private readonly List<Edge> _edges = [];
    private int _nodes = 1;

    public int CellCount => _edges.Count;

    public int NodeCount => _nodes;

    public AdditiveCell this[int cell] => _edges[cell].Cell;

    /// <summary>A new constraint node: the cells attached to it add up (with the totals' signs).</summary>
    public int AddConstraint() => _nodes++;

    /// <summary>
    /// A cell between two constraint nodes. <paramref name="negated"/> is true for a cell that is the total of exactly one
    /// of the two constraints (it enters that sum with a minus sign).
    /// </summary>
    public int AddCell(int from, int to, bool negated, AdditiveCell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        if (from < 0 || from >= _nodes || to < 0 || to >= _nodes || from == to)
        {
            throw new ArgumentOutOfRangeException(nameof(from), $"Knoten {from} → {to} gibt es in dieser Tabelle nicht.");
        }

        if (cell.Lower > cell.Value || (cell.Upper is { } upper && upper < cell.Value))
        {
            throw new ArgumentOutOfRangeException(nameof(cell), $"Der Wert {cell.Value} liegt nicht zwischen {cell.Lower} und {cell.Upper}.");
        }

        _edges.Add(new Edge(from, to, negated ? -1 : 1, cell));
        return _edges.Count - 1;
    }

    /// <summary>
    /// A two-way table with margins on its extended grid: <paramref name="grid"/>[r, c] for r ≤ rows and c ≤ columns,
    /// the last row holding the column totals, the last column the row totals. Returns the cell index of each position.
    /// </summary>
    public static (AdditiveTable Table, int[,] Index) TwoWay(AdditiveCell[,] grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        var table = new AdditiveTable();
        int rows = grid.GetLength(0) - 1, columns = grid.GetLength(1) - 1;
        if (rows < 1 || columns < 1)
        {
            throw new ArgumentException("Eine zweidimensionale Tabelle braucht mindestens eine Zeile, eine Spalte und die Summen.", nameof(grid));
        }

        var rowNodes = Enumerable.Range(0, rows + 1).Select(_ => table.AddConstraint()).ToArray();
        var columnNodes = Enumerable.Range(0, columns + 1).Select(_ => table.AddConstraint()).ToArray();
        var index = new int[rows + 1, columns + 1];
        for (var r = 0; r <= rows; r++)
        {
            for (var c = 0; c <= columns; c++)
            {
                index[r, c] = table.AddCell(rowNodes[r], columnNodes[c], negated: (r == rows) ^ (c == columns), grid[r, c]);
            }
        }

        return (table, index);
    }

    /// <summary>A one-way line: parts and their total. Returns the indices of the parts and of the total.</summary>
    public static (AdditiveTable Table, int[] Parts, int Total) OneWay(IReadOnlyList<AdditiveCell> parts, AdditiveCell total)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var table = new AdditiveTable();
        var line = table.AddConstraint();
        var indices = parts.Select(p => table.AddCell(line, FreeNode, negated: false, p)).ToArray();
        return (table, indices, table.AddCell(line, FreeNode, negated: true, total));
    }

    internal Edge EdgeOf(int cell) => _edges[cell];

    internal IReadOnlyList<Edge> Edges => _edges;

    /// <summary>A cell as an edge of the flow graph: y = sign · x flows from <see cref="From"/> to <see cref="To"/>.</summary>
    internal readonly record struct Edge(int From, int To, int Sign, AdditiveCell Cell)
    {
        /// <summary>Whether y can grow by one: x by one in the direction of its sign, within the bounds.</summary>
        public bool CanPushForward(long lower, long? upper) => Sign > 0 ? upper is null || Cell.Value + 1 <= upper : Cell.Value - 1 >= lower;

        public bool CanPushBackward(long lower, long? upper) => Sign > 0 ? Cell.Value - 1 >= lower : upper is null || Cell.Value + 1 <= upper;
    }
}
