namespace Bedarfsanalyse.Reports.Pdf.Charts;

/// <summary>A share in percent, or none with the symbol shown instead ("." or "/"); "( )" puts the value in brackets.</summary>
public sealed record HeatMapCell(double? Value, string? Symbol = null);
