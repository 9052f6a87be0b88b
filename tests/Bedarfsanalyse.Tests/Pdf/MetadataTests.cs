using System.Diagnostics;
using Bedarfsanalyse.Reports.Pdf;
using Bedarfsanalyse.Reports.Pdf.Layout;
using UglyToad.PdfPig.Tokens;

namespace Bedarfsanalyse.Tests.Pdf;

public sealed class MetadataTests
{
    [Fact]
    public void Title_author_subject_keywords_creator_and_German_language_are_set()
    {
        using var pdf = PdfTestWriter.WriteAndRead(SampleReport.Create());

        var information = pdf.Document.Information;
        information.Title.ShouldBe("Weiterbildungsbedarf im Landkreis Holzminden – 3. Quartal 2026");
        information.Author.ShouldBe("Weiterbildungsverbund MehrWert");
        information.Subject.ShouldBe("Quartalsbericht für den Steuerkreis");
        information.Keywords.ShouldBe("Weiterbildung, Bedarfsanalyse, Holzminden, Q3/2026");
        information.Creator.ShouldBe("Bedarfsanalyse");

        var catalog = pdf.Document.Structure.Catalog.CatalogDictionary;
        catalog.TryGet(NameToken.Create("Lang"), out StringToken language).ShouldBeTrue();
        language.Data.ShouldBe("de-DE");
    }

    [Fact]
    public void Poppler_reads_the_document_information_and_the_text()
    {
        var path = Path.Combine(Path.GetTempPath(), $"bedarfsanalyse-{Guid.NewGuid():N}.pdf");
        try
        {
            File.WriteAllBytes(path, new PdfDocumentWriter(PdfTestWriter.Theme).Write(SampleReport.Create()));

            var info = Run("pdfinfo", path);
            info.ShouldContain("Title:           Weiterbildungsbedarf im Landkreis Holzminden – 3. Quartal 2026");
            info.ShouldContain("Author:          Weiterbildungsverbund MehrWert");
            info.ShouldContain("(A4)");
            info.ShouldContain("Pages:           4");
            info.ShouldNotContain("Syntax Error");

            var text = Run("pdftotext", path, "-");
            text.ShouldContain("Der größte Bedarf besteht bei digitalen Grundlagen");
            text.ShouldContain("„MehrWert“");
            text.ShouldContain("Seite 1 von");
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string Run(string program, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })
            ?? throw new InvalidOperationException($"{program} (Debian-Paket poppler-utils) ist nicht installiert.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        process.ExitCode.ShouldBe(0, errors);
        return output.Result + errors;
    }

    [Fact]
    public void A_file_without_startxref_is_refused_with_a_German_message_instead_of_a_parse_error()
    {
        using var pdf = new MemoryStream();
        pdf.Write(System.Text.Encoding.Latin1.GetBytes("%PDF-1.7\ntrailer << /Size >>\n%%EOF\n"));

        var error = Should.Throw<InvalidDataException>(() => DocumentLanguageUpdate.Append(pdf, "de-DE"));

        error.Message.ShouldBe("Die PDF-Datei hat keinen klassischen Trailer; die Sprache kann nicht gesetzt werden.");
    }
}
