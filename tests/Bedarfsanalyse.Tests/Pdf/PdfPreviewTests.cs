using System.Diagnostics;
using Bedarfsanalyse.Reports.Pdf;

namespace Bedarfsanalyse.Tests.Pdf;

public sealed class PdfPreviewTests
{
    [Fact]
    public void The_first_pages_are_rendered_to_PNG_for_a_person_to_look_at()
    {
        var folder = TestOutputFolder.Prepare("pdf-preview");

        var pdfPath = Path.Combine(folder, "steuerkreis-bericht.pdf");
        File.WriteAllBytes(pdfPath, new PdfDocumentWriter(Theme.CreateDefault()).Write(SampleReport.Create()));

        using var pdftoppm = Process.Start(new ProcessStartInfo("pdftoppm", ["-png", "-r", "60", "-l", "4", pdfPath, Path.Combine(folder, "seite")])
        {
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("pdftoppm (Debian-Paket poppler-utils) ist nicht installiert.");
        var errors = pdftoppm.StandardError.ReadToEnd();
        pdftoppm.WaitForExit();

        pdftoppm.ExitCode.ShouldBe(0, errors);
        // Where a person finds them: in the checkout, not in the build output.
        var pictures = Directory.GetFiles(Path.Combine(TestOutputFolder.RepositoryRoot, "artifacts", "test-output", "pdf-preview"), "seite-*.png");
        pictures.ShouldNotBeEmpty();
        pictures.ShouldAllBe(p => new FileInfo(p).Length > 5_000);
    }
}
