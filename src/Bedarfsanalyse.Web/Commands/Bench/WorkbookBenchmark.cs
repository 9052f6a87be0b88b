using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using Bedarfsanalyse.Core.Formatting;
using Bedarfsanalyse.Core.Periods;
using Bedarfsanalyse.Data.Interviews;
using Bedarfsanalyse.Reports.Export;
using Bedarfsanalyse.Web.Database;
using Bedarfsanalyse.Web.Features.Analysis;
using Bedarfsanalyse.Web.Features.Exports;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;

namespace Bedarfsanalyse.Web.Commands.Bench;

/// <summary>
/// The analyst workbook of the network with the most interviews over all its quarters (issue 9): the export command in
/// a process of its own (total time under 30 s, peak memory under 1 GB, file size), then in this process the data
/// sheets written by the workbook writer against a bare SAX dump of the same cells read the same way (ratio at most
/// 1.5). A process of its own, because this one holds whatever loading the bench dataset left on its heap.
/// </summary>
internal sealed class WorkbookBenchmark : IBenchmark
{
    public string Name => "workbook";

    public async IAsyncEnumerable<BenchmarkRow> RunAsync(BenchmarkContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var database = await AppDatabase.OpenAsync(context.Configuration, context.Progress, cancellationToken);
        if (database.IsPrivate)
        {
            await database.MigrateAsync(cancellationToken);
        }

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{AppDatabase.ConnectionStringName}"] = database.ConnectionString,
        });
        builder.AddBedarfsanalyse();
        await using var app = builder.Build();

        var (networkKey, first, last) = context.Network is { } loaded ? (loaded.Key, loaded.First, loaded.Last) : await ChooseAsync(app.Services, cancellationToken);
        if (networkKey is null)
        {
            yield return new BenchmarkRow("Arbeitsmappe: keine Verbünde mit Interviews in der Datenbank", "–", "< 30 s", "–");
            yield break;
        }

        var folder = Directory.CreateTempSubdirectory("bench-arbeitsmappe-");
        try
        {
            var period = NetworkExport.PeriodText(first, last);
            context.Progress.WriteLine($"workbook: Verbund {networkKey}, {period}, export in eigenem Prozess …");
            var (elapsed, peakBytes, exitCode, errors) = await CommandProcess.RunAsync(database.ConnectionString,
                ["export", "--network", networkKey, "--quarter", first.ToString(), "--to", last.ToString(), "--out", folder.FullName, "--no-csv"], cancellationToken);
            if (exitCode != 0)
            {
                throw new InvalidOperationException("export failed: " + errors);
            }

            var file = new FileInfo(Path.Combine(folder.FullName, NetworkExport.FileStem(networkKey, first, last) + ".xlsx"));

            context.Progress.WriteLine("workbook: Datenblätter gegen bloßen SAX-Dump derselben Zellen …");
            await using var scope = app.Services.CreateAsyncScope();
            var planWatch = Stopwatch.StartNew();
            // Counting and building the model of the last quarter first, so that the planning after it is the figure sheets.
            await scope.ServiceProvider.GetRequiredService<AnalysisModels>().ForQuarterAsync(networkKey, last, cancellationToken);
            var modelling = planWatch.Elapsed;
            planWatch.Restart();
            var planned = await scope.ServiceProvider.GetRequiredService<NetworkExport>().PlanAsync(networkKey, first, last, null, cancellationToken);
            var planning = planWatch.Elapsed;
            planWatch.Restart();
            var figureSheets = await planned.Workbook.FigureSheets(cancellationToken);
            var figuring = planWatch.Elapsed;
            var dataOnly = planned.Workbook with { FigureSheets = _ => Task.FromResult<IReadOnlyList<FigureSheet>>([]) };
            var cells = planned.Workbook.DataSets.Sum(d => (long)(InterviewColumns.All.Count + d.Layout.Columns.Count));
            // Warm up both writers on a few hundred rows, so neither pays for the JIT; then each twice, alternating, the
            // faster run counting: the machine is shared, and the second pass finds the same pages cached.
            var warm = dataOnly with { DataSets = [.. dataOnly.DataSets.Select(d => d with { Rows = ct => d.Rows(ct).Take(300) })] };
            await AnalystWorkbookWriter.WriteAsync(warm, Stream.Null, cancellationToken);
            await BareDumpAsync(warm.DataSets, Stream.Null, cancellationToken);
            var written = TimeSpan.MaxValue;
            var bare = TimeSpan.MaxValue;
            long rows = 0;
            for (var pass = 0; pass < 2; pass++)
            {
                var watch = Stopwatch.StartNew();
                await using (var output = File.Create(Path.Combine(folder.FullName, "daten.xlsx")))
                {
                    await AnalystWorkbookWriter.WriteAsync(dataOnly, output, cancellationToken);
                }

                written = Min(written, watch.Elapsed);
                watch.Restart();
                await using (var output = File.Create(Path.Combine(folder.FullName, "bare.zip")))
                {
                    rows = await BareDumpAsync(planned.Workbook.DataSets, output, cancellationToken);
                }

                bare = Min(bare, watch.Elapsed);
            }

            var readWatch = Stopwatch.StartNew();
            foreach (var set in planned.Workbook.DataSets)
            {
                await foreach (var _ in set.Rows(cancellationToken).WithCancellation(cancellationToken))
                {
                }
            }

            var readOnly = readWatch.Elapsed;

            yield return new BenchmarkRow(
                $"Arbeitsmappe {networkKey}, {period}: {GermanFigureFormat.Count(planned.Interviews)} Interviews (Befehl export, eigener Prozess)",
                GermanFigureFormat.Number(elapsed.TotalSeconds, 1) + " s", "< 30 s", "Start des Prozesses eingeschlossen");
            yield return new BenchmarkRow(
                "Arbeitsmappe: höchster Speicherbedarf des Export-Prozesses",
                GermanFigureFormat.Count(peakBytes / 1024 / 1024) + " MB", "< 1.024 MB", "VmHWM (Resident Set)");
            yield return new BenchmarkRow(
                "Arbeitsmappe: Dateigröße",
                GermanFigureFormat.Number(file.Length / 1024.0 / 1024.0, 1) + " MB", "–",
                $"{GermanFigureFormat.Count(rows)} Datenzeilen, {GermanFigureFormat.Count(cells)} Spalten");
            yield return new BenchmarkRow(
                "Datenblätter schreiben / bloßer SAX-Dump derselben Zellen",
                GermanFigureFormat.Number(written.TotalSeconds / bare.TotalSeconds, 2), "≤ 1,5",
                $"{GermanFigureFormat.Number(written.TotalSeconds, 1)} s gegen {GermanFigureFormat.Number(bare.TotalSeconds, 1)} s (OpenXmlWriter, gleiche Zellen, gleich dünn besetzt), beide mit Lesen aus PostgreSQL");
            yield return new BenchmarkRow(
                "Datenblätter: davon Lesen aus PostgreSQL und Aufteilen in Spalten",
                GermanFigureFormat.Number(readOnly.TotalSeconds, 1) + " s", "–", "ohne Schreiben");
            yield return new BenchmarkRow(
                "Arbeitsmappe planen: Zählen und Modell der Analyse (letztes Quartal, kalt)",
                GermanFigureFormat.Number(modelling.TotalSeconds, 1) + " s", "–", "AnalysisModels.ForQuarterAsync, im Export enthalten");
            yield return new BenchmarkRow(
                "Arbeitsmappe: Kennzahlenblätter aller Kreise aus dem Modell",
                GermanFigureFormat.Number(figuring.TotalSeconds, 1) + " s", "–", $"{figureSheets.Count} Blätter, Modell schon gebaut; im Export neben den Datenblättern");
            yield return new BenchmarkRow(
                "Arbeitsmappe planen: Fragebögen, Spalten, Gewichte, Deckblatt",
                GermanFigureFormat.Number(planning.TotalSeconds, 1) + " s", "–", "vor den Datenblättern");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>
    /// The same cells with DocumentFormat.OpenXml's SAX writer (<see cref="OpenXmlWriter"/>) into a zip entry of the same
    /// compression, written as sparsely as the data sheets (empty cells left out, every cell with its reference, numbers
    /// with their style index), from the same read-ahead: what differs is only the writer, and the sheet frame, styles,
    /// widths, table and workbook the data sheets have around them.
    /// </summary>
    private static async Task<long> BareDumpAsync(IReadOnlyList<QuestionnaireDataSet> sets, Stream output, CancellationToken cancellationToken)
    {
        // The SAX writer takes element instances only for their names: one of each serves every cell.
        var cell = new Cell();
        var value = new CellValue();
        var inlineString = new InlineString();
        var text = new Text();
        var rowElement = new Row();
        var inline = new OpenXmlAttribute("t", "", "inlineStr");
        var style = new OpenXmlAttribute("s", "", "1");
        var dateStyle = new OpenXmlAttribute("s", "", "3");
        var epoch = new DateOnly(1899, 12, 30).DayNumber;
        long rows = 0;
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var set in sets)
        {
            var columns = InterviewColumns.All.Count + set.Layout.Columns.Count;
            var names = Enumerable.Range(1, columns).Select(ColumnName).ToArray();
            await using var stream = zip.CreateEntry(set.Key + ".xml", CompressionLevel.Fastest).Open();
            using var writer = OpenXmlWriter.Create(stream);
            writer.WriteStartElement(new Worksheet());
            writer.WriteStartElement(new SheetData());
            long rowNumber = 1;
            var attributes = new List<OpenXmlAttribute>(2);
            await foreach (var row in RowReadAhead.ReadAsync(set.Rows, cancellationToken).WithCancellation(cancellationToken))
            {
                var number = (++rowNumber).ToString(CultureInfo.InvariantCulture);
                writer.WriteStartElement(rowElement, [new OpenXmlAttribute("r", "", number)]);
                var c = 0;
                foreach (var cellValue in InterviewColumns.All.Select(column => column.Value(row)).Concat(row.Cells))
                {
                    var reference = names[c++] + number;
                    attributes.Clear();
                    attributes.Add(new OpenXmlAttribute("r", "", reference));
                    switch (cellValue)
                    {
                        case null:
                        case string { Length: 0 }:
                            break;
                        case string content:
                            attributes.Add(inline);
                            writer.WriteStartElement(cell, attributes);
                            writer.WriteStartElement(inlineString);
                            writer.WriteStartElement(text);
                            writer.WriteString(content);
                            writer.WriteEndElement();
                            writer.WriteEndElement();
                            writer.WriteEndElement();
                            break;
                        default:
                            attributes.Add(cellValue is DateOnly ? dateStyle : style);
                            writer.WriteStartElement(cell, attributes);
                            writer.WriteStartElement(value);
                            writer.WriteString(cellValue switch
                            {
                                DateOnly date => (date.DayNumber - epoch).ToString(CultureInfo.InvariantCulture),
                                double d => ((decimal)d).ToString(CultureInfo.InvariantCulture),
                                IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
                                _ => cellValue.ToString()!,
                            });
                            writer.WriteEndElement();
                            writer.WriteEndElement();
                            break;
                    }
                }

                writer.WriteEndElement();
                rows++;
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.Close();
        }

        return rows;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static string ColumnName(int number)
    {
        var name = "";
        for (; number > 0; number = (number - 1) / 26)
        {
            name = (char)('A' + (number - 1) % 26) + name;
        }

        return name;
    }

    /// <summary>The network with the most completed interviews, and its first and last quarter with interviews.</summary>
    private static async Task<(string? Network, Quarter First, Quarter Last)> ChooseAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Data.BedarfsanalyseDb>();
        var busiest = await db.Interviews.AsNoTracking()
            .Where(i => i.Status == Interview.Completed)
            .GroupBy(i => i.Network!.Key)
            .Select(g => new { Key = g.Key, Count = g.Count(), First = g.Min(i => i.ConductedOn), Last = g.Max(i => i.ConductedOn) })
            .OrderByDescending(g => g.Count)
            .FirstOrDefaultAsync(cancellationToken);
        return busiest is null ? (null, default, default) : (busiest.Key, Quarter.Of(busiest.First), Quarter.Of(busiest.Last));
    }
}
