using System.CommandLine;
using Bedarfsanalyse.Core.Formatting;
using Bedarfsanalyse.Web.Commands.Demo;

namespace Bedarfsanalyse.Web.Commands;

/// <summary>seed-demo [--size S|M|L] [--network KEY] [--districts 03255,...] [--seed N]: demo data by binary COPY, all or nothing.</summary>
internal static class SeedDemoCommand
{
    public static Command Create()
    {
        var size = new Option<DemoSize>("--size") { Description = "Umfang: S (2.000 Interviews), M (20.000) oder L (200.000 in 45 Kreisen).", DefaultValueFactory = _ => DemoSize.S };
        var network = new Option<string?>("--network") { Description = $"Schlüssel des Verbunds (Standard: {DemoOptions.DefaultNetwork}; bei L der Benchmark-Verbund {LowerSaxonyNetwork.Key} mit allen 45 Kreisen Niedersachsens)." };
        var districts = new Option<string?>("--districts") { Description = "Kreisschlüssel, durch Kommas getrennt; nur Kreise des Verbunds (Standard: alle Kreise des Verbunds)." };
        var seed = new Option<int>("--seed") { Description = "Startwert des Zufallsgenerators (gleicher Wert, gleiche Antworten).", DefaultValueFactory = _ => DemoOptions.DefaultSeed };
        var command = new Command("seed-demo", "Füllt einen Verbund mit Demodaten (Betriebe, Interviews, Antworten).") { size, network, districts, seed };
        command.SetAction((parseResult, cancellationToken) => CommandHost.RunAsync(async (services, ct) =>
        {
            var keys = parseResult.GetValue(districts)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var options = new DemoOptions(parseResult.GetValue(size), parseResult.GetValue(network), keys, parseResult.GetValue(seed));
            var result = await services.GetRequiredService<DemoSeeder>().SeedAsync(options, Console.Error, ct);
            Console.WriteLine($"Demodaten geladen: Verbund {result.NetworkKey}, {result.Districts} Kreise, {GermanFigureFormat.Count(result.Establishments)} Betriebe, {GermanFigureFormat.Count(result.Interviews)} Interviews, {GermanFigureFormat.Count(result.Answers)} Antworten in {GermanFigureFormat.Number((decimal)result.Elapsed.TotalSeconds, 1)} s.");
            return 0;
        }, cancellationToken));
        return command;
    }
}
