using System.CommandLine;
using Bedarfsanalyse.Core.Periods;
using Bedarfsanalyse.Reports.Export;
using Bedarfsanalyse.Reports.Templates;
using Bedarfsanalyse.Web.Features.Exports;
using Bedarfsanalyse.Web.Features.Reports;

namespace Bedarfsanalyse.Web.Commands;

/// <summary>
/// export --network KEY --quarter 2026-Q3 [--to 2027-Q2] [--out DIR] [--no-csv]: the analyst workbook of a network and
/// period, and per questionnaire a CSV and the SPSS syntax that reads it.
/// </summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var network = new Option<string>("--network") { Description = "Schlüssel des Verbunds, z. B. mehrwert.", Required = true };
        var quarter = new Option<string>("--quarter") { Description = "Quartal, z. B. 2026-Q3; mit --to das erste Quartal des Zeitraums.", Required = true };
        var to = new Option<string?>("--to") { Description = "Letztes Quartal eines Zeitraums, z. B. 2027-Q2 (Standard: nur --quarter)." };
        var output = new Option<DirectoryInfo>("--out") { Description = "Ordner für die Dateien (Standard: aktueller Ordner).", DefaultValueFactory = _ => new DirectoryInfo(".") };
        var noCsv = new Option<bool>("--no-csv") { Description = "Nur die Arbeitsmappe, ohne CSV- und SPSS-Dateien." };
        var command = new Command("export", "Erstellt die Arbeitsmappe für die Auswertung (Excel) mit CSV- und SPSS-Dateien.") { network, quarter, to, output, noCsv };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var first = ParseQuarter(parseResult.GetValue(quarter)!);
            var last = parseResult.GetValue(to) is { Length: > 0 } toText ? ParseQuarter(toText) : first;
            var folder = parseResult.GetValue(output)!;
            var withCsv = !parseResult.GetValue(noCsv);
            return CommandHost.RunAsync(async (services, ct) =>
            {
                var export = services.GetRequiredService<NetworkExport>();
                PlannedExport planned;
                try
                {
                    planned = await export.PlanAsync(parseResult.GetValue(network)!, first, last, null, ct);
                }
                catch (Exception e) when (e is ReportRequestException or TemplateValidationException)
                {
                    throw new CommandFailedException(e.Message);
                }

                folder.Create();
                var files = new List<(string Partial, string Target)>();
                try
                {
                    var workbook = Partial(files, folder, planned.WorkbookFileName);
                    await using (var file = File.Create(workbook))
                    {
                        try
                        {
                            await AnalystWorkbookWriter.WriteAsync(planned.Workbook, file, ct);
                        }
                        catch (ReportRequestException e)
                        {
                            // The figure sheets are computed while the rows are written.
                            throw new CommandFailedException(e.Message);
                        }
                    }

                    if (withCsv)
                    {
                        foreach (var set in planned.Workbook.DataSets)
                        {
                            await using (var file = File.Create(Partial(files, folder, set.FileStem + ".csv")))
                            {
                                await DataCsvWriter.WriteAsync(set, file, ct);
                            }

                            await File.WriteAllTextAsync(Partial(files, folder, set.FileStem + ".sps"),
                                SpssSyntaxWriter.Write(set, set.FileStem + ".csv"), new System.Text.UTF8Encoding(true), ct);
                        }
                    }

                    // Only complete files take their real names: a failure leaves nothing half-written behind.
                    foreach (var (partial, target) in files)
                    {
                        File.Move(partial, target, overwrite: true);
                        Console.WriteLine(target);
                    }

                    Console.WriteLine($"{Core.Formatting.GermanFigureFormat.Count(planned.Interviews)} abgeschlossene Interviews, {NetworkExport.PeriodText(first, last)}.");
                    return 0;
                }
                finally
                {
                    foreach (var (partial, _) in files)
                    {
                        File.Delete(partial);
                    }
                }
            }, cancellationToken);
        });
        return command;
    }

    private static string Partial(List<(string Partial, string Target)> files, DirectoryInfo folder, string name)
    {
        var partial = Path.Combine(folder.FullName, $".export-{Guid.NewGuid():N}.tmp");
        files.Add((partial, Path.Combine(folder.FullName, name)));
        return partial;
    }

    private static Quarter ParseQuarter(string text) =>
        Quarter.TryParse(text, out var parsed) ? parsed : throw new CommandFailedException($"„{text}“ ist kein Quartal. Bitte geben Sie es als 2026-Q3 an.");
}
