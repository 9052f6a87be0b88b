using Bedarfsanalyse.Core.Formatting;
using ScottPlot;
using SkiaSharp;

namespace Bedarfsanalyse.Reports.Pdf.Charts;

/// <summary>Gives every plot the report's font, sizes and quiet colours: thin rules, light grid, no frame on top and right.</summary>
internal static class PlotStyle
{
    public static Color ToPlot(SKColor color) => Color.FromSKColor(color);

    public static Plot Create(Theme theme)
    {
        var plot = new Plot();
        plot.FigureBackground.Color = Colors.Transparent;
        plot.DataBackground.Color = Colors.Transparent;
        foreach (var axis in plot.Axes.GetAxes())
        {
            StyleLabel(axis.TickLabelStyle, theme, theme.TextColor);
            StyleLabel(axis.Label, theme, theme.MutedTextColor);
            axis.MajorTickStyle.Color = ToPlot(theme.RuleColor);
            axis.MajorTickStyle.Length = 3;
            axis.MajorTickStyle.Width = 0.6f;
            axis.MinorTickStyle.Length = 0;
            axis.FrameLineStyle.Color = ToPlot(theme.RuleColor);
            axis.FrameLineStyle.Width = 0.75f;
        }

        plot.Axes.Top.FrameLineStyle.Width = 0;
        plot.Axes.Right.FrameLineStyle.Width = 0;
        plot.Grid.MajorLineColor = ToPlot(theme.GridColor);
        plot.Grid.MajorLineWidth = 0.6f;
        plot.Grid.MinorLineWidth = 0;
        return plot;
    }

    public static void StyleLabel(LabelStyle label, Theme theme, SKColor color, bool bold = false)
    {
        label.FontName = theme.Fonts.ChartFontName;
        label.FontSize = theme.ChartTextSize;
        label.Bold = bold;
        label.ForeColor = ToPlot(color);
    }

    /// <summary>Text placed in data coordinates, in the report's chart font.</summary>
    public static ScottPlot.Plottables.Text AddText(Plot plot, Theme theme, string text, double x, double y, Alignment alignment, SKColor color, float offsetX = 0)
    {
        var label = plot.Add.Text(text, x, y);
        StyleLabel(label.LabelStyle, theme, color);
        label.LabelStyle.Alignment = alignment;
        label.LabelStyle.OffsetX = offsetX;
        return label;
    }

    /// <summary>Ticks for shares: 0 % up to at most 100 %, five or six of them.</summary>
    public static (double[] Positions, string[] Labels) PercentTicks(double maximum)
    {
        var top = Math.Min(maximum, 100);
        var step = new[] { 1.0, 2, 2.5, 5, 10, 20, 25 }.FirstOrDefault(s => top / s <= 6, 25);
        var positions = Enumerable.Range(0, (int)Math.Floor(top / step + 1e-9) + 1).Select(i => i * step).ToArray();
        return (positions, positions.Select(PercentTick).ToArray());
    }

    /// <summary>Axis ticks show decimals only where a tick needs them: "0 %", "12,5 %".</summary>
    private static string PercentTick(double percent)
    {
        var decimals = Math.Abs(percent - Math.Round(percent)) < 1e-9 ? 0 : 1;
        return GermanFigureFormat.Percent(percent / 100.0, decimals);
    }
}
