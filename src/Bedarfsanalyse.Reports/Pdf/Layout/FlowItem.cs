using SkiaSharp;

namespace Bedarfsanalyse.Reports.Pdf.Layout;

/// <summary>
/// The smallest piece of the vertical flow: never split across pages. A paragraph gives one per line,
/// a table one per row, a chart one for the whole plot.
/// </summary>
internal sealed class FlowItem
{
    private readonly Action<SKCanvas, float, float>? _draw;

    public FlowItem(float height, Action<SKCanvas, float, float> draw)
    {
        Height = height;
        _draw = draw;
    }

    private FlowItem()
    {
    }

    public static FlowItem PageBreak() => new() { IsPageBreak = true };

    public float Height { get; }

    /// <summary>Space above the item; dropped when the item opens a page (all but <see cref="SpaceAtPageTop"/>).</summary>
    public float SpaceBefore { get; set; }

    /// <summary>
    /// The part of <see cref="SpaceBefore"/> that stays when the item opens a page: the space of a spacer that
    /// positions content, such as the cover title's distance from the top.
    /// </summary>
    public float SpaceAtPageTop { get; set; }

    /// <summary>The item goes on the same page as the next one.</summary>
    public bool KeepWithNext { get; set; }

    public bool IsPageBreak { get; private init; }

    /// <summary>Drawn first when this item opens a page, as a table's header row above a continued table.</summary>
    public FlowItem? RepeatedHeader { get; init; }

    public IReadOnlyList<FootnoteEntry> Footnotes { get; init; } = [];

    public void Draw(SKCanvas canvas, float x, float y) => _draw?.Invoke(canvas, x, y);
}
