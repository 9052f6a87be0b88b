namespace Bedarfsanalyse.Reports.Pdf;

/// <summary>
/// A document to be written: metadata, a header and a footer for every page (given the page number, so the
/// first page can differ), and the blocks of the content in reading order.
/// </summary>
public sealed class ReportDocument
{
    private readonly List<Block> _blocks = [];

    public ReportDocument(PdfMetadata metadata)
    {
        Metadata = metadata;
    }

    public PdfMetadata Metadata { get; }

    public Func<PageNumber, PageBand> Header { get; init; } = _ => PageBand.Empty;

    /// <summary>By default "Seite X von Y" on the right.</summary>
    public Func<PageNumber, PageBand> Footer { get; init; } = page => new PageBand(Right: page.ToString());

    public IReadOnlyList<Block> Blocks => _blocks;

    public ReportDocument Add(Block block)
    {
        ArgumentNullException.ThrowIfNull(block);
        _blocks.Add(block);
        return this;
    }

    public ReportDocument Add(IEnumerable<Block> blocks)
    {
        foreach (var block in blocks)
        {
            Add(block);
        }

        return this;
    }
}
