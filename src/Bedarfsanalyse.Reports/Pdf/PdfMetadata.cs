namespace Bedarfsanalyse.Reports.Pdf;

/// <summary>What a PDF viewer shows under "Dokumenteigenschaften"; the language lets screen readers speak German.</summary>
public sealed record PdfMetadata(string Title, string Author, string Subject)
{
    public IReadOnlyList<string> Keywords { get; init; } = [];

    public string Creator { get; init; } = "Bedarfsanalyse";

    /// <summary>BCP 47 language tag written to the document catalogue (/Lang).</summary>
    public string Language { get; init; } = "de-DE";

    /// <summary>Creation time; now when not given.</summary>
    public DateTimeOffset? Created { get; init; }
}
