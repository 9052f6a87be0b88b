using SkiaSharp;

namespace Bedarfsanalyse.Reports.Pdf.Layout;

/// <summary>A typeface at one size and colour, with the line height text of this style is set in.</summary>
internal sealed class TextStyle : IDisposable
{
    private readonly SKFont _font;
    private readonly SKPaint _paint;

    public TextStyle(SKTypeface typeface, float size, SKColor color, float lineSpacing)
    {
        // Unhinted, fractional advances: what is measured here is exactly what the PDF positions.
        _font = new SKFont(typeface, size) { Subpixel = true, Hinting = SKFontHinting.None, LinearMetrics = true, Edging = SKFontEdging.Antialias };
        _paint = new SKPaint { Color = color, IsAntialias = true, Style = SKPaintStyle.Fill };
        Size = size;
        LineHeight = size * lineSpacing;
        var metrics = _font.Metrics;
        var glyphHeight = metrics.Descent - metrics.Ascent;
        BaselineOffset = (LineHeight - glyphHeight) / 2 - metrics.Ascent;
        SpaceWidth = Measure(" ");
    }

    public float Size { get; }

    public float LineHeight { get; }

    /// <summary>Distance from the top of a line box to the baseline.</summary>
    public float BaselineOffset { get; }

    public float SpaceWidth { get; }

    public SKColor Color => _paint.Color;

    public float Measure(string text) => text.Length == 0 ? 0 : _font.MeasureText(text);

    public void Draw(SKCanvas canvas, string text, float x, float baselineY)
    {
        if (text.Length > 0)
        {
            canvas.DrawText(text, x, baselineY, SKTextAlign.Left, _font, _paint);
        }
    }

    public void Dispose()
    {
        _font.Dispose();
        _paint.Dispose();
    }
}
