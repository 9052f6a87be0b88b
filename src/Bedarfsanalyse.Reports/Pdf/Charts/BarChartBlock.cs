using Bedarfsanalyse.Reports.Pdf.Layout;
using ScottPlot;

namespace Bedarfsanalyse.Reports.Pdf.Charts;

/// <summary>
/// Horizontal bars of shares, top to bottom in the given order (e.g. the ten most needed topics), each with its
/// 95-% interval as a whisker, its n in the label and its value written beside it. A chart with more bars than fit on
/// one page is split into parts on the same scale, the later ones titled as continuation, so no plot ever runs over
/// the footer (45 districts in the regional comparison).
/// </summary>
public sealed class BarChartBlock : ChartBlock
{
    private const float AxisArea = 30f;

    public BarChartBlock(string title, IReadOnlyList<BarChartItem> items)
        : base(title)
    {
        if (items.Count == 0)
        {
            throw new ArgumentException("Ein Balkendiagramm braucht mindestens einen Balken.", nameof(items));
        }

        Items = items;
    }

    public IReadOnlyList<BarChartItem> Items { get; }

    /// <summary>Set on the parts of a split chart: all share the whole chart's scale and row height.</summary>
    private double? SharedMaximum { get; init; }

    private float? SharedRowHeight { get; init; }

    public string AxisLabel { get; init; } = "Anteil in %";

    /// <summary>Decimals of the values written beside the bars.</summary>
    public int Decimals { get; init; } = 1;

    internal override float PlotHeight(LayoutContext context, float width) =>
        Items.Count * RowHeight(context, width) + AxisArea;

    private float RowHeight(LayoutContext context, float width) =>
        SharedRowHeight ?? ChartLabels.RowHeight(Labels(context, width), context.Styles.ChartText);

    internal override IReadOnlyList<FlowItem> Layout(LayoutContext context)
    {
        if (SharedRowHeight is not null)
        {
            return base.Layout(context);
        }

        var width = context.Width;
        var rowHeight = RowHeight(context, width);
        var maximum = Maximum(context, width, Items);
        return SplitIntoParts(context, Items.Count, rowHeight, AxisArea, (first, count) => new BarChartBlock(PartTitle(first), Items.Skip(first).Take(count).ToList())
        {
            AxisLabel = AxisLabel,
            Decimals = Decimals,
            ContinuationSuffix = ContinuationSuffix,
            Footnotes = first == 0 ? Footnotes : [],
            Note = first + count == Items.Count ? Note : null,
            SharedMaximum = maximum,
            SharedRowHeight = rowHeight,
        }) ?? base.Layout(context);
    }

    private double Maximum(LayoutContext context, float width, IReadOnlyList<BarChartItem> items)
    {
        var text = context.Styles.ChartText;
        var labels = Labels(context, width);
        var valueTexts = items.Select(i => ChartSymbols.Display(i.Value, i.Symbol, Decimals, mark: i.Mark)).ToList();

        // Room on the right for the value written after the whisker, in data units.
        var dataWidth = width - ChartLabels.WidestLine(labels, text) - 20f;
        var valueRoom = (valueTexts.Max(text.Measure) + 10f) / dataWidth;
        // Where every bar is hidden the axis spans the whole scale, not a meaningless 0–1 %.
        var extent = items.Any(i => i.Value is not null) ? items.Select(i => Math.Max(i.Upper ?? 0, i.Value ?? 0)).Max() : 100;
        return Math.Max(extent, 1) / (1 - Math.Min(valueRoom * 1.08, 0.6));
    }

    private List<string> Labels(LayoutContext context, float width) =>
        Items.Select(i => ChartLabels.Wrap(ChartLabels.WithN(i.Label, i.N), context.Styles.ChartText, width * 0.36f)).ToList();

    internal override Plot CreatePlot(LayoutContext context, float width, float height)
    {
        var theme = context.Theme;
        var text = context.Styles.ChartText;
        var plot = PlotStyle.Create(theme);
        var labels = Labels(context, width);
        var positions = Enumerable.Range(0, Items.Count).Select(i => (double)(Items.Count - 1 - i)).ToArray();
        var valueTexts = Items.Select(i => ChartSymbols.Display(i.Value, i.Symbol, Decimals, mark: i.Mark)).ToList();
        var maximum = SharedMaximum ?? Maximum(context, width, Items);

        var bars = new List<Bar>();
        var whiskered = new List<int>();
        for (var i = 0; i < Items.Count; i++)
        {
            var item = Items[i];
            if (item.Value is { } value)
            {
                bars.Add(new Bar
                {
                    Position = positions[i],
                    Value = value,
                    Size = 0.62,
                    FillColor = PlotStyle.ToPlot(theme.BarColor),
                    LineWidth = 0,
                    Orientation = Orientation.Horizontal,
                });
                if (item.Lower is not null && item.Upper is not null)
                {
                    whiskered.Add(i);
                }
            }
        }

        if (bars.Count > 0)
        {
            var barPlot = plot.Add.Bars(bars);
            barPlot.Horizontal = true;
        }

        if (whiskered.Count > 0)
        {
            var whiskers = plot.Add.ErrorBar(
                whiskered.Select(i => Items[i].Value!.Value).ToList(),
                whiskered.Select(i => positions[i]).ToList(),
                whiskered.Select(_ => 0.0).ToList());
            whiskers.YErrorPositive = null!;
            whiskers.YErrorNegative = null!;
            whiskers.XErrorPositive = whiskered.Select(i => Items[i].Upper!.Value - Items[i].Value!.Value).ToList();
            whiskers.XErrorNegative = whiskered.Select(i => Items[i].Value!.Value - Items[i].Lower!.Value).ToList();
            whiskers.Color = PlotStyle.ToPlot(theme.WhiskerColor);
            whiskers.LineWidth = 1f;
            whiskers.CapSize = 5;
        }

        // Values after the whiskers, added last because ScottPlot draws in the order plottables were added.
        for (var i = 0; i < Items.Count; i++)
        {
            var item = Items[i];
            var anchor = Math.Max(item.Upper ?? 0, item.Value ?? 0);
            PlotStyle.AddText(plot, theme, valueTexts[i], anchor, positions[i], Alignment.MiddleLeft,
                item.Value is null ? theme.MutedTextColor : theme.TextColor, offsetX: 4);
        }

        var left = plot.Axes.Left;
        left.SetTicks(positions, labels.ToArray());
        left.MajorTickStyle.Length = 0;
        var (ticks, tickLabels) = PlotStyle.PercentTicks(maximum);
        plot.Axes.Bottom.SetTicks(ticks, tickLabels);
        plot.Axes.Bottom.Label.Text = AxisLabel;
        plot.Grid.YAxisStyle.IsVisible = false;
        plot.Axes.SetLimits(0, maximum, -0.6, Items.Count - 0.4);
        return plot;
    }
}
