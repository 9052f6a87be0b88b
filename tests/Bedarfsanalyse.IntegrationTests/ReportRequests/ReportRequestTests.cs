using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Bedarfsanalyse.Data.Accounts;
using Bedarfsanalyse.Testing;
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
