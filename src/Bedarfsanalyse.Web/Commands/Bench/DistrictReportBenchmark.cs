using System.Diagnostics;
using System.Runtime.CompilerServices;
using Bedarfsanalyse.Core.Formatting;
using Bedarfsanalyse.Core.Periods;
using Bedarfsanalyse.Data.Interviews;
using Bedarfsanalyse.Web.Database;
using Bedarfsanalyse.Web.Features.Reports;
using Microsoft.EntityFrameworkCore;

namespace Bedarfsanalyse.Web.Commands.Bench;

/// <summary>
/// The quarterly district report, model plus rendering, on the configured database (the bench load): one district warm
/// (target under 1 s), all districts of the network with the most districts for its latest quarter (under 30 s), the
/// process's peak memory (under 500 MB) and pages per second.
/// </summary>
internal sealed class DistrictReportBenchmark : IBenchmark
{
    public string Name => "district-report";

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

        var (networkKey, districts, quarter) = context.Network is { } loaded ? (loaded.Key, loaded.Districts, loaded.Last) : await ChooseAsync(app.Services, cancellationToken);
        if (networkKey is null)
        {
            yield return new BenchmarkRow("Quartalsbericht: keine Verbünde mit Interviews in der Datenbank", "–", "< 1 s", "–");
            yield break;
        }

        context.Progress.WriteLine($"district-report: Verbund {networkKey}, {districts.Count} Landkreise, {quarter.ToGermanShortString()} …");

        // Cold: the first report pays for JIT, fonts and templates; then the same district warm.
        await RenderAsync(app.Services, networkKey, districts[0], quarter, cancellationToken);
        var warm = new List<double>();
        var warmRuns = Math.Clamp(context.Iterations / 1000, 3, 10);
        for (var i = 0; i < warmRuns; i++)
        {
            var watch = Stopwatch.StartNew();
            await RenderAsync(app.Services, networkKey, districts[0], quarter, cancellationToken);
            warm.Add(watch.Elapsed.TotalMilliseconds);
        }

        warm.Sort();
        var all = Stopwatch.StartNew();
        var pages = 0;
        foreach (var district in districts)
        {
            pages += await RenderAsync(app.Services, networkKey, district, quarter, cancellationToken);
        }

        all.Stop();

        // Memory as a worker has it: the same reports by the report command in a process of their own (this one holds
        // what loading the dataset and the other benchmarks left behind).
        var folder = Directory.CreateTempSubdirectory("bedarfsanalyse-bench-reports-");
        CommandProcess.Result alone;
        try
        {
            alone = await CommandProcess.RunAsync(database.ConnectionString,
                ["report", "--network", networkKey, "--district", "alle", "--quarter", quarter.ToString(), "--out", folder.FullName], cancellationToken);
        }
        finally
        {
            folder.Delete(recursive: true);
        }

        yield return new BenchmarkRow(
            $"Quartalsbericht eines Landkreises (Modell und PDF, warm, Median aus {warmRuns})",
            LatencySample.Format(warm[warm.Count / 2]), "< 1 s", $"{districts[0]}, {quarter.ToGermanShortString()}");
        yield return new BenchmarkRow(
            $"Quartalsberichte aller {districts.Count} Landkreise des Verbunds {networkKey}",
            GermanFigureFormat.Number(all.Elapsed.TotalSeconds, 1) + " s", "< 30 s", $"{GermanFigureFormat.Count(pages)} Seiten");
        yield return new BenchmarkRow(
            "Quartalsberichte: Seiten je Sekunde (Modell und PDF)",
            GermanFigureFormat.Number(pages / all.Elapsed.TotalSeconds, 0), "–", "PDF allein: siehe ADR 0005");
        yield return alone.ExitCode == 0
            ? new BenchmarkRow(
                $"Quartalsberichte: höchster Speicherbedarf (Befehl report für alle {districts.Count} Landkreise, eigener Prozess)",
                GermanFigureFormat.Count(alone.PeakBytes / 1024 / 1024) + " MB", "< 500 MB",
                $"VmHWM (Resident Set); der Prozess brauchte {GermanFigureFormat.Number(alone.Elapsed.TotalSeconds, 1)} s mit Start")
            : new BenchmarkRow("Quartalsberichte: Befehl report fehlgeschlagen", alone.Errors.Trim(), "< 500 MB", "–");
    }

    private static async Task<int> RenderAsync(IServiceProvider services, string network, string district, Quarter quarter, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var rendered = await scope.ServiceProvider.GetRequiredService<DistrictReportRenderer>()
            .RenderAsync(network, district, quarter, Stream.Null, cancellationToken);
        return rendered.Pages;
    }

    /// <summary>The network with the most districts that has completed interviews, and its latest quarter with interviews.</summary>
    private static async Task<(string? Network, IReadOnlyList<string> Districts, Quarter Quarter)> ChooseAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Data.BedarfsanalyseDb>();
        var candidates = await db.Networks.AsNoTracking()
            .OrderByDescending(n => n.Districts.Count)
            .Select(n => new { n.Id, n.Key, Districts = n.Districts.Select(d => d.DistrictKey).OrderBy(k => k).ToList() })
            .ToListAsync(cancellationToken);
        foreach (var network in candidates)
        {
            var latest = await db.Interviews.AsNoTracking()
                .Where(i => i.NetworkId == network.Id && i.Status == Interview.Completed)
                .MaxAsync(i => (DateOnly?)i.ConductedOn, cancellationToken);
            if (latest is { } day && network.Districts.Count > 0)
            {
                return (network.Key, network.Districts, Quarter.Of(day));
            }
        }

        return (null, [], default);
    }
}
