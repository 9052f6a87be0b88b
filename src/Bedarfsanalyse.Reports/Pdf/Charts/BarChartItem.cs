namespace Bedarfsanalyse.Reports.Pdf.Charts;

/// <summary>
/// One bar: a share in percent (0–100) with its 95-% interval and unweighted n. Without a value the bar is left
/// out and <paramref name="Symbol"/> stands in its place; with the symbol "( )" the value is shown in brackets, and
/// <paramref name="Mark"/> ("p" provisional, "r" revised) follows a shown value.
/// </summary>
public sealed record BarChartItem(string Label, double? Value, int N, double? Lower = null, double? Upper = null, string? Symbol = null, string? Mark = null);
