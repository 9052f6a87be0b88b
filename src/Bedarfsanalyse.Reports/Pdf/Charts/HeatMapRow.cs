namespace Bedarfsanalyse.Reports.Pdf.Charts;

/// <summary>One row of a heat map (e.g. a topic) with one cell per column (e.g. a respondent group).</summary>
public sealed record HeatMapRow(string Label, IReadOnlyList<HeatMapCell> Cells);
