using System.Globalization;

namespace Bedarfsanalyse.Reports.Pdf;

/// <summary>Figures of one <see cref="PdfRenderingBenchmark"/> run.</summary>
public sealed record PdfBenchmarkResult(
    int Pages,
    long FileSizeBytes,
    TimeSpan FirstDocument,
    int WarmDocuments,
    TimeSpan WarmTotal,
    long AllocatedBytesPerDocument,
    long PeakWorkingSetBytes)
{
    /// <summary>Pages per second of the first document in this process: includes JIT and font loading.</summary>
    public double ColdPagesPerSecond => Pages / FirstDocument.TotalSeconds;

    /// <summary>Pages per second over the documents after the first.</summary>
    public double WarmPagesPerSecond => WarmDocuments * Pages / WarmTotal.TotalSeconds;

    public override string ToString()
    {
        var german = CultureInfo.GetCultureInfo("de-DE");
        return string.Create(german,
            $"PDF: {Pages} Seiten, {FileSizeBytes / 1024.0:N0} KB; erstes Dokument {FirstDocument.TotalMilliseconds:N0} ms ({ColdPagesPerSecond:N0} Seiten/s), " +
            $"danach {WarmPagesPerSecond:N0} Seiten/s über {WarmDocuments} Dokumente; {AllocatedBytesPerDocument / 1048576.0:N1} MB Zuweisungen je Dokument; " +
            $"Spitze Arbeitsspeicher des Prozesses {PeakWorkingSetBytes / 1048576.0:N0} MB");
    }
}
