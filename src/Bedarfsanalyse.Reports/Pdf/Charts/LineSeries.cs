namespace Bedarfsanalyse.Reports.Pdf.Charts;

/// <summary>One line of a trend chart: a value in percent per period, null where a period has no value (a gap).</summary>
public sealed record LineSeries(string Name, IReadOnlyList<double?> Values);
