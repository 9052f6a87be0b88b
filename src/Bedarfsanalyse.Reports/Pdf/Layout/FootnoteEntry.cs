using SkiaSharp;

namespace Bedarfsanalyse.Reports.Pdf.Layout;

/// <summary>A numbered footnote set to the content width, ready to be drawn at the foot of a page.</summary>
internal sealed class FootnoteEntry
{
    private readonly Action<SKCanvas, float, float> _draw;

    public FootnoteEntry(int number, float height, Action<SKCanvas, float, float> draw)
    {
        Number = number;
        Height = height;
        _draw = draw;
    }

    public int Number { get; }

    public float Height { get; }

    public void Draw(SKCanvas canvas, float x, float y) => _draw(canvas, x, y);
}
