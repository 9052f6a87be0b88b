using System.Diagnostics;
using ClosedXML.Excel;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Bedarfsanalyse.Reports.Excel;

/// <summary>
/// Measures writing a data sheet through <see cref="WorkbookAssembler"/> against a bare dump of the same cells with
/// the OpenXML SDK's own SAX writer into a one-sheet package (the baseline of the workbook benchmark).
/// </summary>
public static class DataSheetBenchmark
{
    public static async Task<DataSheetBenchmarkResult> RunAsync(int rows, int columns, string directory)
    {
        var definitions = Enumerable.Range(0, columns)
            .Select(c => new DataColumn($"v{c}", (c % 4) switch { 0 => DataColumnKind.Text, 1 => DataColumnKind.Integer, 2 => DataColumnKind.Decimal, _ => DataColumnKind.Date }, 12))
            .ToList();

        var assembledPath = Path.Combine(directory, "bench-assembled.xlsx");
        var started = Stopwatch.GetTimestamp();
        await using (var file = File.Create(assembledPath))
        {
            await WorkbookAssembler.AssembleAsync(Cover(), [new StreamedSheet("Daten", 1, definitions, writer =>
            {
                for (var r = 0; r < rows; r++)
                {
                    writer.BeginRow();
                    for (var c = 0; c < columns; c++)
                    {
                        switch (c % 4)
                        {
                            case 0: writer.Text(Codes[(r + c) % Codes.Length]); break;
                            case 1: writer.Number((long)(r % 250)); break;
                            case 2: writer.Number((r % 1000) / 4m); break;
                            default: writer.Date(new DateOnly(2025, 1, 1).AddDays(r % 700)); break;
                        }
                    }

                    writer.EndRow();
                }

                return Task.CompletedTask;
            })], file);
        }

        var assembled = Stopwatch.GetElapsedTime(started);

        var barePath = Path.Combine(directory, "bench-bare.xlsx");
        started = Stopwatch.GetTimestamp();
        BareDump(barePath, rows, columns);
        var bare = Stopwatch.GetElapsedTime(started);

        return new DataSheetBenchmarkResult(rows, columns, assembled, bare, new FileInfo(assembledPath).Length, new FileInfo(barePath).Length);
    }

    private static readonly string[] Codes = ["ja", "nein", "weiss_nicht", "digital_basics", "it_security", "kosten", "zeit", "entfernung"];

    private static void BareDump(string path, int rows, int columns)
    {
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.Workbook = new Workbook();
        var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
        using (var writer = OpenXmlWriter.Create(sheetPart))
        {
            writer.WriteStartElement(new Worksheet());
            writer.WriteStartElement(new SheetData());
            var inline = new[] { new OpenXmlAttribute("t", "", "inlineStr") };
            for (var r = 0; r < rows; r++)
            {
                writer.WriteStartElement(new Row());
                for (var c = 0; c < columns; c++)
                {
                    if (c % 4 == 0)
                    {
                        writer.WriteStartElement(new Cell(), inline);
                        writer.WriteStartElement(new InlineString());
                        writer.WriteElement(new Text(Codes[(r + c) % Codes.Length]));
                        writer.WriteEndElement();
                        writer.WriteEndElement();
                    }
                    else
                    {
                        writer.WriteStartElement(new Cell());
                        writer.WriteElement(new CellValue((r % 250).ToString(System.Globalization.CultureInfo.InvariantCulture)));
                        writer.WriteEndElement();
                    }
                }

                writer.WriteEndElement();
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        workbookPart.Workbook.AppendChild(new Sheets(new Sheet { Id = workbookPart.GetIdOfPart(sheetPart), SheetId = 1, Name = "Daten" }));
    }

    private static byte[] Cover()
    {
        using var workbook = new XLWorkbook();
        workbook.AddWorksheet("Deckblatt").Cell(1, 1).Value = "Benchmark";
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }
}

public sealed record DataSheetBenchmarkResult(int Rows, int Columns, TimeSpan Assembled, TimeSpan BareDump, long AssembledBytes, long BareBytes)
{
    public double Ratio => Assembled.TotalSeconds / BareDump.TotalSeconds;
}
