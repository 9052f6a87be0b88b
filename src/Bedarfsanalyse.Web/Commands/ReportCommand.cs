using System.CommandLine;
using Bedarfsanalyse.Reports.Templates;
using Bedarfsanalyse.Web.Features.Reports;

namespace Bedarfsanalyse.Web.Commands;

/// <summary>report --network KEY --district 03255 --quarter 2026-Q3 [--format pdf] [--out DIR]: the quarterly district report for scripts.</summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var network = new Option<string>("--network") { Description = "Schlüssel des Verbunds, z. B. mehrwert.", Required = true };
        var district = new Option<string>("--district") { Description = "Kreisschlüssel des Landkreises, z. B. 03255.", Required = true };
        var quarter = new Option<string>("--quarter") { Description = "Quartal, z. B. 2026-Q3.", Required = true };
        var format = new Option<string>("--format") { Description = "Dateiformat; derzeit nur pdf.", DefaultValueFactory = _ => "pdf" };
        var output = new Option<DirectoryInfo>("--out") { Description = "Ordner für die Datei (Standard: aktueller Ordner).", DefaultValueFactory = _ => new DirectoryInfo(".") };
        var command = new Command("report", "Erstellt den Quartalsbericht eines Landkreises als PDF.") { network, district, quarter, format, output };
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
                var renderer = services.GetRequiredService<DistrictReportRenderer>();
                var partial = Path.Combine(folder.FullName, $".bericht-{Guid.NewGuid():N}.pdf.tmp");
                try
                {
                    RenderedDistrictReport rendered;
                    await using (var file = File.Create(partial))
                    {
                        rendered = await renderer.RenderAsync(parseResult.GetValue(network)!, parseResult.GetValue(district)!, parseResult.GetValue(quarter)!, file, ct);
                    }

                    // Only a complete report takes the real name: a failure leaves no half-written PDF behind.
                    var target = Path.Combine(folder.FullName, rendered.FileName);
                    File.Move(partial, target, overwrite: true);
                    Console.WriteLine($"{target}: {rendered.Pages} Seiten, Vorlage {rendered.TemplateVersion}.");
                    return 0;
                }
                catch (Exception e) when (e is ReportRequestException or TemplateValidationException)
                {
                    throw new CommandFailedException(e.Message);
                }
                finally
                {
                    File.Delete(partial);
                }
            }, cancellationToken);
        });
        return command;
    }
}
