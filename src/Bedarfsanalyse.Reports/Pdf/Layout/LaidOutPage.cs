namespace Bedarfsanalyse.Reports.Pdf.Layout;

/// <summary>One page after layout: items with their distance from the top of the content area, and the page's footnotes.</summary>
internal sealed class LaidOutPage
{
    public List<(FlowItem Item, float Y)> Placements { get; } = [];

    public List<FootnoteEntry> Footnotes { get; } = [];

    public float Used { get; set; }

    public bool IsEmpty => Placements.Count == 0;
}
