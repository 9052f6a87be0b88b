namespace Bedarfsanalyse.Reports.Pdf.Layout;

/// <summary>Text between two places where a line may break; <see cref="IsLineBreak"/> marks a forced break.</summary>
internal sealed class Word
{
    public static readonly Word LineBreak = new([], 0, [], isLineBreak: true);

    public Word(IReadOnlyList<TextRun> runs, float width, IReadOnlyList<int> footnoteNumbers, bool isLineBreak = false)
    {
        Runs = runs;
        Width = width;
        FootnoteNumbers = footnoteNumbers;
        IsLineBreak = isLineBreak;
    }

    public IReadOnlyList<TextRun> Runs { get; }

    public float Width { get; }

    public IReadOnlyList<int> FootnoteNumbers { get; }

    public bool IsLineBreak { get; }

    public string Text => string.Concat(Runs.Where(r => !r.IsMarker).Select(r => r.Text));
}
