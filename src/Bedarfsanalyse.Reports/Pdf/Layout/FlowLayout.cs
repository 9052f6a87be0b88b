namespace Bedarfsanalyse.Reports.Pdf.Layout;

/// <summary>
/// Breaks the flow into pages. Items joined by keep-with-next move to the next page together (a heading with
/// the first lines after it, a table caption with its header and first row); footnotes take their room at
/// the foot of the page their number is on; a continued table gets its header row again.
/// </summary>
internal sealed class FlowLayout
{
    private readonly float _contentHeight;
    private readonly float _footnoteGap;

    public FlowLayout(float contentHeight, float footnoteGap)
    {
        _contentHeight = contentHeight;
        _footnoteGap = footnoteGap;
    }

    public IReadOnlyList<LaidOutPage> Paginate(IReadOnlyList<FlowItem> items)
    {
        var pages = new List<LaidOutPage> { new() };
        var i = 0;
        while (i < items.Count)
        {
            var page = pages[^1];
            var item = items[i];
            if (item.IsPageBreak)
            {
                if (!page.IsEmpty)
                {
                    pages.Add(new LaidOutPage());
                }

                i++;
                continue;
            }

            var chain = ChainFrom(items, i);
            if (Fits(page, chain))
            {
                foreach (var member in chain)
                {
                    Place(page, member);
                }

                i += chain.Count;
                continue;
            }

            if (!OpensPage(page, item))
            {
                pages.Add(OpenPage(item));
                continue;
            }

            // Even a fresh page is too short for the chain: it is kept together no longer but fills this page item by
            // item. Placing only its first item would send the rest to the next page and leave a heading alone.
            var end = i + chain.Count;
            Place(page, item);
            i++;
            while (i < end && Fits(page, [items[i]]))
            {
                Place(page, items[i]);
                i++;
            }
        }

        return pages;
    }

    private static List<FlowItem> ChainFrom(IReadOnlyList<FlowItem> items, int start)
    {
        var chain = new List<FlowItem> { items[start] };
        for (var j = start; j + 1 < items.Count && items[j].KeepWithNext && !items[j + 1].IsPageBreak; j++)
        {
            chain.Add(items[j + 1]);
        }

        return chain;
    }

    /// <summary>A new page, with the repeated header already on it when the first item continues a table.</summary>
    private static LaidOutPage OpenPage(FlowItem first)
    {
        var page = new LaidOutPage();
        if (first.RepeatedHeader is { } header)
        {
            Place(page, header);
        }

        return page;
    }

    /// <summary>True when nothing but a repeated header stands on the page yet, so the item cannot go anywhere better.</summary>
    private static bool OpensPage(LaidOutPage page, FlowItem item) =>
        page.IsEmpty || (page.Placements.Count == 1 && ReferenceEquals(page.Placements[0].Item, item.RepeatedHeader));

    private bool Fits(LaidOutPage page, IReadOnlyList<FlowItem> chain)
    {
        var used = page.Used;
        var footnotes = page.Footnotes.Sum(f => f.Height);
        var hasFootnotes = page.Footnotes.Count > 0;
        for (var k = 0; k < chain.Count; k++)
        {
            var item = chain[k];
            used += (k == 0 && page.IsEmpty ? item.SpaceAtPageTop : item.SpaceBefore) + item.Height;
            footnotes += item.Footnotes.Sum(f => f.Height);
            hasFootnotes |= item.Footnotes.Count > 0;
        }

        var footnoteArea = hasFootnotes ? _footnoteGap + footnotes : 0;
        return used + footnoteArea <= _contentHeight + 0.01f;
    }

    private static void Place(LaidOutPage page, FlowItem item)
    {
        var y = page.IsEmpty ? item.SpaceAtPageTop : page.Used + item.SpaceBefore;
        page.Placements.Add((item, y));
        page.Used = y + item.Height;
        page.Footnotes.AddRange(item.Footnotes);
    }
}
