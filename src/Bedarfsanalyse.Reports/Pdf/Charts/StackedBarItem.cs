namespace Bedarfsanalyse.Reports.Pdf.Charts;

/// <summary>
/// One stacked bar: the shares in percent of each segment, in the order of the chart's segment names, and the
/// unweighted n. Without values (suppressed) the bar is left out and <paramref name="Symbol"/> stands in its place.
/// </summary>
public sealed record StackedBarItem(string Label, int N, IReadOnlyList<double> Values, string? Symbol = null);
