namespace Bedarfsanalyse.Reports.Pdf;

/// <summary>
/// A footnote: its number is written (raised) where it stands and its text at the foot of the same page.
/// Numbers run through the whole document.
/// </summary>
public sealed record Footnote(string Text) : TextPart;
