using System.CommandLine;
using Bedarfsanalyse.Data;
using Bedarfsanalyse.Reports.Templates;
using Bedarfsanalyse.Web.Features.Reports;
using Microsoft.EntityFrameworkCore;

namespace Bedarfsanalyse.Web.Commands;

/// <summary>
/// report --network KEY --district 03255[,03256...|alle] --quarter 2026-Q3 [--format pdf] [--out DIR]: the quarterly
/// district reports for scripts, one PDF per district, in one process.
/// </summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var network = new Option<string>("--network") { Description = "Schlüssel des Verbunds, z. B. mehrwert.", Required = true };
        var district = new Option<string>("--district") { Description = "Kreisschlüssel des Landkreises, z. B. 03255; mehrere durch Komma getrennt oder „alle“ für alle Landkreise des Verbunds.", Required = true };
        var quarter = new Option<string>("--quarter") { Description = "Quartal, z. B. 2026-Q3.", Required = true };
        var format = new Option<string>("--format") { Description = "Dateiformat; derzeit nur pdf.", DefaultValueFactory = _ => "pdf" };
        var output = new Option<DirectoryInfo>("--out") { Description = "Ordner für die Datei (Standard: aktueller Ordner).", DefaultValueFactory = _ => new DirectoryInfo(".") };
        var command = new Command("report", "Erstellt Quartalsberichte als PDF, je Landkreis eine Datei.") { network, district, quarter, format, output };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var formatValue = parseResult.GetValue(format)!;
            if (!string.Equals(formatValue, "pdf", StringComparison.OrdinalIgnoreCase))
            {
                throw new CommandFailedException($"Das Format „{formatValue}“ gibt es für den Quartalsbericht nicht; möglich ist „pdf“.");
            }

            var folder = parseResult.GetValue(output)!;
            return CommandHost.RunAsync(async (services, ct) =>
            {
                folder.Create();
                var networkKey = parseResult.GetValue(network)!;
                var written = new List<(string Partial, RenderedDistrictReport Report)>();
                try
                {
                    foreach (var key in await DistrictsAsync(services, networkKey, parseResult.GetValue(district)!, ct))
                    {
                        written.Add(await RenderAsync(services, networkKey, key, parseResult.GetValue(quarter)!, folder, ct));
                    }

                    // Only complete reports take their real names, and only when all are done: a failure leaves no file.
                    foreach (var (partial, report) in written)
                    {
                        var target = Path.Combine(folder.FullName, report.FileName);
                        File.Move(partial, target, overwrite: true);
                        Console.WriteLine($"{target}: {(report.Pages == 1 ? "1 Seite" : $"{report.Pages} Seiten")}, Vorlage {report.TemplateVersion}.");
                    }
                }
                finally
                {
                    written.ForEach(w => File.Delete(w.Partial));
                }

                return 0;
            }, cancellationToken);
        });
        return command;
    }

    private static async Task<IReadOnlyList<string>> DistrictsAsync(IServiceProvider services, string networkKey, string value, CancellationToken ct)
    {
        if (!string.Equals(value.Trim(), "alle", StringComparison.OrdinalIgnoreCase))
        {
            var keys = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();
            return keys.Count > 0 ? keys : throw new CommandFailedException("--district: Bitte geben Sie einen Kreisschlüssel an, mehrere durch Komma getrennt, oder „alle“.");
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BedarfsanalyseDb>();
        var all = await db.Networks.AsNoTracking().Where(n => n.Key == networkKey)
            .SelectMany(n => n.Districts.Select(d => d.DistrictKey)).OrderBy(k => k).ToListAsync(ct);
        return all.Count > 0 ? all : throw new CommandFailedException($"Der Verbund „{networkKey}“ ist unbekannt oder hat keine Landkreise.");
    }

    private static async Task<(string Partial, RenderedDistrictReport Report)> RenderAsync(
        IServiceProvider services, string network, string district, string quarter, DirectoryInfo folder, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var renderer = scope.ServiceProvider.GetRequiredService<DistrictReportRenderer>();
        var partial = Path.Combine(folder.FullName, $".bericht-{Guid.NewGuid():N}.pdf.tmp");
        try
        {
            await using var file = File.Create(partial);
            return (partial, await renderer.RenderAsync(network, district, quarter, file, ct));
        }
        catch (Exception e)
        {
            File.Delete(partial);
            if (e is ReportRequestException or TemplateValidationException)
            {
                throw new CommandFailedException(e.Message);
            }

            throw;
        }
    }
}
