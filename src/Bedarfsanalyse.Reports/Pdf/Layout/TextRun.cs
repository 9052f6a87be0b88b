namespace Bedarfsanalyse.Reports.Pdf.Layout;

/// <summary>Text within a word: plain, or a raised footnote number.</summary>
internal readonly record struct TextRun(string Text, bool IsMarker);
