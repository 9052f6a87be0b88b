namespace Bedarfsanalyse.Reports.Pdf;

/// <summary>
/// A table column. Widths follow the content; <paramref name="Weight"/> says which columns get more of the room
/// that is left over or must be given up.
/// </summary>
public sealed record TableColumn(string Header, ColumnAlignment Alignment = ColumnAlignment.Left, float Weight = 1f)
{
    /// <summary>A right-aligned column for figures.</summary>
    public static TableColumn Numeric(string header, float weight = 1f) => new(header, ColumnAlignment.Right, weight);
}
