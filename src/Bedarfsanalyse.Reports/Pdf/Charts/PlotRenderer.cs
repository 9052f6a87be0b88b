using ScottPlot;
using ScottPlot.Rendering.RenderActions;
using SkiaSharp;

namespace Bedarfsanalyse.Reports.Pdf.Charts;

/// <summary>Draws a ScottPlot plot as vectors into a rectangle of a PDF page.</summary>
internal static class PlotRenderer
{
    public static void Render(Plot plot, SKCanvas canvas, float x, float y, float width, float height)
    {
        var w = (int)Math.Floor(width);
        var h = (int)Math.Floor(height);

        // ScottPlot clears the whole canvas before it draws, which on a PDF page erases everything drawn so far.
        plot.RenderManager.RenderActions.RemoveAll(action => action is ClearCanvas);

        // The first render of a plot lays it out and then renders a second time; on a PDF page both would stay,
        // every label twice. Settling the layout on a canvas that draws nothing leaves one render for the page.
        using (var settle = new SKNoDrawCanvas(w, h))
        {
            plot.Render(settle, w, h);
        }

        canvas.Save();
        canvas.Translate(x, y);
        canvas.ClipRect(new SKRect(0, 0, w, h));
        plot.Render(canvas, w, h);
        canvas.Restore();
    }
}
