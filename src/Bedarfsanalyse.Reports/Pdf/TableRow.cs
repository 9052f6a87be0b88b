namespace Bedarfsanalyse.Reports.Pdf;

/// <summary>One row of cells as they are to be printed (already formatted, symbols included); a total row is set in bold.</summary>
public sealed record TableRow(IReadOnlyList<string> Cells, bool IsTotal = false);
