using System.Net;
using System.Net.Http.Json;
using Bedarfsanalyse.Testing;
using Microsoft.EntityFrameworkCore;

namespace Bedarfsanalyse.IntegrationTests.Accounts;

public sealed class AuditLogTests(TestDatabase database) : AppTest(database)
{
    [Fact]
    public async Task A_role_change_is_recorded_with_the_roles_before_and_after()
    {
        using var api = await App.ApiClientAsync(AdminId);

        var response = await api.PutAsJsonAsync($"/api/v1/users/{SteeringId}",
            new { displayName = "Steuerkreis und Analyse", roles = new[] { Bedarfsanalyse.Data.Accounts.Roles.Steering, Bedarfsanalyse.Data.Accounts.Roles.Analyst }, network = "mehrwert", locked = false });

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await using var db = CreateDb();
        var change = await db.AuditEvents.SingleAsync(e => e.Action == "user-changed" && e.SubjectId == SteeringId.ToString());
        change.ActorName.ShouldBe("admin@example.org");
        using var details = System.Text.Json.JsonDocument.Parse(change.Details!);
        Roles(details, "before").ShouldBe([Bedarfsanalyse.Data.Accounts.Roles.Steering]);
        Roles(details, "after").ShouldBe([Bedarfsanalyse.Data.Accounts.Roles.Analyst, Bedarfsanalyse.Data.Accounts.Roles.Steering]);
    }

    private static string[] Roles(System.Text.Json.JsonDocument details, string when) =>
        details.RootElement.GetProperty(when).GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).ToArray();

    [Fact]
    public async Task A_changed_role_takes_effect_for_a_session_that_is_already_signed_in()
    {
        using var session = await App.SignInAsync("analyst@example.org");
        (await session.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var api = await App.ApiClientAsync(AdminId);

        await api.PutAsJsonAsync($"/api/v1/users/{AnalystId}", new { displayName = "analyst", roles = new[] { Bedarfsanalyse.Data.Accounts.Roles.Analyst }, network = "mehrwert", locked = true });

        using var token = await App.ApiClientAsync(AnalystId);
        (await token.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_admin_filters_the_trail_by_action_and_person()
    {
        using var wrong = App.NewSession();
        await wrong.SignInAsync("steering@example.org", "falsch falsch falsch");
        using var right = await App.SignInAsync("analyst@example.org");
        using var session = await App.SignInAsync("admin@example.org");

        var (_, page) = await session.GetPageAsync("/admin/protokoll?aktion=sign-in-failed");
        using var api = await App.ApiClientAsync(AdminId);
        var json = await api.GetStringAsync("/api/v1/audit?actor=analyst");

        var rows = page.QuerySelectorAll("main tbody tr");
        rows.Length.ShouldBe(1);
        rows[0].TextContent.ShouldContain("steering@example.org");
        rows[0].TextContent.ShouldContain("Anmeldung fehlgeschlagen");
        json.ShouldContain("analyst@example.org");
        json.ShouldNotContain("steering@example.org");
    }

    [Fact]
    public async Task The_trail_offers_no_way_to_change_or_delete_an_entry()
    {
        using var api = await App.ApiClientAsync(AdminId);
        await using var db = CreateDb();
        var id = await db.AuditEvents.Select(e => e.Id).FirstOrDefaultAsync();

        (await api.PutAsJsonAsync("/api/v1/audit", new { id, action = "nichts" })).StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed);
        (await api.DeleteAsync("/api/v1/audit")).StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed);
    }
}
