namespace Bedarfsanalyse.Reports.Pdf.Charts;

/// <summary>
/// A share in percent, or none with the symbol shown instead ("." or "/"); "( )" puts the value in brackets and
/// <paramref name="Mark"/> ("p" provisional, "r" revised) follows a shown value.
/// </summary>
public sealed record HeatMapCell(double? Value, string? Symbol = null, string? Mark = null);
