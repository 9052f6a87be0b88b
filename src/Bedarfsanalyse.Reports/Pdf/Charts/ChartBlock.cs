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

    /// <summary>Appended to the title of each part after the first when a chart of rows continues on the next page.</summary>
    public string ContinuationSuffix { get; init; } = " (Fortsetzung)";

    /// <summary>Height of the plot area in points for the given width.</summary>
    internal abstract float PlotHeight(LayoutContext context, float width);

    internal abstract Plot CreatePlot(LayoutContext context, float width, float height);

    internal virtual IReadOnlyList<LegendEntry> LegendEntries(Theme theme) => [];

    /// <summary>
    /// A chart of rows (bars, stacked bars, heat-map rows) taller than a page, as parts of about equal length rather than
    /// a full page and a stub; null when it fits on one page. Each part is a chart of its own rows drawn with the whole
    /// chart's row height and scale (made by <paramref name="part"/>: first row, row count), so the rows line up across
    /// pages; the later parts are titled as continuation, only the first carries the footnotes, only the last the note.
    /// </summary>
    /// <param name="fixedHeight">The plot's height besides its rows: axis, column labels.</param>
    private protected List<FlowItem>? SplitIntoParts(LayoutContext context, int rows, float rowHeight, float fixedHeight, Func<int, int, ChartBlock> part)
    {
        var styles = context.Styles;
        var width = context.Width;

        // Room for the rows on an otherwise empty page: the title, legend, note and the gaps around the plot stay with them.
        var titleLines = context.SetText(Title + ContinuationSuffix, styles.Caption, width).Count;
        var noteLines = Note is null ? 0 : context.SetText(Note, styles.Note, width).Count;
        var legend = new ChartLegend(LegendEntries(context.Theme), styles.ChartText, width).Height;
        var reserved = titleLines * styles.Caption.LineHeight + noteLines * styles.Note.LineHeight + legend + 2 * context.Theme.CaptionGap + 4f;
        var rowsPerPage = context.RowsPerPart(reserved + fixedHeight, rowHeight);
        if (rowsPerPage < 1 || rows <= rowsPerPage)
        {
            return null;
        }

        var parts = (rows + rowsPerPage - 1) / rowsPerPage;
        var size = (rows + parts - 1) / parts;
        var items = new List<FlowItem>();
        for (var first = 0; first < rows; first += size)
        {
            var count = Math.Min(size, rows - first);
            var block = part(first, count);
            var partItems = block.Layout(context);
            if (first > 0)
            {
                partItems[0].SpaceBefore = context.Theme.BlockSpacing;
            }

            items.AddRange(partItems);
        }

        return items;
    }

    /// <summary>The title of the part that starts at <paramref name="first"/>: the chart's title, then continuation.</summary>
    private protected string PartTitle(int first) => first == 0 ? Title : Title + ContinuationSuffix;

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
