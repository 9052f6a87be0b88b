using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using Bedarfsanalyse.Core.Formatting;
using Bedarfsanalyse.Data;
using Bedarfsanalyse.Data.Accounts;
using Bedarfsanalyse.Web.Database;
using Bedarfsanalyse.Web.Features.ApiTokens;
using Bedarfsanalyse.Web.Features.Questionnaires;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Bedarfsanalyse.Web.Commands.Bench;

/// <summary>
/// The interview API under load: 32 concurrent clients on loopback each create an employer interview, save two pages
/// as drafts and complete it, against the app in this process on a scratch database (created next to the configured
/// one and dropped afterwards). Prints requests and completions per second, latency percentiles and the check that
/// every 2xx completion is in the database.
/// </summary>
internal sealed class InterviewApiBenchmark : IBenchmark
{
    public const int Clients = 32;
    private const string P95Target = "< 50 ms (Issue 5)";
    private const string ScratchDatabase = "bedarfsanalyse_bench_interviews";

    public string Name => "interview-api";

    public async IAsyncEnumerable<BenchmarkRow> RunAsync(BenchmarkContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var database = await AppDatabase.OpenAsync(context.Configuration, context.Progress, cancellationToken);
        var scratch = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Database = ScratchDatabase, Pooling = true, MaxPoolSize = 100 }.ConnectionString;
        await RecreateAsync(database.ConnectionString, drop: false, cancellationToken);
        try
        {
            var rows = await MeasureAsync(context, scratch, cancellationToken);
            foreach (var row in rows)
            {
                yield return row;
            }
        }
        finally
        {
            await RecreateAsync(database.ConnectionString, drop: true, CancellationToken.None);
        }
    }

    private static async Task<IReadOnlyList<BenchmarkRow>> MeasureAsync(BenchmarkContext context, string connectionString, CancellationToken cancellationToken)
    {
        var interviews = Math.Clamp(context.Iterations / 20, Clients * 2, 5_000);
        context.Progress.WriteLine($"interview-api: {Clients} Clients, {interviews} Interviews zu je 4 Anfragen, Datenbank {ScratchDatabase} …");
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration["ConnectionStrings:Bedarfsanalyse"] = connectionString;
        builder.Configuration["Jobs:RunServer"] = "false";
        builder.Configuration["RateLimits:TokenRequestsPerMinute"] = "10000000";
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddBedarfsanalyse();
        await using var app = builder.Build();
        app.MapBedarfsanalyse();
        await using (var db = CreateDb(connectionString))
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        await app.StartAsync(cancellationToken);
        try
        {
            var token = await PrepareAsync(app.Services, cancellationToken);
            using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Clients * 2 }) { BaseAddress = new Uri(app.Urls.First()) };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

            // Warm-up: JIT, connection pools, the compiled questionnaire cache. A failure here is a broken benchmark.
            // The runtime recompiles hot methods (tiered compilation) in the background for seconds after their first
            // calls; measured before that settles, a run would count seconds of JIT work as request CPU.
            var warmup = await WarmUpAsync(client, context.Progress, cancellationToken);
            if (warmup.Failed > 0)
            {
                throw new CommandFailedException("Die Benchmark-Interviews werden abgelehnt: " + warmup.FirstFailure);
            }

            var cpuBefore = Environment.CpuUsage.TotalTime;
            var postgresBefore = PostgresCpu.Total();
            var allocatedBefore = GC.GetTotalAllocatedBytes();
            var pauseBefore = GC.GetTotalPauseDuration();
            var watch = Stopwatch.StartNew();
            var run = await RunClientsAsync(client, interviews, cancellationToken);
            watch.Stop();
            var requests = run.Latencies.Count;
            var appCpu = (Environment.CpuUsage.TotalTime - cpuBefore).TotalMilliseconds / requests;
            var postgresCpu = PostgresCpu.Total() - postgresBefore is { } used ? used.TotalMilliseconds / requests : (double?)null;
            context.Progress.WriteLine($"interview-api: {appCpu:0.00} ms CPU dieses Prozesses (App und Clients) je Anfrage, "
                + $"{(GC.GetTotalAllocatedBytes() - allocatedBefore) / requests / 1024} KiB angelegt je Anfrage, GC-Pausen {(GC.GetTotalPauseDuration() - pauseBefore).TotalMilliseconds:0} ms");

            // Baseline: one client alone, i.e. the latency of a request without waiting for the others.
            cpuBefore = Environment.CpuUsage.TotalTime;
            var alone = await RunClientsAsync(client, Clients * 4, cancellationToken, clients: 1);
            context.Progress.WriteLine($"interview-api: mit 1 Client {(Environment.CpuUsage.TotalTime - cpuBefore).TotalMilliseconds / alone.Latencies.Count:0.00} ms CPU je Anfrage");
            var single = LatencySample.From([.. alone.Latencies]);

            // Every completed interview in the scratch database, whichever phase stored it, against every 2xx completion.
            int stored;
            await using (var db = CreateDb(connectionString))
            {
                stored = await db.Interviews.CountAsync(i => i.Status == "completed", cancellationToken);
            }

            var answered = warmup.Completed + run.Completed + alone.Completed;
            var failures = run.Failed + alone.Failed;
            var latencies = run.Latencies;
            var completed = run.Completed;
            var sample = LatencySample.From([.. latencies]);
            var seconds = watch.Elapsed.TotalSeconds;
            var what = $"Interview-API, {Clients} gleichzeitige Clients (anlegen, 2 Seiten speichern, abschließen)";
            return
            [
                new($"{what}: Anfragen je Sekunde", GermanFigureFormat.Count((int)Math.Round(latencies.Count / seconds)), "–", $"{GermanFigureFormat.Count(latencies.Count)} Anfragen in {seconds.ToString("0.0", System.Globalization.CultureInfo.GetCultureInfo("de-DE"))} s"),
                new($"{what}: abgeschlossene Interviews je Sekunde", GermanFigureFormat.Count((int)Math.Round(completed / seconds)), "≥ 300 (Issue 5)", $"{failures} Fehlantworten"),
                new($"{what}: CPU je Anfrage (App und Clients + PostgreSQL)",
                    postgresCpu is { } server ? $"{GermanFigureFormat.Number(appCpu, 2)} + {GermanFigureFormat.Number(server, 2)} ms" : $"{GermanFigureFormat.Number(appCpu, 2)} ms + ?",
                    "≤ 1,67 ms", "2 Kerne ÷ 1.200 Anfragen/s (300 Interviews/s)",
                    Measured: postgresCpu is { } total ? new Quantity(appCpu + total, "ms") : null),
                new($"{what}: Latenz Median", LatencySample.Format(sample.Median), "–", $"{LatencySample.Format(single.Median)} mit 1 Client"),
                new($"{what}: Latenz 95. Perzentil", LatencySample.Format(sample.P95), P95Target, $"{LatencySample.Format(single.P95)} mit 1 Client"),
                new($"{what}: Latenz 99. Perzentil", LatencySample.Format(sample.Percentile(99)), "–", ""),
                new($"{what}: abgeschlossen in der Datenbank / 2xx-Antworten", $"{GermanFigureFormat.Count(stored)} / {GermanFigureFormat.Count(answered)}", "gleich",
                    stored == answered ? "alle Phasen (Aufwärmen, Messung, 1 Client)" : "ABWEICHUNG"),
            ];
        }
        finally
        {
            await app.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>
    /// Runs <paramref name="interviews"/> interviews on <paramref name="clients"/> workers. An interview whose request is
    /// refused is given up there (its later requests would only fail for want of a version), and each refused request
    /// counts once.
    /// </summary>
    private static async Task<ClientRun> RunClientsAsync(HttpClient client, int interviews, CancellationToken cancellationToken, int clients = Clients)
    {
        var next = -1;
        var failures = 0;
        var done = 0;
        string? firstFailure = null;
        var latencies = new ConcurrentBag<double>();
        var workers = Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref next) < interviews)
            {
                var id = Guid.CreateVersion7();
                var version = await SendAsync(HttpMethod.Post, "/api/v1/interviews", InterviewApiRequests.Create(id));
                version = version is null ? null : await SendAsync(HttpMethod.Put, $"/api/v1/interviews/{id}/answers", InterviewApiRequests.SaveSecondPage(version.Value));
                version = version is null ? null : await SendAsync(HttpMethod.Put, $"/api/v1/interviews/{id}/answers", InterviewApiRequests.SaveThirdPage(version.Value));
                version = version is null ? null : await SendAsync(HttpMethod.Post, $"/api/v1/interviews/{id}/complete", InterviewApiRequests.Complete(version.Value));
                if (version is not null)
                {
                    Interlocked.Increment(ref done);
                }
            }
        }, cancellationToken));
        await Task.WhenAll(workers);
        return new ClientRun([.. latencies], done, failures, firstFailure);

        // The body is sent with its length, as most clients do, rather than chunked.
        async Task<uint?> SendAsync(HttpMethod method, string path, byte[] body)
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var request = new HttpRequestMessage(method, path) { Content = content };
            var start = Stopwatch.GetTimestamp();
            using var response = await client.SendAsync(request, cancellationToken);
            var text = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            if (!response.IsSuccessStatusCode)
            {
                Interlocked.Increment(ref failures);
                Interlocked.CompareExchange(ref firstFailure, $"{(int)response.StatusCode} {path}: {System.Text.Encoding.UTF8.GetString(text)}", null);
                return null;
            }

            return InterviewApiRequests.Version(text);
        }
    }

    /// <summary>Rounds of interviews until the process falls quiet after one (at most 40 rounds).</summary>
    private static async Task<ClientRun> WarmUpAsync(HttpClient client, TextWriter progress, CancellationToken cancellationToken)
    {
        var interviews = 0;
        var failed = 0;
        string? firstFailure = null;
        for (var round = 1; round <= 40; round++)
        {
            var run = await RunClientsAsync(client, Clients * 4, cancellationToken);
            interviews += run.Completed;
            failed += run.Failed;
            firstFailure ??= run.FirstFailure;
            var before = Environment.CpuUsage.TotalTime;
            await Task.Delay(1000, cancellationToken);
            var quiet = Environment.CpuUsage.TotalTime - before;
            if (failed > 0 || quiet < TimeSpan.FromMilliseconds(50))
            {
                progress.WriteLine($"interview-api: aufgewärmt nach {round} Runden ({quiet.TotalMilliseconds:0} ms CPU in der Ruhesekunde danach)");
                break;
            }
        }

        return new ClientRun([], interviews, failed, firstFailure);
    }

    private sealed record ClientRun(IReadOnlyList<double> Latencies, int Completed, int Failed, string? FirstFailure);

    /// <summary>Questionnaires, an interviewer of Holzminden in MehrWert and a token of theirs, in the scratch database.</summary>
    private static async Task<string> PrepareAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<NetworkQuestionnaireSetup>().EnsurePublishedAsync(cancellationToken);
        var db = scope.ServiceProvider.GetRequiredService<BedarfsanalyseDb>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var network = await db.Networks.Where(n => n.Key == "mehrwert").Select(n => n.Id).SingleAsync(cancellationToken);
        var user = new AppUser { UserName = "bench@example.org", Email = "bench@example.org", EmailConfirmed = true, DisplayName = "bench", NetworkId = network };
        user.Districts.Add(new UserDistrict { DistrictKey = "03255" });
        var created = await users.CreateAsync(user, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)) + "aA1!");
        if (!created.Succeeded)
        {
            throw new CommandFailedException("Benchmark-Konto: " + string.Join("; ", created.Errors.Select(e => e.Description)));
        }

        await users.AddToRoleAsync(user, Roles.Interviewer);
        var token = await scope.ServiceProvider.GetRequiredService<ApiTokenService>().CreateAsync(user.Id, "bench", 30, cancellationToken);
        return token.Value ?? throw new CommandFailedException("Benchmark-Token konnte nicht erzeugt werden.");
    }

    private static BedarfsanalyseDb CreateDb(string connectionString)
    {
        var options = new DbContextOptionsBuilder<BedarfsanalyseDb>();
        BedarfsanalyseDb.Configure(options, connectionString);
        return new BedarfsanalyseDb(options.Options);
    }

    private static async Task RecreateAsync(string connectionString, bool drop, CancellationToken cancellationToken)
    {
        var maintenance = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false }.ConnectionString;
        await using var connection = new NpgsqlConnection(maintenance);
        await connection.OpenAsync(cancellationToken);
        await using (var command = new NpgsqlCommand($"drop database if exists {ScratchDatabase} with (force)", connection))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        if (!drop)
        {
            await using var create = new NpgsqlCommand($"create database {ScratchDatabase}", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
