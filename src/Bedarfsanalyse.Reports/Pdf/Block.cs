using Bedarfsanalyse.Reports.Pdf.Layout;

namespace Bedarfsanalyse.Reports.Pdf;

/// <summary>Something that stands in the vertical flow of a report: heading, paragraph, tiles, table, chart.</summary>
public abstract class Block
{
    private protected Block()
    {
    }

    internal abstract IReadOnlyList<FlowItem> Layout(LayoutContext context);

    internal virtual float SpaceBefore(Theme theme) => theme.BlockSpacing;

    internal virtual float SpaceAfter(Theme theme) => theme.BlockSpacing;
}
