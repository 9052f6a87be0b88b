using Bedarfsanalyse.Reports.Pdf.Layout;
using ScottPlot;

namespace Bedarfsanalyse.Reports.Pdf.Charts;

/// <summary>
/// A chart in the flow: a bold title (with footnote numbers), the plot drawn as vectors by ScottPlot, an optional
/// legend and a small note (base, interval, symbols). Title, plot and note stay on one page.
/// </summary>
public abstract class ChartBlock : Block
{
    private protected ChartBlock(string title)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        Title = title;
    }

    public string Title { get; }

    public IReadOnlyList<Footnote> Footnotes { get; init; } = [];

    /// <summary>Small line below the chart, e.g. "Anteil der Betriebe in %; Linien: 95-%-Konfidenzintervall".</summary>
    public string? Note { get; init; }

    /// <summary>Height of the plot area in points for the given width.</summary>
    internal abstract float PlotHeight(LayoutContext context, float width);

    internal abstract Plot CreatePlot(LayoutContext context, float width, float height);

    internal virtual IReadOnlyList<LegendEntry> LegendEntries(Theme theme) => [];

    internal override IReadOnlyList<FlowItem> Layout(LayoutContext context)
    {
        var styles = context.Styles;
        var theme = context.Theme;
        var width = context.Width;
        var items = context.LineItems(context.SetText([Title, .. Footnotes], styles.Caption, width), styles.Caption);
        items.ForEach(item => item.KeepWithNext = true);

        var plotHeight = PlotHeight(context, width);
        var legend = new ChartLegend(LegendEntries(theme), styles.ChartText, width);
        var chart = new FlowItem(plotHeight + legend.Height, (canvas, x, y) =>
        {
            PlotRenderer.Render(CreatePlot(context, width, plotHeight), canvas, x, y, width, plotHeight);
            legend.Draw(canvas, x, y + plotHeight);
        })
        {
            SpaceBefore = theme.CaptionGap,
        };
        items.Add(chart);

        if (Note is not null)
        {
            chart.KeepWithNext = true;
            var note = context.LineItems(context.SetText(Note, styles.Note, width), styles.Note);
            note[0].SpaceBefore = theme.CaptionGap;
            note.SkipLast(1).ToList().ForEach(item => item.KeepWithNext = true);
            items.AddRange(note);
        }

        return items;
    }
}
