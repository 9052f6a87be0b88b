using Bedarfsanalyse.Core.Formatting;
using Bedarfsanalyse.Reports.Pdf.Layout;
using ScottPlot;

namespace Bedarfsanalyse.Reports.Pdf.Charts;

/// <summary>
/// Horizontal bars split into ordered segments that add up to 100 % (e.g. urgency "jetzt / in 1–2 Jahren /
/// in 3–5 Jahren"), in shades of one colour from dark to light, with the share written into wide enough segments.
/// More bars than fit on one page are split into parts with the same row height, each with the legend.
/// </summary>
public sealed class StackedBarChartBlock : ChartBlock
{
    private const float AxisArea = 30f;

    public StackedBarChartBlock(string title, IReadOnlyList<string> segmentNames, IReadOnlyList<StackedBarItem> items)
        : base(title)
    {
        if (items.Count == 0 || segmentNames.Count == 0)
        {
            throw new ArgumentException("Ein gestapeltes Balkendiagramm braucht Balken und Segmente.", nameof(items));
        }

        foreach (var item in items.Where(i => i.Values.Count > 0 && i.Values.Count != segmentNames.Count))
        {
            throw new ArgumentException($"„{item.Label}“ hat {item.Values.Count} Werte für {segmentNames.Count} Segmente.", nameof(items));
        }

        SegmentNames = segmentNames;
        Items = items;
    }

    public IReadOnlyList<string> SegmentNames { get; }

    public IReadOnlyList<StackedBarItem> Items { get; }

    public string AxisLabel { get; init; } = "Anteil in %";

    /// <summary>Segments narrower than this share (in percentage points) carry no number.</summary>
    public double MinimumLabelledShare { get; init; } = 7;

    /// <summary>Set on the parts of a split chart: all share the whole chart's row height.</summary>
    private float? SharedRowHeight { get; init; }

    internal override float PlotHeight(LayoutContext context, float width) =>
        Items.Count * RowHeight(context, width) + AxisArea;

    private float RowHeight(LayoutContext context, float width) =>
        SharedRowHeight ?? ChartLabels.RowHeight(Labels(context, width), context.Styles.ChartText);

    /// <summary>A chart with more bars than fit on one page continues on the next, like <see cref="BarChartBlock"/>.</summary>
    internal override IReadOnlyList<FlowItem> Layout(LayoutContext context)
    {
        if (SharedRowHeight is not null)
        {
            return base.Layout(context);
        }

        var rowHeight = RowHeight(context, context.Width);
        return SplitIntoParts(context, Items.Count, rowHeight, AxisArea, (first, count) => new StackedBarChartBlock(PartTitle(first), SegmentNames, Items.Skip(first).Take(count).ToList())
        {
            AxisLabel = AxisLabel,
            MinimumLabelledShare = MinimumLabelledShare,
            ContinuationSuffix = ContinuationSuffix,
            Footnotes = first == 0 ? Footnotes : [],
            Note = first + count == Items.Count ? Note : null,
            SharedRowHeight = rowHeight,
        }) ?? base.Layout(context);
    }

    private List<string> Labels(LayoutContext context, float width) =>
        Items.Select(i => ChartLabels.Wrap(ChartLabels.WithN(i.Label, i.N), context.Styles.ChartText, width * 0.36f)).ToList();

    internal override IReadOnlyList<LegendEntry> LegendEntries(Theme theme) =>
        SegmentNames.Select((name, s) => new LegendEntry(name, SegmentColor(theme, s))).ToList();

    private static SkiaSharp.SKColor SegmentColor(Theme theme, int segment) => theme.OrdinalColors[segment % theme.OrdinalColors.Count];

    internal override Plot CreatePlot(LayoutContext context, float width, float height)
    {
        var theme = context.Theme;
        var plot = PlotStyle.Create(theme);
        var labels = Labels(context, width);
        var positions = Enumerable.Range(0, Items.Count).Select(i => (double)(Items.Count - 1 - i)).ToArray();
        var bars = new List<Bar>();
        var segmentLabels = new List<(string Text, double X, double Y, SkiaSharp.SKColor Color)>();

        for (var i = 0; i < Items.Count; i++)
        {
            var item = Items[i];
            if (item.Values.Count == 0)
            {
                PlotStyle.AddText(plot, theme, string.IsNullOrWhiteSpace(item.Symbol) ? "–" : item.Symbol, 0, positions[i], Alignment.MiddleLeft, theme.MutedTextColor, offsetX: 4);
                continue;
            }

            var start = 0.0;
            for (var s = 0; s < item.Values.Count; s++)
            {
                var value = item.Values[s];
                var color = SegmentColor(theme, s);
                bars.Add(new Bar
                {
                    Position = positions[i],
                    ValueBase = start,
                    Value = start + value,
                    Size = 0.62,
                    FillColor = PlotStyle.ToPlot(color),
                    LineColor = Colors.White,
                    LineWidth = 0.75f,
                    Orientation = Orientation.Horizontal,
                });
                if (value >= MinimumLabelledShare)
                {
                    var textColor = Contrast.IsDark(color) ? SkiaSharp.SKColors.White : theme.TextColor;
                    segmentLabels.Add((GermanFigureFormat.Percent(value / 100.0, 0), start + value / 2, positions[i], textColor));
                }

                start += value;
            }
        }

        if (bars.Count > 0)
        {
            plot.Add.Bars(bars).Horizontal = true;
        }

        // Added after the bars, because ScottPlot draws in the order plottables were added.
        foreach (var (text, x, y, color) in segmentLabels)
        {
            PlotStyle.AddText(plot, theme, text, x, y, Alignment.MiddleCenter, color);
        }

        plot.Axes.Left.SetTicks(positions, labels.ToArray());
        plot.Axes.Left.MajorTickStyle.Length = 0;
        var (ticks, tickLabels) = PlotStyle.PercentTicks(100);
        plot.Axes.Bottom.SetTicks(ticks, tickLabels);
        plot.Axes.Bottom.Label.Text = AxisLabel;
        plot.Grid.YAxisStyle.IsVisible = false;
        plot.Grid.IsBeneathPlottables = true;
        plot.Axes.SetLimits(0, 100, -0.6, Items.Count - 0.4);
        return plot;
    }
}
