using System.Globalization;

namespace Bedarfsanalyse.Reports.Pdf.Layout;

/// <summary>What blocks need while they are laid out: styles, the content width and the running footnote numbers.</summary>
internal sealed class LayoutContext
{
    private readonly Dictionary<int, FootnoteEntry> _footnotes = [];

    public LayoutContext(Theme theme, DocumentStyles styles)
    {
        Theme = theme;
        Styles = styles;
    }

    public Theme Theme { get; }

    public DocumentStyles Styles { get; }

    public float Width => Theme.ContentWidth;

    /// <summary>
    /// Height of what stands before the block being laid out and must go on the page of its first item (a heading and
    /// the paragraph that introduces a chart). A chart split into parts sizes its parts so the first fits with it.
    /// </summary>
    public float KeptAbove { get; set; }

    /// <summary>
    /// Rows of <paramref name="rowHeight"/> that fit on a page beside <paramref name="reserved"/>, less what is kept above
    /// the first part unless that would halve them; then the lead breaks away instead of the chart shrinking to a stub.
    /// </summary>
    public int RowsPerPart(float reserved, float rowHeight)
    {
        var alone = (int)Math.Floor((Theme.ContentHeight - reserved) / rowHeight);
        var led = (int)Math.Floor((Theme.ContentHeight - reserved - KeptAbove) / rowHeight);
        return led >= (alone + 1) / 2 ? led : alone;
    }

    /// <summary>Sets running text into lines; each footnote in it gets the next number.</summary>
    public IReadOnlyList<TextLine> SetText(IEnumerable<TextPart> parts, TextStyle style, float width)
    {
        var runs = new List<TextRun>();
        foreach (var part in parts)
        {
            switch (part)
            {
                case PlainText plain:
                    runs.Add(new TextRun(plain.Text, IsMarker: false));
                    break;
                case Footnote footnote:
                    var number = _footnotes.Count + 1;
                    _footnotes[number] = CreateFootnote(number, footnote.Text);
                    runs.Add(new TextRun(number.ToString(CultureInfo.InvariantCulture), IsMarker: true));
                    break;
            }
        }

        var marker = Styles.MarkerFor(style);
        return LineBreaker.Break(LineBreaker.ToWords(runs, style, marker), width, style, marker);
    }

    public IReadOnlyList<TextLine> SetText(string text, TextStyle style, float width) => SetText([new PlainText(text)], style, width);

    public IReadOnlyList<FootnoteEntry> FootnotesOf(IEnumerable<TextLine> lines) =>
        lines.SelectMany(l => l.FootnoteNumbers).Distinct().Select(n => _footnotes[n]).ToList();

    /// <summary>One flow item per line, so that running text can break between any two lines.</summary>
    public List<FlowItem> LineItems(IReadOnlyList<TextLine> lines, TextStyle style, float indent = 0)
    {
        var marker = Styles.MarkerFor(style);
        return lines
            .Select(line => new FlowItem(style.LineHeight, (canvas, x, y) => line.Draw(canvas, style, marker, x + indent, y))
            {
                Footnotes = FootnotesOf([line]),
            })
            .ToList();
    }

    private FootnoteEntry CreateFootnote(int number, string text)
    {
        var style = Styles.Footnote;
        var label = number.ToString(CultureInfo.InvariantCulture);
        var indent = style.Measure("00") + 4;
        var marker = Styles.MarkerFor(style);
        var lines = LineBreaker.Break(LineBreaker.ToWords([new TextRun(text, false)], style, marker), Width - indent, style, marker);
        var height = lines.Count * style.LineHeight + 1.5f;
        return new FootnoteEntry(number, height, (canvas, x, y) =>
        {
            style.Draw(canvas, label, x, y + style.BaselineOffset);
            for (var i = 0; i < lines.Count; i++)
            {
                lines[i].Draw(canvas, style, marker, x + indent, y + i * style.LineHeight);
            }
        });
    }
}
