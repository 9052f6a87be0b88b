namespace Bedarfsanalyse.Reports.Pdf;

public sealed record PlainText(string Text) : TextPart;
