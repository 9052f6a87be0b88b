using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;

namespace Bedarfsanalyse.Tests.Pdf;

/// <summary>A written PDF opened with PdfPig, as a reader would see it: the words of each page.</summary>
internal sealed class PdfReadBack : IDisposable
{
    private PdfReadBack(byte[] bytes)
    {
        Bytes = bytes;
        Document = PdfDocument.Open(bytes);
        Pages = Document.GetPages().ToList();
        Words = Pages.Select(p => (IReadOnlyList<Word>)p.GetWords().ToList()).ToList();
        Texts = Words.Select(words => Normalise(string.Join(' ', words.Select(w => w.Text)))).ToList();
    }

    public byte[] Bytes { get; }

    public PdfDocument Document { get; }

    public IReadOnlyList<Page> Pages { get; }

    /// <summary>The words of each page, in the order they were drawn.</summary>
    public IReadOnlyList<IReadOnlyList<Word>> Words { get; }

    /// <summary>The text of each page: its words separated by single spaces.</summary>
    public IReadOnlyList<string> Texts { get; }

    public string AllText => string.Join(' ', Texts);

    public static PdfReadBack Of(byte[] bytes) => new(bytes);

    /// <summary>Page numbers (1-based) on which the text stands.</summary>
    public IReadOnlyList<int> PagesWith(string text) =>
        Texts.Select((t, i) => (t, i)).Where(p => p.t.Contains(Normalise(text), StringComparison.Ordinal)).Select(p => p.i + 1).ToList();

    /// <summary>Page numbers (1-based) on which a word of exactly this text stands.</summary>
    public IReadOnlyList<int> PagesWithWord(string word) =>
        Words.Select((words, i) => (words, i)).Where(p => p.words.Any(w => w.Text == word)).Select(p => p.i + 1).ToList();

    public int PageWith(string text) => PagesWith(text).ShouldHaveSingleItem($"„{text}“ soll auf genau einer Seite stehen");

    public IEnumerable<Word> WordsOnPage(int page, string text) => Words[page - 1].Where(w => w.Text == text);

    /// <summary>Words whose lower edge lies below <paramref name="y"/> (PDF coordinates, origin at the foot of the page).</summary>
    public IReadOnlyList<string> WordsBelow(int page, double y) =>
        Words[page - 1].Where(w => w.BoundingBox.Bottom < y - 0.5).Select(w => w.Text).ToList();

    /// <summary>The outlines of everything drawn (filled or stroked, not clipping paths) on the page, in PDF coordinates.</summary>
    public IReadOnlyList<PdfRectangle> Drawings(int page) =>
        Pages[page - 1].Paths
            .Where(p => !p.IsClipping && (p.IsFilled || p.IsStroked))
            .Select(p => p.GetBoundingRectangle())
            .OfType<PdfRectangle>()
            .ToList();

    public static string Normalise(string text) => text.Replace('\u00A0', ' ');

    public void Dispose() => Document.Dispose();
}
