using Bedarfsanalyse.Reports.Pdf;

namespace Bedarfsanalyse.Tests.Pdf;

/// <summary>Writes test documents with the project's default theme and reads them back.</summary>
internal static class PdfTestWriter
{
    private static readonly Lazy<Theme> DefaultTheme = new(Theme.CreateDefault);

    public static Theme Theme => DefaultTheme.Value;

    public static PdfReadBack WriteAndRead(ReportDocument document) => PdfReadBack.Of(new PdfDocumentWriter(Theme).Write(document));

    public static ReportDocument NewDocument(string title = "Testbericht") =>
        new(new PdfMetadata(title, "Bedarfsanalyse-Tests", "Prüfung der PDF-Schicht"));

    public static ReportDocument With(this ReportDocument document, params Block[] blocks) => document.Add(blocks);
}
