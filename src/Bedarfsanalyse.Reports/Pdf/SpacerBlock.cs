using Bedarfsanalyse.Reports.Pdf.Layout;

namespace Bedarfsanalyse.Reports.Pdf;

/// <summary>Extra vertical space before the next block; none at the top of a page.</summary>
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
