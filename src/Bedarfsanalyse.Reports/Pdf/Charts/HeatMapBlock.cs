using Bedarfsanalyse.Reports.Pdf.Layout;
using ScottPlot;
using SkiaSharp;

namespace Bedarfsanalyse.Reports.Pdf.Charts;

/// <summary>
/// A heat map of shares, e.g. topic × respondent group: each cell is shaded from light (0 %) to dark
/// (<see cref="ScaleMaximum"/>) and carries its value; suppressed cells are grey and show their symbol.
/// Drawn as rectangles, so it stays vector and sharp at any zoom. A heat map with more rows than fit on one page is
/// split into parts of about equal length, each with the column labels above it and the later ones titled as
/// continuation, all with the whole map's column widths and row height (ADR 0032).
/// </summary>
public sealed class HeatMapBlock : ChartBlock
{
    public HeatMapBlock(string title, IReadOnlyList<string> columns, IReadOnlyList<HeatMapRow> rows)
        : base(title)
    {
        if (columns.Count == 0 || rows.Count == 0)
        {
            throw new ArgumentException("Eine Heatmap braucht Zeilen und Spalten.", nameof(rows));
        }

        foreach (var row in rows.Where(r => r.Cells.Count != columns.Count))
        {
            throw new ArgumentException($"„{row.Label}“ hat {row.Cells.Count} Zellen für {columns.Count} Spalten.", nameof(rows));
        }

        Columns = columns;
        Rows = rows;
    }

    public IReadOnlyList<string> Columns { get; }

    public IReadOnlyList<HeatMapRow> Rows { get; }

    public int Decimals { get; init; } = 1;

    /// <summary>The share shown in the darkest colour.</summary>
    public double ScaleMaximum { get; init; } = 100;

    /// <summary>Set on the parts of a split heat map: the whole map's column widths, row height and row labels of the part.</summary>
    private Geometry? SharedGeometry { get; init; }

    internal override float PlotHeight(LayoutContext context, float width)
    {
        var geometry = Measure(context, width);
        return Rows.Count * geometry.RowHeight + HeaderHeight(context, geometry);
    }

    private static float HeaderHeight(LayoutContext context, Geometry geometry) =>
        ChartLabels.MostLines(geometry.ColumnLabels) * context.Styles.ChartText.LineHeight + 12f;

    internal override IReadOnlyList<FlowItem> Layout(LayoutContext context)
    {
        if (SharedGeometry is not null)
        {
            return base.Layout(context);
        }

        var geometry = Measure(context, context.Width);
        return SplitIntoParts(context, Rows.Count, geometry.RowHeight, HeaderHeight(context, geometry), (first, count) => new HeatMapBlock(PartTitle(first), Columns, Rows.Skip(first).Take(count).ToList())
        {
            Decimals = Decimals,
            ScaleMaximum = ScaleMaximum,
            ContinuationSuffix = ContinuationSuffix,
            Footnotes = first == 0 ? Footnotes : [],
            Note = first + count == Rows.Count ? Note : null,
            SharedGeometry = geometry with { RowLabels = geometry.RowLabels.GetRange(first, count) },
        }) ?? base.Layout(context);
    }

    internal override Plot CreatePlot(LayoutContext context, float width, float height)
    {
        var theme = context.Theme;
        var plot = PlotStyle.Create(theme);
        var geometry = Measure(context, width);
        var edges = new double[Columns.Count + 1];
        for (var c = 0; c < Columns.Count; c++)
        {
            edges[c + 1] = edges[c] + geometry.ColumnWidths[c];
        }

        for (var r = 0; r < Rows.Count; r++)
        {
            var y = Rows.Count - 1 - r;
            for (var c = 0; c < Columns.Count; c++)
            {
                var cell = Rows[r].Cells[c];
                var fill = cell.Value is { } value ? Shade(theme, value) : theme.SuppressedFill;
                var rectangle = plot.Add.Rectangle(edges[c], edges[c + 1], y, y + 1);
                rectangle.FillColor = PlotStyle.ToPlot(fill);
                rectangle.LineColor = Colors.White;
                rectangle.LineWidth = 1.5f;
                var textColor = cell.Value is null ? theme.MutedTextColor : Contrast.IsDark(fill) ? SKColors.White : theme.TextColor;
                PlotStyle.AddText(plot, theme, ChartSymbols.Display(cell.Value, cell.Symbol, Decimals, mark: cell.Mark), (edges[c] + edges[c + 1]) / 2, y + 0.5, Alignment.MiddleCenter, textColor);
            }
        }

        var rowPositions = Enumerable.Range(0, Rows.Count).Select(r => Rows.Count - 1 - r + 0.5).ToArray();
        plot.Axes.Left.SetTicks(rowPositions, geometry.RowLabels.ToArray());
        plot.Axes.Top.SetTicks(Enumerable.Range(0, Columns.Count).Select(c => (edges[c] + edges[c + 1]) / 2).ToArray(), geometry.ColumnLabels.ToArray());
        plot.Axes.Bottom.IsVisible = false;
        foreach (var axis in new IAxis[] { plot.Axes.Left, plot.Axes.Top })
        {
            axis.MajorTickStyle.Length = 0;
            axis.FrameLineStyle.Width = 0;
        }

        plot.Axes.Bottom.FrameLineStyle.Width = 0;
        plot.Grid.IsVisible = false;
        plot.Axes.SetLimits(0, edges[^1], 0, Rows.Count);

        // The column labels sit on the top axis, which has a range of its own.
        plot.Axes.SetLimitsX(0, edges[^1], plot.Axes.Top);
        return plot;
    }

    /// <summary>
    /// Column widths that keep every word of a column label whole where the page allows it: columns are as
    /// equal as possible but never narrower than their longest word; row labels give up width first.
    /// </summary>
    private Geometry Measure(LayoutContext context, float width)
    {
        if (SharedGeometry is not null)
        {
            return SharedGeometry;
        }

        var style = context.Styles.ChartText;
        const float Gap = 16f;
        const float CellPadding = 10f;
        var cellText = Rows.SelectMany(r => r.Cells).Select(c => style.Measure(ChartSymbols.Display(c.Value, c.Symbol, Decimals, mark: c.Mark))).Max();
        var columnMinimum = Columns.Select(c => Math.Max(LongestWord(c, style), cellText) + CellPadding).ToArray();

        var rowLabelWidth = Math.Min(Rows.Select(r => style.Measure(r.Label)).Max(), width * 0.36f);
        var rowLabelFloor = Rows.Select(r => LongestWord(r.Label, style)).Max();
        if (columnMinimum.Sum() + rowLabelWidth + Gap > width)
        {
            rowLabelWidth = Math.Max(rowLabelFloor, width - Gap - columnMinimum.Sum());
        }

        var available = Math.Max(width - rowLabelWidth - Gap, columnMinimum.Sum() * 0.5f);
        var columnWidths = EvenOut(columnMinimum, available);
        var rowLabels = Rows.Select(r => ChartLabels.Wrap(r.Label, style, rowLabelWidth)).ToList();
        var columnLabels = Columns.Select((c, i) => ChartLabels.Wrap(c, style, columnWidths[i] - CellPadding + 2f)).ToList();
        var rowHeight = Math.Max(19f, ChartLabels.MostLines(rowLabels) * style.LineHeight + 6f);
        return new Geometry(columnWidths, rowLabels, columnLabels, rowHeight);
    }

    /// <summary>Raises the narrowest columns first until the width is used up (water filling).</summary>
    private static float[] EvenOut(float[] minimum, float available)
    {
        if (minimum.Sum() >= available)
        {
            return minimum.Select(m => m * available / minimum.Sum()).ToArray();
        }

        var level = minimum.Min();
        var step = (available - minimum.Sum()) / 64f;
        while (minimum.Sum(m => Math.Max(m, level + step)) <= available)
        {
            level += step;
        }

        var widths = minimum.Select(m => Math.Max(m, level)).ToArray();
        var rest = (available - widths.Sum()) / widths.Length;
        return widths.Select(w => w + rest).ToArray();
    }

    private static float LongestWord(string text, Layout.TextStyle style) =>
        text.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(style.Measure).DefaultIfEmpty(0).Max();

    private sealed record Geometry(float[] ColumnWidths, List<string> RowLabels, List<string> ColumnLabels, float RowHeight);

    private SKColor Shade(Theme theme, double value)
    {
        var t = (float)Math.Clamp(value / ScaleMaximum, 0, 1);
        var low = theme.HeatLowColor;
        var high = theme.HeatHighColor;
        return new SKColor(
            (byte)Math.Round(low.Red + (high.Red - low.Red) * t),
            (byte)Math.Round(low.Green + (high.Green - low.Green) * t),
            (byte)Math.Round(low.Blue + (high.Blue - low.Blue) * t));
    }
}
