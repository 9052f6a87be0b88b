namespace Bedarfsanalyse.Reports.Pdf;

public enum ParagraphStyle
{
    /// <summary>Running text.</summary>
    Body,

    /// <summary>Smaller, muted text: sources, bases, methodological remarks.</summary>
    Note,
}
