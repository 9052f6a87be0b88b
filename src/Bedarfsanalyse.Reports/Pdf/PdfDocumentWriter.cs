using System.Reflection;
using Bedarfsanalyse.Reports.Pdf.Layout;
using SkiaSharp;

namespace Bedarfsanalyse.Reports.Pdf;

/// <summary>
/// Writes a <see cref="ReportDocument"/> as PDF with SkiaSharp. The whole document is laid out (measured)
/// first, so every page knows the page count when it is drawn ("Seite X von Y"); then the pages are drawn in
/// order, and the document language is added to the finished file.
/// </summary>
public sealed class PdfDocumentWriter
{
    private static readonly string SkiaVersion =
        typeof(SKDocument).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "";

    private readonly Theme _theme;

    public PdfDocumentWriter(Theme theme)
    {
        _theme = theme;
    }

    /// <summary>Writes the PDF to <paramref name="output"/> and returns the number of pages.</summary>
    public int Write(ReportDocument document, Stream output)
    {
        using var buffer = new MemoryStream();
        var pages = WriteTo(document, buffer);
        buffer.Position = 0;
        buffer.CopyTo(output);
        return pages;
    }

    public byte[] Write(ReportDocument document)
    {
        using var buffer = new MemoryStream();
        WriteTo(document, buffer);
        return buffer.ToArray();
    }

    private int WriteTo(ReportDocument document, MemoryStream buffer)
    {
        using var styles = new DocumentStyles(_theme);
        var context = new LayoutContext(_theme, styles);
        var pages = new FlowLayout(_theme.ContentHeight, _theme.FootnoteGap).Paginate(LayOut(document.Blocks, context));

        var metadata = document.Metadata;
        var created = (metadata.Created ?? DateTimeOffset.Now).UtcDateTime;
        var pdfMetadata = new SKDocumentPdfMetadata
        {
            Title = metadata.Title,
            Author = metadata.Author,
            Subject = metadata.Subject,
            Keywords = string.Join(", ", metadata.Keywords),
            Creator = metadata.Creator,
            Producer = "Bedarfsanalyse mit SkiaSharp " + SkiaVersion,
            Creation = created,
            Modified = created,
        };

        using (var pdf = SKDocument.CreatePdf(buffer, pdfMetadata))
        {
            for (var i = 0; i < pages.Count; i++)
            {
                var number = new PageNumber(i + 1, pages.Count);
                var canvas = pdf.BeginPage(_theme.PageWidth, _theme.PageHeight);
                DrawPage(canvas, pages[i], styles, document.Header(number), document.Footer(number));
                pdf.EndPage();
            }

            pdf.Close();
        }

        DocumentLanguageUpdate.Append(buffer, metadata.Language);
        return pages.Count;
    }

    private List<FlowItem> LayOut(IReadOnlyList<Block> blocks, LayoutContext context)
    {
        var items = new List<FlowItem>();
        Block? previous = null;
        var extraSpace = 0f;
        for (var b = 0; b < blocks.Count; b++)
        {
            var block = blocks[b];
            if (block is SpacerBlock spacer)
            {
                extraSpace += spacer.Points;
                continue;
            }

            context.KeptAbove = KeptHeight(items) + _theme.BlockSpacing;
            var blockItems = block.Layout(context);
            if (blockItems.Count == 0)
            {
                continue;
            }

            if (IntroducesFigure(blocks, b, previous))
            {
                // The sentence under a heading that leads into a chart or table goes with it, or heading and sentence
                // would stand alone at the foot of a page with the figure they announce on the next.
                foreach (var item in blockItems)
                {
                    item.KeepWithNext = true;
                }
            }

            var space = previous switch
            {
                null => 0,
                HeadingBlock => _theme.SpaceAfterHeading,
                _ => Math.Max(previous.SpaceAfter(_theme), block.SpaceBefore(_theme)),
            };
            blockItems[0].SpaceBefore += space + extraSpace;
            if (previous is null)
            {
                // Nothing stands before it on its page by construction: the spacer positions this block.
                blockItems[0].SpaceAtPageTop += extraSpace;
            }

            items.AddRange(blockItems);
            previous = block is PageBreakBlock ? null : block;
            extraSpace = 0;
        }

        return items;
    }

    private static bool IntroducesFigure(IReadOnlyList<Block> blocks, int index, Block? previous)
    {
        if (blocks[index] is not ParagraphBlock || previous is not HeadingBlock)
        {
            return false;
        }

        var next = blocks.Skip(index + 1).FirstOrDefault(b => b is not SpacerBlock);
        return next is TableBlock or Charts.ChartBlock or KeyFigureBlock;
    }

    /// <summary>Height of the items at the end of the flow that keep with whatever comes next.</summary>
    private static float KeptHeight(List<FlowItem> items)
    {
        var height = 0f;
        for (var k = items.Count - 1; k >= 0 && items[k].KeepWithNext; k--)
        {
            height += items[k].Height + items[k].SpaceBefore;
        }

        return height;
    }

    private void DrawPage(SKCanvas canvas, LaidOutPage page, DocumentStyles styles, PageBand header, PageBand footer)
    {
        var left = _theme.ContentLeft;
        var width = _theme.ContentWidth;
        using var rule = new SKPaint { Color = _theme.RuleColor, StrokeWidth = 0.5f, IsAntialias = true };

        if (!header.IsEmpty)
        {
            DrawBand(canvas, styles.Band, header, _theme.MarginTop);
            var below = _theme.MarginTop + styles.Band.LineHeight + 1f;
            canvas.DrawLine(left, below, left + width, below, rule);
        }

        foreach (var (item, y) in page.Placements)
        {
            item.Draw(canvas, left, _theme.ContentTop + y);
        }

        if (page.Footnotes.Count > 0)
        {
            var height = page.Footnotes.Sum(f => f.Height);
            var top = _theme.ContentBottom - height;
            canvas.DrawLine(left, top - 4f, left + width / 4, top - 4f, rule);
            foreach (var footnote in page.Footnotes.OrderBy(f => f.Number))
            {
                footnote.Draw(canvas, left, top);
                top += footnote.Height;
            }
        }

        if (!footer.IsEmpty)
        {
            canvas.DrawLine(left, _theme.FooterTop - 1f, left + width, _theme.FooterTop - 1f, rule);
            DrawBand(canvas, styles.Band, footer, _theme.FooterTop);
        }
    }

    private void DrawBand(SKCanvas canvas, TextStyle style, PageBand band, float top)
    {
        var left = _theme.ContentLeft;
        var width = _theme.ContentWidth;
        var baseline = top + style.BaselineOffset;
        style.Draw(canvas, band.Left, left, baseline);
        style.Draw(canvas, band.Center, left + (width - style.Measure(band.Center)) / 2, baseline);
        style.Draw(canvas, band.Right, left + width - style.Measure(band.Right), baseline);
    }
}
