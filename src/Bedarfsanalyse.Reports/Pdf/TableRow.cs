namespace Bedarfsanalyse.Reports.Pdf;

/// <summary>
/// One row of cells as they are to be printed (already formatted, symbols included). A total row is set in bold under a
/// rule; an emphasised row (the report's own district among the others) is set in bold so a reader finds it.
/// </summary>
public sealed record TableRow(IReadOnlyList<string> Cells, bool IsTotal = false, bool IsEmphasised = false)
{
    internal bool IsBold => IsTotal || IsEmphasised;
}
