using System.Diagnostics;
using System.Runtime.CompilerServices;
using Bedarfsanalyse.Core.Formatting;
using Bedarfsanalyse.Core.Periods;
using Bedarfsanalyse.Data;
using Bedarfsanalyse.Data.Interviews;
using Bedarfsanalyse.Data.Reports;
using Bedarfsanalyse.Web.Database;
using Bedarfsanalyse.Web.Features.ReportRequests;
using Bedarfsanalyse.Web.Jobs;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace Bedarfsanalyse.Web.Commands.Bench;

/// <summary>
/// The quarterly run through the queue as production does it: the schedule's job for the network with the most
/// districts and its latest complete quarter, worked by a job server with two workers on this machine. Measures the
/// time from the trigger to the last stored artifact (target under 60 s for 45 districts plus the workbook).
/// </summary>
internal sealed class ReportQueueBenchmark : IBenchmark
{
    private const int Workers = 2;

    public string Name => "report-queue";

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
            ["Jobs:WorkerCount"] = Workers.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        builder.UseRole(ServerRole.Worker);
        builder.AddBedarfsanalyse();
        await using var app = builder.Build();

        var (networkKey, districts, quarter) = context.Network is { } loaded ? (loaded.Key, loaded.Districts.Count, loaded.LastComplete) : await ChooseAsync(app.Services, cancellationToken);
        if (networkKey is null)
        {
            yield return new BenchmarkRow("Quartalslauf über die Warteschlange: keine Verbünde mit Interviews in der Datenbank", "–", "< 60 s", "–");
            yield break;
        }

        context.Progress.WriteLine($"report-queue: Verbund {networkKey}, {districts} Landkreise und Arbeitsmappe, {quarter.ToGermanShortString()}, {Workers} Worker …");
        await app.StartAsync(cancellationToken);
        var triggered = DateTimeOffset.UtcNow;
        var watch = Stopwatch.StartNew();
        app.Services.GetRequiredService<IBackgroundJobClient>()
            .Enqueue<QuarterlyReportsJob>(job => job.RunAsync(networkKey, quarter.ToString(), CancellationToken.None));

        var requests = await WaitAsync(app.Services, triggered, districts + 1, cancellationToken);
        watch.Stop();
        await app.StopAsync(CancellationToken.None);

        var done = requests.Count(r => r.Status == ReportRequest.Done);
        var last = requests.Where(r => r.FinishedAt is not null).Select(r => r.FinishedAt!.Value).DefaultIfEmpty(DateTimeOffset.UtcNow).Max();
        var failures = requests.Where(r => r.Status != ReportRequest.Done).Select(r => $"{r.DistrictKey ?? "Arbeitsmappe"}: {r.Error ?? r.Status}").ToList();
        yield return new BenchmarkRow(
            $"Quartalslauf über die Warteschlange ({districts} Landkreise und Arbeitsmappe, {Workers} Worker): Auslösen bis letzte Datei",
            GermanFigureFormat.Number((last - triggered).TotalSeconds, 1) + " s", "< 60 s",
            $"{GermanFigureFormat.Count(done)} von {GermanFigureFormat.Count(districts + 1)} Dateien archiviert"
                + (failures.Count == 0 ? "" : "; fehlgeschlagen: " + string.Join("; ", failures.Take(3))));
    }

    /// <summary>Waits until every request the run made is done or failed (at most 10 minutes).</summary>
    private static async Task<List<ReportRequest>> WaitAsync(IServiceProvider services, DateTimeOffset since, int expected, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(10);
        while (true)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<BedarfsanalyseDb>();
            var requests = await db.ReportRequests.AsNoTracking().Where(r => r.RequestedAt >= since).ToListAsync(cancellationToken);
            if ((requests.Count >= expected && requests.All(r => r.Status is ReportRequest.Done or ReportRequest.Failed)) || DateTime.UtcNow > deadline)
            {
                return requests;
            }

            await Task.Delay(250, cancellationToken);
        }
    }

    /// <summary>The network with the most districts that has completed interviews, and its latest quarter before the current one.</summary>
    private static async Task<(string? Network, int Districts, Quarter Quarter)> ChooseAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BedarfsanalyseDb>();
        var current = Quarter.Of(DateOnly.FromDateTime(DateTime.Today));
        var candidates = await db.Networks.AsNoTracking()
            .OrderByDescending(n => n.Districts.Count)
            .Select(n => new { n.Id, n.Key, Districts = n.Districts.Count })
            .ToListAsync(cancellationToken);
        foreach (var network in candidates)
        {
            var latest = await db.Interviews.AsNoTracking()
                .Where(i => i.NetworkId == network.Id && i.Status == Interview.Completed && i.ConductedOn < current.FirstDay)
                .MaxAsync(i => (DateOnly?)i.ConductedOn, cancellationToken);
            if (latest is { } day && network.Districts > 0)
            {
                return (network.Key, network.Districts, Quarter.Of(day));
            }
        }

        return (null, 0, default);
    }
}
