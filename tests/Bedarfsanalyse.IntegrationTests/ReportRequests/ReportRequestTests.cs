using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Bedarfsanalyse.Data.Accounts;
using Bedarfsanalyse.Core.Periods;
using Bedarfsanalyse.Data.Reports;
using Bedarfsanalyse.Testing;
using Bedarfsanalyse.Web.Commands.Demo;
using Bedarfsanalyse.Web.Features.ReportRequests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Bedarfsanalyse.IntegrationTests.ReportRequests;

public sealed class ReportRequestTests(TestDatabase database) : AppTest(database)
{
    [Fact]
    public async Task The_same_request_made_twice_while_the_first_is_open_starts_no_second_job()
    {
        using var steering = await App.ApiClientAsync(SteeringId);
        var form = new { network = Network, kind = "pdf", district = Holzminden, quarter = "2026-Q2" };

        var first = await steering.PostAsJsonAsync("/api/v1/report-requests", form);
        var second = await steering.PostAsJsonAsync("/api/v1/report-requests", form);

        first.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        second.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var id = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var again = await second.Content.ReadFromJsonAsync<JsonElement>();
        again.GetProperty("id").GetString().ShouldBe(id);
        again.GetProperty("status").GetString().ShouldBe("queued");
        again.GetProperty("statusText").GetString().ShouldBe("In der Warteschlange");
        (await JobsForAsync(id)).ShouldBe(1);
    }

    [Fact]
    public async Task The_same_request_made_by_many_people_at_the_same_moment_starts_one_job_and_everyone_follows_the_same_request()
    {
        var clients = new List<HttpClient>();
        for (var i = 0; i < 8; i++)
        {
            clients.Add(await App.ApiClientAsync(i % 2 == 0 ? SteeringId : AnalystId));
        }

        var form = new { network = Network, kind = "pdf", district = Holzminden, quarter = "2026-Q2" };
        using var start = new SemaphoreSlim(0);
        var posts = clients.Select(async client =>
        {
            await start.WaitAsync();
            return await client.PostAsJsonAsync("/api/v1/report-requests", form);
        }).ToList();
        start.Release(clients.Count);
        var responses = await Task.WhenAll(posts);

        responses.Select(r => r.StatusCode).ShouldAllBe(code => code == HttpStatusCode.Accepted);
        var ids = new HashSet<string>();
        foreach (var response in responses)
        {
            ids.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
        }

        ids.Count.ShouldBe(1);
        (await JobsForAsync(ids.Single())).ShouldBe(1);
        await using var db = CreateDb();
        (await db.ReportRequests.CountAsync()).ShouldBe(1);
        clients.ForEach(c => c.Dispose());
    }

    [Fact]
    public async Task Running_the_quarterly_job_again_queues_no_second_report_for_a_district_already_done_or_waiting()
    {
        await using (var seed = App.Services.CreateAsyncScope())
        {
            await seed.ServiceProvider.GetRequiredService<DemoSeeder>()
                .SeedAsync(new DemoOptions(NetworkKey: Network, Interviews: 300), TextWriter.Null, CancellationToken.None);
        }

        var quarter = Quarter.Of(DateOnly.FromDateTime(DateTime.Now)).Previous().ToString();
        var first = await QuarterlyAsync(quarter);
        await using (var scope = App.Services.CreateAsyncScope())
        {
            await using var lookup = CreateDb();
            var holzminden = await lookup.ReportRequests.Where(r => r.DistrictKey == Holzminden).Select(r => r.Id).SingleAsync();
            await scope.ServiceProvider.GetRequiredService<ReportJob>().RunAsync(holzminden, CancellationToken.None);
        }

        // What a Hangfire retry of the quarterly job (or a second trigger) does.
        var second = await QuarterlyAsync(quarter);

        second.ShouldBe(first);
        await using var db = CreateDb();
        var requests = await db.ReportRequests.AsNoTracking().ToListAsync();
        requests.Count.ShouldBe(first.Count);
        requests.Single(r => r.DistrictKey == Holzminden).Status.ShouldBe(ReportRequest.Done);
        (await db.ReportArtifacts.CountAsync()).ShouldBe(1);
        foreach (var id in first)
        {
            (await JobsForAsync(id.ToString())).ShouldBe(1);
        }
    }

    [Fact]
    public async Task Wrong_requests_are_refused_in_German_naming_the_field()
    {
        using var steering = await App.ApiClientAsync(SteeringId);

        var workbook = await ProblemAsync(steering, new { network = Network, kind = "xlsx", quarter = "2026-Q2" });
        var foreignDistrict = await ProblemAsync(steering, new { network = Network, kind = "pdf", district = RegionHannover, quarter = "2026-Q2" });
        var badQuarter = await ProblemAsync(steering, new { network = Network, kind = "pdf", district = Holzminden, quarter = "Sommer" });
        var future = await ProblemAsync(steering, new { network = Network, kind = "pdf", district = Holzminden, quarter = "2031-Q1" });

        workbook.ShouldContain("Arbeitsmappen mit Einzeldaten können nur Analysierende anfordern.");
        foreignDistrict.ShouldContain("Der Kreis 03241 gehört nicht zum Verbund");
        badQuarter.ShouldContain("„Sommer“ ist kein Quartal");
        future.ShouldContain("hat noch nicht begonnen");
    }

    [Fact]
    public async Task Another_networks_request_does_not_exist_for_a_steering_member_and_interviewers_may_not_ask()
    {
        using var analyst = await App.ApiClientAsync(AnalystId);
        var response = await analyst.PostAsJsonAsync("/api/v1/report-requests", new { network = Network, kind = "xlsx", quarter = "2026-Q2" });
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var foreign = await App.CreateUserAsync("hannover@example.org", [Roles.Steering], OtherNetwork);
        using var other = await App.ApiClientAsync(foreign);
        using var steering = await App.ApiClientAsync(SteeringId);
        using var interviewer = await App.ApiClientAsync(InterviewerId);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await other.GetAsync($"/api/v1/report-requests/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await steering.GetAsync($"/api/v1/report-requests/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await analyst.GetAsync($"/api/v1/report-requests/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await other.PostAsJsonAsync("/api/v1/report-requests", new { network = Network, kind = "pdf", district = Holzminden, quarter = "2026-Q2" }))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await interviewer.PostAsJsonAsync("/api/v1/report-requests", new { network = Network, kind = "pdf", district = Holzminden, quarter = "2026-Q2" }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_request_page_sends_a_steering_member_to_the_progress_page_of_the_request()
    {
        using var steering = await App.SignInAsync("steering@example.org");
        var response = await steering.SubmitAsync("/berichte/anfordern", new Dictionary<string, string>
        {
            ["Form.Kind"] = "pdf", ["Form.District"] = Holzminden, ["Form.Quarter"] = "2026-Q2",
        });
        var page = await (await steering.GetAsync(response.Headers.Location!.OriginalString)).Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page.ShouldContain("Quartalsbericht Holzminden, 2. Quartal 2026");
        page.ShouldContain("In der Warteschlange");
        page.ShouldContain("/js/report-progress.js");
    }

    private async Task<IReadOnlyList<Guid>> QuarterlyAsync(string quarter)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<QuarterlyReportsJob>().RunAsync(Network, quarter, CancellationToken.None);
    }

    private static async Task<string> ProblemAsync(HttpClient client, object form)
    {
        var response = await client.PostAsJsonAsync("/api/v1/report-requests", form);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        return await response.Content.ReadAsStringAsync();
    }

    private async Task<long> JobsForAsync(string requestId)
    {
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select count(*) from hangfire.job where arguments::text like '%' || @id || '%'", connection);
        command.Parameters.AddWithValue("id", requestId);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
