using Bedarfsanalyse.Data.Reports;
using Bedarfsanalyse.Testing;
using Bedarfsanalyse.Web.Commands.Demo;
using Bedarfsanalyse.Web.Features.Establishments;
using Bedarfsanalyse.Web.Features.ReportRequests;
using Bedarfsanalyse.Web.Jobs;
using Hangfire;
using Hangfire.Storage;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Bedarfsanalyse.IntegrationTests.ReportRequests;

/// <summary>How a report job moves, fails and is retried, with a real Hangfire server working the test database's queue.</summary>
public sealed class ReportJobTests(TestDatabase database) : AppTest(database)
{
    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["Jobs:RunServer"] = "true",
        ["Jobs:WorkerCount"] = "1",
    };

    public override async Task InitializeAsync()
    {
        await JobQueue.ClearAsync(Database);
        await base.InitializeAsync();
    }

    [Fact]
    public async Task A_request_that_cannot_be_fulfilled_fails_at_once_with_its_German_reason_and_is_not_tried_again()
    {
        // April 2026 alone is no quarter: the report generator refuses the period, whatever attempt it is.
        var request = await EnqueueAsync(Holzminden, new DateOnly(2026, 4, 1), new DateOnly(2026, 5, 1));

        var finished = (await JobQueue.WaitForRequestsAsync(Database, 1, TimeSpan.FromMinutes(1))).Single();
        await Task.Delay(TimeSpan.FromSeconds(2));

        finished.Status.ShouldBe(ReportRequest.Failed);
        finished.Error.ShouldBe("Der Quartalsbericht wird für ein Kalenderquartal erstellt, nicht für einen anderen Zeitraum. Der Auftrag wird nicht wiederholt.");
        finished.Attempts.ShouldBe(1);
        (await JobStateAsync(request.Id)).ShouldBe("Succeeded");
        using var steering = await App.ApiClientAsync(SteeringId);
        var api = await steering.GetStringAsync($"/api/v1/report-requests/{request.Id}");
        api.ShouldContain("Fehlgeschlagen");
        api.ShouldContain("nicht für einen anderen Zeitraum");
        using var browser = await App.SignInAsync("steering@example.org");
        var (_, page) = await browser.GetPageAsync($"/berichte/auftraege/{request.Id}");
        page.QuerySelector("#request-status")!.TextContent.ShouldBe("Fehlgeschlagen");
        var reason = page.QuerySelector("#request-error")!;
        reason.HasAttribute("hidden").ShouldBeFalse();
        reason.TextContent.ShouldBe(finished.Error);
    }

    [Fact]
    public async Task The_percentage_of_a_running_report_only_moves_forward_and_ends_at_100()
    {
        await SeedAsync();
        var quarter = Core.Periods.Quarter.Of(DateOnly.FromDateTime(DateTime.Now)).Previous();
        var request = await EnqueueAsync(Holzminden, quarter.FirstDay, quarter.NextFirstDay);
        var seen = new List<(string Status, int Progress)>();
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            await using var db = CreateDb();
            var now = await db.ReportRequests.AsNoTracking().Where(r => r.Id == request.Id).Select(r => new { r.Status, r.Progress }).SingleAsync();
            seen.Add((now.Status, now.Progress));
            if (now.Status is ReportRequest.Done or ReportRequest.Failed)
            {
                break;
            }

            await Task.Delay(20);
        }

        seen[^1].ShouldBe((ReportRequest.Done, 100));
        seen.Select(s => s.Progress).ShouldBe(seen.Select(s => s.Progress).Order(), "Fortschritt ging zurück: " + string.Join(", ", seen.Select(s => $"{s.Status} {s.Progress}")));
        seen.Where(s => s.Status != ReportRequest.Done).ShouldAllBe(s => s.Progress < 100);
    }

    [Fact]
    public async Task A_report_whose_storing_fails_is_retried_after_a_pause_saying_so_and_then_archived_once()
    {
        await SeedAsync();
        var quarter = Core.Periods.Quarter.Of(DateOnly.FromDateTime(DateTime.Now)).Previous();
        await ExecuteAsync("""
            create function test_refuse_artifacts() returns trigger language plpgsql as $$ begin raise exception 'Archiv gesperrt'; end $$;
            create trigger test_refuse_artifacts before insert on report_artifacts for each row execute function test_refuse_artifacts();
            """);
        try
        {
            var request = await EnqueueAsync(Holzminden, quarter.FirstDay, quarter.NextFirstDay);
            var waiting = await WaitForAsync(request.Id, r => r.Status == ReportRequest.Queued && r.Error != null, TimeSpan.FromMinutes(2));

            waiting.Attempts.ShouldBe(1);
            waiting.Error.ShouldBe("Beim Erstellen ist ein interner Fehler aufgetreten. Versuch 1 von 3 ist fehlgeschlagen; der Auftrag wird in 15 Sekunden wiederholt.");
            // The request says so before the job leaves "Processing"; Hangfire then schedules the retry.
            var state = await JobStateAsync(request.Id);
            for (var wait = 0; wait < 50 && state == "Processing"; wait++)
            {
                await Task.Delay(100);
                state = await JobStateAsync(request.Id);
            }

            state.ShouldBe("Scheduled");

            await ExecuteAsync("drop trigger test_refuse_artifacts on report_artifacts; drop function test_refuse_artifacts();");
            var done = await WaitForAsync(request.Id, r => r.Status is ReportRequest.Done or ReportRequest.Failed, TimeSpan.FromMinutes(2));

            done.Status.ShouldBe(ReportRequest.Done);
            done.Error.ShouldBeNull();
            done.Attempts.ShouldBe(2);
            await using var db = CreateDb();
            (await db.ReportArtifacts.CountAsync(a => a.DistrictKey == Holzminden && a.PeriodStart == quarter.FirstDay)).ShouldBe(1);
        }
        finally
        {
            await ExecuteAsync("drop trigger if exists test_refuse_artifacts on report_artifacts; drop function if exists test_refuse_artifacts();");
        }
    }

    [Fact]
    public async Task The_scheduler_runs_the_contact_retention_and_each_networks_quarterly_reports_on_its_own_cron_and_forgets_a_deleted_network()
    {
        var recurring = App.Services.GetRequiredService<IRecurringJobManager>();
        await using var db = CreateDb();
        var network = await db.Networks.AsNoTracking().SingleAsync(n => n.Key == Network);
        var districts = await db.NetworkDistricts.Where(d => d.NetworkId == network.Id).Select(d => d.DistrictKey).ToListAsync();
        using var admin = await App.ApiClientAsync(AdminId);
        (await admin.PutAsJsonAsync($"/api/v1/networks/{Network}", new
        {
            name = network.Name, steeringCommitteeName = network.SteeringCommitteeName, reportSchedule = "30 7 2 1,4,7,10 *",
            contactRetentionMonths = 12, districts,
        })).StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        recurring.AddOrUpdate<QuarterlyReportsJob>(QuarterlyReportsJob.RecurringId("aufgeloest"),
            job => job.RunAsync("aufgeloest", null, CancellationToken.None), "0 6 1 1,4,7,10 *");
        recurring.AddOrUpdate<QuarterlyReportsJob>(QuarterlyReportsJob.RecurringId("ehemals"),
            job => job.RunAsync("ehemals", null, CancellationToken.None), "0 6 1 1,4,7,10 *");

        // A server starting after a network was deleted, and a run that fires for one.
        await ActivatorUtilities.CreateInstance<RecurringJobRegistration>(App.Services).StartAsync(CancellationToken.None);
        IReadOnlyList<Guid> fired;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            recurring.AddOrUpdate<QuarterlyReportsJob>(QuarterlyReportsJob.RecurringId("ehemals"),
                job => job.RunAsync("ehemals", null, CancellationToken.None), "0 6 1 1,4,7,10 *");
            fired = await scope.ServiceProvider.GetRequiredService<QuarterlyReportsJob>().RunAsync("ehemals", null, CancellationToken.None);
        }

        using var connection = App.Services.GetRequiredService<JobStorage>().GetConnection();
        var schedule = connection.GetRecurringJobs().ToDictionary(j => j.Id, j => j.Cron);
        schedule[ContactRetentionJob.Id].ShouldBe("0 3 * * *");
        schedule[QuarterlyReportsJob.RecurringId(Network)].ShouldBe("30 7 2 1,4,7,10 *");
        schedule[QuarterlyReportsJob.RecurringId(OtherNetwork)].ShouldBe("0 6 1 1,4,7,10 *");
        schedule.Keys.ShouldNotContain(QuarterlyReportsJob.RecurringId("aufgeloest"));
        schedule.Keys.ShouldNotContain(QuarterlyReportsJob.RecurringId("ehemals"));
        fired.ShouldBeEmpty();
    }

    private async Task SeedAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>()
            .SeedAsync(new DemoOptions(NetworkKey: Network, Interviews: 300), TextWriter.Null, CancellationToken.None);
    }

    private async Task<RequestView> EnqueueAsync(string district, DateOnly start, DateOnly end)
    {
        await using var scope = App.Services.CreateAsyncScope();
        await using var db = CreateDb();
        var networkId = await db.Networks.Where(n => n.Key == Network).Select(n => n.Id).SingleAsync();
        return await scope.ServiceProvider.GetRequiredService<ReportRequestService>()
            .EnqueueAsync(networkId, district, "pdf", start, end, SteeringId, CancellationToken.None);
    }

    private async Task<ReportRequest> WaitForAsync(Guid id, Func<ReportRequest, bool> reached, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            await using var db = CreateDb();
            var request = await db.ReportRequests.AsNoTracking().SingleAsync(r => r.Id == id);
            if (reached(request))
            {
                return request;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Auftrag blieb bei {request.Status} ({request.Error}).");
            }

            await Task.Delay(200);
        }
    }

    private async Task<string?> JobStateAsync(Guid requestId)
    {
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select j.statename from hangfire.job j join report_requests r on r.job_id = j.id::text where r.id = @id", connection);
        command.Parameters.AddWithValue("id", requestId);
        return (string?)await command.ExecuteScalarAsync();
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
