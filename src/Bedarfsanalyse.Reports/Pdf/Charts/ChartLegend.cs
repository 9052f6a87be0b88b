using Bedarfsanalyse.Reports.Pdf.Layout;
using ScottPlot;
using SkiaSharp;

namespace Bedarfsanalyse.Reports.Pdf.Charts;

/// <summary>
/// A legend set below the plot in the report's own text layout, left to right and wrapping, so it never covers
/// data and its height is known before the page is drawn.
/// </summary>
internal sealed class ChartLegend
{
    private const float SwatchWidth = 16f;
    private const float SwatchGap = 4f;
    private const float EntryGap = 14f;
    private const float TopGap = 4f;

    private readonly List<(LegendEntry Entry, float X, int Row)> _placed = [];
    private readonly TextStyle _style;

    public ChartLegend(IReadOnlyList<LegendEntry> entries, TextStyle style, float width)
    {
        _style = style;
        var x = 0f;
        var row = 0;
        foreach (var entry in entries)
        {
            var entryWidth = SwatchWidth + SwatchGap + style.Measure(entry.Text);
            if (x > 0 && x + entryWidth > width)
            {
                x = 0;
                row++;
            }

            _placed.Add((entry, x, row));
            x += entryWidth + EntryGap;
        }

        Height = entries.Count == 0 ? 0 : TopGap + (row + 1) * style.LineHeight;
    }

    public float Height { get; }

    public void Draw(SKCanvas canvas, float x, float y)
    {
        foreach (var (entry, entryX, row) in _placed)
        {
            var top = y + TopGap + row * _style.LineHeight;
            var middle = top + _style.LineHeight / 2;
            var left = x + entryX;
            using var paint = new SKPaint { Color = entry.Color, IsAntialias = true };
            if (entry.Line is { } pattern)
            {
                paint.Style = SKPaintStyle.Stroke;
                paint.StrokeWidth = 1.6f;
                paint.PathEffect = pattern.GetPathEffect();
                canvas.DrawLine(left, middle, left + SwatchWidth, middle, paint);
                paint.PathEffect = null;
                paint.Style = SKPaintStyle.Fill;
                DrawMarker(canvas, entry.Marker, left + SwatchWidth / 2, middle, 2.6f, paint);
            }
            else
            {
                canvas.DrawRect(left + 3, middle - 4, SwatchWidth - 6, 8, paint);
            }

            _style.Draw(canvas, entry.Text, left + SwatchWidth + SwatchGap, top + _style.BaselineOffset);
        }
    }

    private static void DrawMarker(SKCanvas canvas, MarkerShape shape, float cx, float cy, float r, SKPaint paint)
    {
        using var path = new SKPath();
        switch (shape)
        {
            case MarkerShape.FilledSquare:
                canvas.DrawRect(cx - r, cy - r, 2 * r, 2 * r, paint);
                return;
            case MarkerShape.FilledTriangleUp:
                path.MoveTo(cx, cy - r * 1.2f);
                path.LineTo(cx + r * 1.1f, cy + r * 0.8f);
                path.LineTo(cx - r * 1.1f, cy + r * 0.8f);
                break;
            case MarkerShape.FilledDiamond:
                path.MoveTo(cx, cy - r * 1.3f);
                path.LineTo(cx + r * 1.3f, cy);
                path.LineTo(cx, cy + r * 1.3f);
                path.LineTo(cx - r * 1.3f, cy);
                break;
            case MarkerShape.None:
                return;
            default:
                canvas.DrawCircle(cx, cy, r, paint);
                return;
        }

        path.Close();
        canvas.DrawPath(path, paint);
    }
}
