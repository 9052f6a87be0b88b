using System.Diagnostics;
using Bedarfsanalyse.Core.Formatting;
using Bedarfsanalyse.Core.Statistics;
using Bedarfsanalyse.Reports.Pdf.Charts;

namespace Bedarfsanalyse.Reports.Pdf;

/// <summary>
/// Writes a table-heavy document of about 50 pages, once cold and then several times warm, and reports pages
/// per second, file size and memory. Meant for the project's bench command; the peak working set is the whole
/// process's, so it means most when the benchmark runs in a process of its own.
/// </summary>
public static class PdfRenderingBenchmark
{
    private const int Sections = 56;

    private static readonly string[] Topics =
    [
        "Digitale Grundlagen", "Fachsoftware", "IT-Sicherheit", "Künstliche Intelligenz", "Datenschutz", "Mobiles und hybrides Arbeiten",
        "Agile Methoden", "Führung auf Distanz", "Wissenstransfer zwischen den Generationen", "Fachspezifische technische Kompetenzen",
        "Führung", "Kommunikation", "Deutsch für den Beruf", "Grundbildung", "Energie und Nachhaltigkeit", "Arbeits- und Gesundheitsschutz",
        "Kaufmännische und rechtliche Themen", "Vertrieb und Kundenservice", "Qualitätsmanagement", "Projektmanagement",
        "Ausbildung der Ausbilder*innen", "Barrierefreiheit", "Interkulturelle Kompetenz",
    ];

    public static PdfBenchmarkResult Run(int warmDocuments = 5)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(warmDocuments, 1);

        var stopwatch = Stopwatch.StartNew();
        var writer = new PdfDocumentWriter(Theme.CreateDefault());
        var output = new MemoryStream();
        var pages = writer.Write(CreateDocument(), output);
        var firstDocument = stopwatch.Elapsed;
        var fileSize = output.Length;

        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        stopwatch.Restart();
        for (var i = 0; i < warmDocuments; i++)
        {
            output.SetLength(0);
            writer.Write(CreateDocument(), output);
        }

        var warmTotal = stopwatch.Elapsed;
        var allocated = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / warmDocuments;
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return new PdfBenchmarkResult(pages, fileSize, firstDocument, warmDocuments, warmTotal, allocated, process.PeakWorkingSet64);
    }

    /// <summary>One section per district: heading, a sentence, a table of all topics; a bar chart every ninth section.</summary>
    internal static ReportDocument CreateDocument()
    {
        var random = new Random(2026);
        var document = new ReportDocument(new PdfMetadata("Anhang: Tabellen nach Landkreis", "Bedarfsanalyse", "Benchmark der PDF-Schicht"))
        {
            Header = _ => new PageBand(Left: "Weiterbildungsbedarf in Niedersachsen", Right: "3. Quartal 2026"),
        };

        for (var section = 1; section <= Sections; section++)
        {
            var figures = Topics.Select(topic => (Topic: topic, N: random.Next(20, 400), Share: random.NextDouble() * 0.8, Change: random.NextDouble() * 0.1 - 0.05)).ToList();
            var rows = figures.Select(f => new TableRow(
            [
                f.Topic,
                GermanFigureFormat.Count(f.N),
                f.N < 30 ? GermanFigureFormat.BracketedPercent(f.Share) : GermanFigureFormat.Percent(f.Share),
                GermanFigureFormat.PercentInterval(new ConfidenceInterval(Math.Max(0, f.Share - 0.06), Math.Min(1, f.Share + 0.06))),
                GermanFigureFormat.PercentagePoints(f.Change),
            ])).ToList();

            document.Add(new HeadingBlock($"A.{section} Landkreis {section:00}", level: 2));
            document.Add(new ParagraphBlock($"Befragte Betriebe im Landkreis {section:00}; Anteile mit 95-%-Konfidenzintervall und Veränderung gegenüber dem Vorjahresquartal in Prozentpunkten."));
            document.Add(new TableBlock(
                [new TableColumn("Thema", Weight: 3), TableColumn.Numeric("n"), TableColumn.Numeric("Anteil"), TableColumn.Numeric("95-%-KI"), TableColumn.Numeric("Veränderung")],
                rows)
            {
                Caption = $"Tabelle A.{section}: Weiterbildungsbedarf nach Thema",
                Note = "„( )“ eingeschränkte Aussagekraft (n 10–29).",
            });

            if (section % 9 == 0)
            {
                var bars = figures.Take(10).Select(f => new BarChartItem(f.Topic, f.Share * 100.0, f.N)).ToList();
                document.Add(new BarChartBlock($"Abbildung A.{section}: Die zehn ersten Themen", bars));
            }
        }

        return document;
    }
}
