using Bedarfsanalyse.Reports.Pdf.Layout;

namespace Bedarfsanalyse.Reports.Pdf;

/// <summary>The next block starts on a new page.</summary>
public sealed class PageBreakBlock : Block
{
    internal override IReadOnlyList<FlowItem> Layout(LayoutContext context) => [FlowItem.PageBreak()];
}
