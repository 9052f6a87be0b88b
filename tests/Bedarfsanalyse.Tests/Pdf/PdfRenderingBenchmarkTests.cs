using Bedarfsanalyse.Reports.Pdf;

namespace Bedarfsanalyse.Tests.Pdf;

public sealed class PdfRenderingBenchmarkTests
{
    [Fact]
    public void The_benchmark_writes_a_table_heavy_document_of_fifty_pages()
    {
        using var pdf = PdfTestWriter.WriteAndRead(PdfRenderingBenchmark.CreateDocument());

        pdf.Pages.Count.ShouldBe(50);
        pdf.PagesWith("Tabelle A.").Count.ShouldBeGreaterThanOrEqualTo(45);
        pdf.Texts[^1].ShouldContain("Seite 50 von 50");
    }
}
