using System.Diagnostics;
using System.Globalization;
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
using Npgsql;

namespace Bedarfsanalyse.Web.Commands.Bench;

/// <summary>
/// The quarterly run through the queue as production does it: the network's recurring job is triggered (for the
/// dataset's latest complete quarter), and two worker processes of this executable (<c>serve --role worker</c>) work
/// the PostgreSQL queue. Measures, by the database's clock, the time from the trigger to the last stored artifact
/// (target under 60 s for 45 districts plus the workbook) and counts the artifacts the database holds for the run.
/// </summary>
internal sealed class ReportQueueBenchmark : IBenchmark
{
    private const int WorkerProcesses = 2;
    private const int WorkersPerProcess = 1;
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    public string Name => "report-queue";

    public async IAsyncEnumerable<BenchmarkRow> RunAsync(BenchmarkContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var database = await AppDatabase.OpenAsync(context.Configuration, context.Progress, cancellationToken);
        if (database.IsPrivate)
        {
            await database.MigrateAsync(cancellationToken);
        }

        // This process only puts the trigger on the queue; the workers are processes of their own.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{AppDatabase.ConnectionStringName}"] = database.ConnectionString,
        });
        builder.UseRole(ServerRole.Web);
        builder.AddBedarfsanalyse();
        await using var app = builder.Build();

        var (networkKey, districts, quarter) = context.Network is { } loaded
            ? (loaded.Key, loaded.Districts.Count, loaded.LastComplete)
            : await ChooseAsync(app.Services, cancellationToken);
        if (networkKey is null)
        {
            yield return new BenchmarkRow("Quartalslauf über die Warteschlange: keine Verbünde mit Interviews in der Datenbank", "–", "< 60 s", "–");
            yield break;
        }

        var expected = districts + 1;
        context.Progress.WriteLine(
            $"report-queue: Verbund {networkKey}, {districts} Kreise und Arbeitsmappe, {quarter.ToGermanShortString()}, {WorkerProcesses} Worker-Prozesse …");
        // Building the storage creates the queue's schema, so that the workers do not race each other to it.
        _ = app.Services.GetRequiredService<JobStorage>();
        var workers = new List<Worker>();
        RunResult result;
        try
        {
            for (var i = 0; i < WorkerProcesses; i++)
            {
                workers.Add(StartWorker(database.ConnectionString));
            }

            await WaitForWorkersAsync(database.ConnectionString, workers, cancellationToken);

            // The network's own schedule entry, pointed at the quarter the dataset has, and fired now.
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var cron = await scope.ServiceProvider.GetRequiredService<BedarfsanalyseDb>().Networks
                    .Where(n => n.Key == networkKey).Select(n => n.ReportSchedule).SingleAsync(cancellationToken);
                var recurring = app.Services.GetRequiredService<IRecurringJobManager>();
                var quarterText = quarter.ToString();
                recurring.AddOrUpdate<QuarterlyReportsJob>(QuarterlyReportsJob.RecurringId(networkKey),
                    job => job.RunAsync(networkKey, quarterText, CancellationToken.None), cron,
                    new RecurringJobOptions { TimeZone = RecurringJobRegistration.Berlin });
                var triggered = await DatabaseNowAsync(database.ConnectionString, cancellationToken);
                recurring.Trigger(QuarterlyReportsJob.RecurringId(networkKey));
                result = await WaitAsync(app.Services, database.ConnectionString, networkKey, quarter, triggered, expected, workers, cancellationToken);
            }
        }
        finally
        {
            await StopAsync(workers);
        }

        var failures = result.Requests.Where(r => r.Status != ReportRequest.Done)
            .Select(r => $"{r.DistrictKey ?? "Arbeitsmappe"}: {r.Error ?? r.Status}").ToList();
        var seconds = result.LastArtifact is { } last ? (last - result.Triggered).TotalSeconds : double.NaN;
        yield return new BenchmarkRow(
            $"Quartalslauf über die Warteschlange ({districts} Kreise und Arbeitsmappe, {WorkerProcesses} Worker-Prozesse): Auslösen bis letzte Datei",
            double.IsNaN(seconds) ? "–" : GermanFigureFormat.Number(seconds, 1) + " s", "< 60 s",
            result.TimedOut ? $"abgebrochen nach {GermanFigureFormat.Number(Timeout.TotalMinutes, 0)} min" : "—",
            "report_queue.trigger_to_last_s", double.IsNaN(seconds) ? null : new Quantity(Math.Round(seconds, 1), "s"),
            new BenchmarkTarget(TargetComparison.LessThan, new Quantity(60, "s")));
        yield return new BenchmarkRow(
            $"Quartalslauf über die Warteschlange: archivierte Dateien des Laufs in der Datenbank / erwartet (je Kreis ein Bericht, eine Arbeitsmappe)",
            $"{GermanFigureFormat.Count(result.Artifacts)} / {GermanFigureFormat.Count(expected)}", "gleich",
            (result.DuplicateReports == 0 ? "keine doppelten" : $"{result.DuplicateReports} doppelt")
                + (failures.Count == 0 ? "" : $"; {failures.Count} fehlgeschlagen: " + string.Join("; ", failures.Take(3))),
            "report_queue.artifacts");
    }

    /// <summary>A worker process and whether it has said it works the queue (after its schedule registration ran).</summary>
    private sealed class Worker(Process process)
    {
        private volatile bool _started;

        public Process Process { get; } = process;

        public bool Started => _started;

        public void Read(string? line)
        {
            if (line is not null && line.Contains("arbeitet Aufträge ab", StringComparison.Ordinal))
            {
                _started = true;
            }
        }
    }

    private static Worker StartWorker(string connectionString)
    {
        var host = Environment.ProcessPath ?? "dotnet";
        var arguments = new List<string>();
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            arguments.Add(Path.Combine(AppContext.BaseDirectory, "Bedarfsanalyse.dll"));
        }

        arguments.AddRange(["serve", "--role", "worker"]);
        var start = new ProcessStartInfo(host, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment[$"ConnectionStrings__{AppDatabase.ConnectionStringName}"] = connectionString;
        start.Environment["Jobs__WorkerCount"] = WorkersPerProcess.ToString(CultureInfo.InvariantCulture);
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.StandardOutputEncoding = System.Text.Encoding.UTF8;
        var process = Process.Start(start)!;
        var worker = new Worker(process);
        process.OutputDataReceived += (_, e) => worker.Read(e.Data);
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return worker;
    }

    /// <summary>
    /// Waits until every worker process has said it started (its schedule registration is then done and cannot
    /// overwrite the trigger's entry) and announced its Hangfire server in the database.
    /// </summary>
    private static async Task WaitForWorkersAsync(string connectionString, List<Worker> workers, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(1);
        while (true)
        {
            ThrowIfDied(workers);
            var ready = 0;
            foreach (var worker in workers)
            {
                var servers = await ScalarAsync(connectionString, "select count(*) from hangfire.server where id like '%:' || @pid || ':%'",
                    ("pid", worker.Process.Id.ToString(CultureInfo.InvariantCulture)), cancellationToken);
                ready += worker.Started && servers > 0 ? 1 : 0;
            }

            if (ready == workers.Count)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new CommandFailedException($"report-queue: nur {ready} von {workers.Count} Worker-Prozessen haben sich innerhalb einer Minute gemeldet.");
            }

            await Task.Delay(200, cancellationToken);
        }
    }

    private static void ThrowIfDied(List<Worker> workers)
    {
        if (workers.FirstOrDefault(w => w.Process.HasExited) is { } dead)
        {
            throw new CommandFailedException($"report-queue: ein Worker-Prozess hat sich mit Code {dead.Process.ExitCode} beendet.");
        }
    }

    /// <summary>Waits until the run's requests are all done or failed, then counts what the archive holds for it.</summary>
    private static async Task<RunResult> WaitAsync(
        IServiceProvider services, string connectionString, string networkKey, Quarter quarter, DateTimeOffset triggered, int expected,
        List<Worker> workers, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (true)
        {
            ThrowIfDied(workers);
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<BedarfsanalyseDb>();
            var networkId = await db.Networks.Where(n => n.Key == networkKey).Select(n => n.Id).SingleAsync(cancellationToken);
            var requests = await db.ReportRequests.AsNoTracking()
                .Where(r => r.NetworkId == networkId && r.RequestedAt >= triggered && r.RequestedBy == null).ToListAsync(cancellationToken);
            var finished = requests.Count >= expected && requests.All(r => r.Status is ReportRequest.Done or ReportRequest.Failed);
            var timedOut = DateTime.UtcNow > deadline;
            if (finished || timedOut)
            {
                var artifacts = await db.ReportArtifacts.AsNoTracking()
                    .Where(a => a.NetworkId == networkId && a.PeriodStart == quarter.FirstDay && a.PeriodEnd == quarter.NextFirstDay && a.GeneratedAt >= triggered)
                    .Select(a => new { a.DistrictKey, a.Kind, a.GeneratedAt })
                    .ToListAsync(cancellationToken);
                var duplicates = artifacts.GroupBy(a => (a.DistrictKey, a.Kind)).Sum(g => g.Count() - 1);
                var last = artifacts.Count == 0 ? (DateTimeOffset?)null : artifacts.Max(a => a.GeneratedAt);
                return new RunResult(triggered, requests, artifacts.Count, duplicates, last, timedOut && !finished);
            }

            await Task.Delay(250, cancellationToken);
        }
    }

    /// <summary>Ends the workers as a service manager does (they hand running jobs back), killing any that hangs.</summary>
    private static async Task StopAsync(List<Worker> started)
    {
        var workers = started.Select(w => w.Process).ToList();
        foreach (var worker in workers.Where(w => !w.HasExited))
        {
            using var term = Process.Start("kill", ["-TERM", worker.Id.ToString(CultureInfo.InvariantCulture)]);
            await term.WaitForExitAsync();
        }

        foreach (var worker in workers)
        {
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try
            {
                await worker.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                worker.Kill(entireProcessTree: true);
            }

            worker.Dispose();
        }
    }

    private static async Task<DateTimeOffset> DatabaseNowAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("select now()", connection);
        return new DateTimeOffset((DateTime)(await command.ExecuteScalarAsync(cancellationToken))!, TimeSpan.Zero);
    }

    private static async Task<long> ScalarAsync(string connectionString, string sql, (string Name, object Value) parameter, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue(parameter.Name, parameter.Value);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
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

    private sealed record RunResult(
        DateTimeOffset Triggered, List<ReportRequest> Requests, int Artifacts, int DuplicateReports, DateTimeOffset? LastArtifact, bool TimedOut);
}
