using Bedarfsanalyse.Reports.Pdf.Layout;

namespace Bedarfsanalyse.Reports.Pdf;

/// <summary>
/// Extra vertical space before the next block. A spacer that opens the document or follows a page break positions
/// what comes after it (the cover title) and is kept at the top of the page; a spacer between blocks is dropped when
/// the next block happens to open a page.
/// </summary>
public sealed class SpacerBlock : Block
{
    public SpacerBlock(float points)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(points);
        Points = points;
    }

    public float Points { get; }

    internal override IReadOnlyList<FlowItem> Layout(LayoutContext context) => [];
}
