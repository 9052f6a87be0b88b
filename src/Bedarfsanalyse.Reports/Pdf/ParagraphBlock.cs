using Bedarfsanalyse.Reports.Pdf.Layout;

namespace Bedarfsanalyse.Reports.Pdf;

/// <summary>
/// Running text, left-aligned and never hyphenated; "\n" starts a new line. Footnotes stand where they are
/// given: <c>new ParagraphBlock("Die Beteiligung lag bei 42,5 %", new Footnote("Anteil der Betriebe …"), ".")</c>.
/// </summary>
public sealed class ParagraphBlock : Block
{
    public ParagraphBlock(params TextPart[] parts)
    {
        Parts = parts;
    }

    public IReadOnlyList<TextPart> Parts { get; }

    public ParagraphStyle Style { get; init; } = ParagraphStyle.Body;

    internal override float SpaceBefore(Theme theme) => theme.ParagraphSpacing;

    internal override float SpaceAfter(Theme theme) => theme.ParagraphSpacing;

    internal override IReadOnlyList<FlowItem> Layout(LayoutContext context)
    {
        var style = Style == ParagraphStyle.Note ? context.Styles.Note : context.Styles.Body;
        var items = context.LineItems(context.SetText(Parts, style, context.Width), style);

        // No single first line at the foot of a page and no single last line at the top of the next.
        if (items.Count >= 2)
        {
            items[0].KeepWithNext = true;
            items[^2].KeepWithNext = true;
        }

        return items;
    }
}
