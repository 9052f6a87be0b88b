namespace Bedarfsanalyse.Reports.Pdf;

/// <summary>
/// One key-figure tile: the big number as it is to be printed ("42,5 %", "1.234", "."), what it is, and a small
/// note such as "n = 134" or the basis; an optional footnote is numbered after the label.
/// </summary>
public sealed record KeyFigure(string Value, string Label, string? Note = null, Footnote? Footnote = null);
