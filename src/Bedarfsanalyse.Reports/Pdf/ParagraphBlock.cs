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

    /// <summary>
    /// The whole paragraph stays on the page of the block after it, as the sentence that introduces a chart or table.
    /// A paragraph between a heading and a table or chart keeps with it without being marked (ADR 0032).
    /// </summary>
    public bool KeepWithNext { get; init; }

    internal override float SpaceBefore(Theme theme) => theme.ParagraphSpacing;

    internal override float SpaceAfter(Theme theme) => theme.ParagraphSpacing;

    internal override IReadOnlyList<FlowItem> Layout(LayoutContext context)
    {
        var style = Style == ParagraphStyle.Note ? context.Styles.Note : context.Styles.Body;
        var items = context.LineItems(context.SetText(Parts, style, context.Width), style);

        if (KeepWithNext)
        {
            items.ForEach(item => item.KeepWithNext = true);
            return items;
        }

        // No single first line at the foot of a page and no single last line at the top of the next.
        if (items.Count >= 2)
        {
            items[0].KeepWithNext = true;
            items[^2].KeepWithNext = true;
        }

        return items;
    }
}
