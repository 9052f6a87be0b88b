using Bedarfsanalyse.Data.Reports;
using Bedarfsanalyse.Testing;
using Bedarfsanalyse.Web.Commands.Demo;
using Bedarfsanalyse.Web.Features.ReportRequests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Bedarfsanalyse.IntegrationTests.ReportRequests;

/// <summary>Worker processes started as an operator starts them (serve --role worker), one of them killed mid-job.</summary>
public sealed class WorkerFailureTests(TestDatabase database) : AppTest(database)
{
    public override async Task InitializeAsync()
    {
        await JobQueue.ClearAsync(Database);
        await base.InitializeAsync();
    }

    [Fact]
    public async Task A_worker_killed_in_the_middle_of_a_report_leaves_the_job_to_the_next_worker_and_exactly_one_artifact_results()
    {
        var (requestId, quarter) = await RequestReportAsync();
        await using var archive = await HoldArchiveAsync();

        var first = StartWorker();
        await WaitUntilBlockedAsync(first);
        (await StatusAsync(requestId)).ShouldBe(ReportRequest.Running);

        first.Signal("KILL");
        (await first.WaitForExitAsync(TimeSpan.FromSeconds(20))).ShouldBeTrue();
        await archive.RollbackAsync();

        await using var second = StartWorker();
        await WaitUntilAsync(async () => await StatusAsync(requestId) == ReportRequest.Done ? 1L : 0L, done => done == 1, second);
        await ShouldHaveExactlyOneArtifactAsync(requestId, quarter);
    }

    [Fact]
    public async Task A_worker_stopped_by_the_service_manager_hands_its_running_report_back_and_the_next_worker_finishes_it()
    {
        var (requestId, quarter) = await RequestReportAsync();
        await using var archive = await HoldArchiveAsync();

        var first = StartWorker();
        await WaitUntilBlockedAsync(first);
        first.Signal("TERM");
        (await first.WaitForExitAsync(TimeSpan.FromSeconds(60))).ShouldBeTrue(first.Output + first.Errors);
        first.ExitCode.ShouldBe(0);
        (await StatusAsync(requestId)).ShouldBe(ReportRequest.Queued);
        await archive.RollbackAsync();

        await using var second = StartWorker();
        await WaitUntilAsync(async () => await StatusAsync(requestId) == ReportRequest.Done ? 1L : 0L, done => done == 1, second);
        await ShouldHaveExactlyOneArtifactAsync(requestId, quarter);
    }

    [Fact]
    public async Task When_the_database_drops_every_connection_while_a_report_runs_the_job_retries_and_exactly_one_artifact_results()
    {
        var (requestId, quarter) = await RequestReportAsync();
        var archive = await HoldArchiveAsync();

        await using var worker = StartWorker();
        await WaitUntilBlockedAsync(worker);
        // What the clients see of a database restart: every connection of the database ends at once (the hold's too).
        await ScalarAsync("select count(pg_terminate_backend(pid)) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()");
        await archive.DisposeAsync();

        await WaitUntilAsync(async () => await StatusAsync(requestId) == ReportRequest.Done ? 1L : 0L, done => done == 1, worker);
        await ShouldHaveExactlyOneArtifactAsync(requestId, quarter);
    }

    [Fact]
    public async Task When_the_database_server_restarts_while_a_report_runs_the_worker_reconnects_and_exactly_one_artifact_results()
    {
        var cluster = Database.Cluster
            ?? throw new InvalidOperationException("Dieser Test startet den Datenbankserver neu und braucht dafür den privaten Cluster (BEDARFSANALYSE_TEST_DB nicht setzen).");
        var (requestId, quarter) = await RequestReportAsync();
        var archive = await HoldArchiveAsync();

        await using var worker = StartWorker();
        await WaitUntilBlockedAsync(worker);
        await RestartAsync(cluster.DataDirectory);
        await archive.DisposeAsync();
        Npgsql.NpgsqlConnection.ClearAllPools();

        await WaitUntilAsync(async () => await StatusAsync(requestId) == ReportRequest.Done ? 1L : 0L, done => done == 1, worker);
        await ShouldHaveExactlyOneArtifactAsync(requestId, quarter);
        await using var db = CreateDb();
        // The run the restart broke, and the retry that finished it.
        (await db.ReportRequests.Where(r => r.Id == requestId).Select(r => r.Attempts).SingleAsync()).ShouldBe(2);
    }

    /// <summary>A fast restart as an operator does it: every session ends, the server is away for a moment, then back on the same port.</summary>
    private static async Task RestartAsync(string dataDirectory)
    {
        var pgCtl = Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin", "pg_ctl")).Where(File.Exists).Order().Last();
        // The server's output must go to its log: a pipe to this test would stay open as long as the server runs.
        string[] arguments = ["-D", dataDirectory, "-l", Path.Combine(dataDirectory, "server.log"), "-m", "fast", "-w", "-t", "60", "restart"];
        var start = Environment.UserName == "root"
            ? new System.Diagnostics.ProcessStartInfo("runuser", ["-u", "postgres", "--", pgCtl, .. arguments])
            : new System.Diagnostics.ProcessStartInfo(pgCtl, arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var restart = System.Diagnostics.Process.Start(start)!;
        var output = await restart.StandardOutput.ReadToEndAsync() + await restart.StandardError.ReadToEndAsync();
        await restart.WaitForExitAsync();
        restart.ExitCode.ShouldBe(0, output);
    }

    private async Task<(Guid RequestId, Core.Periods.Quarter Quarter)> RequestReportAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>()
            .SeedAsync(new DemoOptions(NetworkKey: Network, Interviews: 300), TextWriter.Null, CancellationToken.None);
        var quarter = Core.Periods.Quarter.Of(DateOnly.FromDateTime(DateTime.Now)).Previous();
        await using var db = CreateDb();
        var networkId = await db.Networks.Where(n => n.Key == Network).Select(n => n.Id).SingleAsync();
        var request = await scope.ServiceProvider.GetRequiredService<ReportRequestService>()
            .EnqueueAsync(networkId, Holzminden, "pdf", quarter.FirstDay, quarter.NextFirstDay, SteeringId, CancellationToken.None);
        return (request.Id, quarter);
    }

    /// <summary>
    /// Holds the archive table so that a job stops right before it stores its report: "in the middle" at a known point.
    /// Rolling the returned transaction back lets jobs go on.
    /// </summary>
    private async Task<ArchiveHold> HoldArchiveAsync()
    {
        var holder = new NpgsqlConnection(Database.ConnectionString);
        await holder.OpenAsync();
        var hold = await holder.BeginTransactionAsync();
        await using var lockTable = new NpgsqlCommand("lock table report_artifacts in share mode", holder, hold);
        await lockTable.ExecuteNonQueryAsync();
        return new ArchiveHold(holder, hold);
    }

    private Task WaitUntilBlockedAsync(AppProcess worker) => WaitUntilAsync(
        () => ScalarAsync("select count(*) from pg_locks where not granted and relation = 'report_artifacts'::regclass"), count => count > 0, worker);

    private async Task ShouldHaveExactlyOneArtifactAsync(Guid requestId, Core.Periods.Quarter quarter)
    {
        await using var db = CreateDb();
        var artifacts = await db.ReportArtifacts.AsNoTracking().Where(a => a.DistrictKey == Holzminden && a.PeriodStart == quarter.FirstDay).ToListAsync();
        artifacts.Count.ShouldBe(1);
        var request = await db.ReportRequests.AsNoTracking().SingleAsync(r => r.Id == requestId);
        request.ArtifactId.ShouldBe(artifacts[0].Id);
        request.Error.ShouldBeNull();
        (await db.ArtifactContents.CountAsync(c => c.ArtifactId == artifacts[0].Id)).ShouldBe(1);
    }

    private AppProcess StartWorker() => AppProcess.Start(
        new Dictionary<string, string?>
        {
            ["ConnectionStrings__Bedarfsanalyse"] = Database.ConnectionString,
            // A dead worker's job goes to another worker this long after its last sign of life (300 s in production).
            ["Jobs__InvisibilityTimeoutSeconds"] = "5",
            ["Jobs__WorkerCount"] = "1",
        },
        "serve", "--role", "worker");

    private async Task<string> StatusAsync(Guid requestId)
    {
        await using var db = CreateDb();
        return await db.ReportRequests.Where(r => r.Id == requestId).Select(r => r.Status).SingleAsync();
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task WaitUntilAsync(Func<Task<long>> probe, Func<long, bool> reached, AppProcess worker)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (!reached(await probe()))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Der Worker kam nicht an. Ausgabe:{Environment.NewLine}{worker.Output}{Environment.NewLine}{worker.Errors}");
            }

            await Task.Delay(200);
        }
    }

    private sealed class ArchiveHold(NpgsqlConnection connection, NpgsqlTransaction transaction) : IAsyncDisposable
    {
        public Task RollbackAsync() => transaction.RollbackAsync();

        public async ValueTask DisposeAsync()
        {
            try
            {
                await transaction.DisposeAsync();
            }
            catch (NpgsqlException)
            {
                // The connection was ended by the server; nothing is held any more.
            }

            await connection.DisposeAsync();
        }
    }
}
