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
    public async Task A_role_change_is_also_recorded_as_an_event_of_its_own_that_the_admin_can_filter_by()
    {
        using var api = await App.ApiClientAsync(AdminId);
        await api.PutAsJsonAsync($"/api/v1/users/{SteeringId}", new { displayName = "Neuer Name", roles = new[] { Bedarfsanalyse.Data.Accounts.Roles.Steering }, network = "mehrwert", locked = false });
        await api.PutAsJsonAsync($"/api/v1/users/{SteeringId}", new { displayName = "Neuer Name", roles = new[] { Bedarfsanalyse.Data.Accounts.Roles.Analyst }, network = "mehrwert", locked = false });
        using var session = await App.SignInAsync("admin@example.org");

        var (_, page) = await session.GetPageAsync("/admin/protokoll?aktion=role-changed");

        var rows = page.QuerySelectorAll("main tbody tr");
        rows.Length.ShouldBe(1);
        rows[0].TextContent.ShouldContain("Rollen geändert");
        await using var db = CreateDb();
        var change = await db.AuditEvents.SingleAsync(e => e.Action == "role-changed");
        change.SubjectId.ShouldBe(SteeringId.ToString());
        using var details = System.Text.Json.JsonDocument.Parse(change.Details!);
        details.RootElement.GetProperty("before").EnumerateArray().Select(r => r.GetString()).ShouldBe([Bedarfsanalyse.Data.Accounts.Roles.Steering]);
        details.RootElement.GetProperty("after").EnumerateArray().Select(r => r.GetString()).ShouldBe([Bedarfsanalyse.Data.Accounts.Roles.Analyst]);
        (await db.AuditEvents.CountAsync(e => e.Action == "user-changed")).ShouldBe(2);
    }

    [Fact]
    public async Task A_changed_role_ends_a_session_that_is_already_signed_in_and_the_next_sign_in_carries_the_new_role()
    {
        using var session = await App.SignInAsync("analyst@example.org");
        (await session.GetAsync("/berichte")).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var token = await App.ApiClientAsync(AnalystId);
        (await token.GetStringAsync("/api/v1/me")).ShouldContain("\"roles\":[\"Analyst\"]");
        using var api = await App.ApiClientAsync(AdminId);

        var changed = await api.PutAsJsonAsync($"/api/v1/users/{AnalystId}",
            new { displayName = "analyst", roles = new[] { Bedarfsanalyse.Data.Accounts.Roles.Interviewer }, network = "mehrwert", districts = new[] { Holzminden }, locked = false });

        changed.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var afterChange = await session.GetAsync("/berichte");
        afterChange.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        afterChange.Headers.Location!.AbsolutePath.ShouldBe("/anmelden");
        (await token.GetStringAsync("/api/v1/me")).ShouldContain("\"roles\":[\"Interviewer\"]");
        using var again = await App.SignInAsync("analyst@example.org");
        (await again.GetAsync("/berichte")).Headers.Location!.AbsolutePath.ShouldBe("/zugriff-verweigert");
        (await again.GetAsync("/interviews")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Locking_an_account_ends_its_sessions_and_tokens_at_once_and_a_new_display_name_alone_signs_nobody_out()
    {
        using var analyst = await App.SignInAsync("analyst@example.org");
        using var steering = await App.SignInAsync("steering@example.org");
        using var token = await App.ApiClientAsync(AnalystId);
        using var api = await App.ApiClientAsync(AdminId);

        await api.PutAsJsonAsync($"/api/v1/users/{SteeringId}", new { displayName = "Frau Steuerkreis", roles = new[] { Bedarfsanalyse.Data.Accounts.Roles.Steering }, network = "mehrwert", locked = false });
        await api.PutAsJsonAsync($"/api/v1/users/{AnalystId}", new { displayName = "analyst", roles = new[] { Bedarfsanalyse.Data.Accounts.Roles.Analyst }, network = "mehrwert", locked = true });

        (await steering.GetAsync("/berichte")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await analyst.GetAsync("/berichte")).Headers.Location!.AbsolutePath.ShouldBe("/anmelden");
        (await token.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using var attempt = App.NewSession();
        (await attempt.SignInAsync("analyst@example.org", TestApp.Password)).StatusCode.ShouldBe(HttpStatusCode.OK);
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
    public async Task The_trail_offers_no_way_to_change_or_delete_an_entry_and_the_database_refuses_it_too()
    {
        using var session = await App.SignInAsync("steering@example.org");
        using var api = await App.ApiClientAsync(AdminId);
        await using var db = CreateDb();
        var before = await db.AuditEvents.CountAsync();
        var id = await db.AuditEvents.Select(e => e.Id).FirstAsync();

        (await api.PutAsJsonAsync("/api/v1/audit", new { id, action = "nichts" })).StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed);
        (await api.DeleteAsync("/api/v1/audit")).StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed);
        var update = await Should.ThrowAsync<Npgsql.PostgresException>(() =>
            db.AuditEvents.Where(e => e.Id == id).ExecuteUpdateAsync(s => s.SetProperty(e => e.ActorName, "jemand anderes")));
        var delete = await Should.ThrowAsync<Npgsql.PostgresException>(() => db.AuditEvents.Where(e => e.Id == id).ExecuteDeleteAsync());
        var truncate = await Should.ThrowAsync<Npgsql.PostgresException>(() => db.Database.ExecuteSqlAsync($"truncate audit_events"));

        update.MessageText.ShouldContain("nicht geändert werden");
        delete.MessageText.ShouldContain("nicht gelöscht werden");
        truncate.MessageText.ShouldContain("nicht gelöscht werden");
        (await db.AuditEvents.CountAsync()).ShouldBe(before);
        (await db.AuditEvents.AsNoTracking().SingleAsync(e => e.Id == id)).ActorName.ShouldBe("steering@example.org");
    }

    [Fact]
    public async Task The_admin_finds_an_entry_by_an_identifier_that_appears_only_in_its_details()
    {
        var establishment = Guid.NewGuid().ToString();
        await using (var db = CreateDb())
        {
            await db.Database.ExecuteSqlAsync($"""
                insert into audit_events (occurred_at, actor_name, action, subject_type, subject_id, details)
                values (now(), 'interviewer@example.org', 'contact-viewed', 'establishment', null, jsonb_build_object('establishments', jsonb_build_array({establishment}, 'ein-anderer'))),
                       (now(), 'interviewer@example.org', 'contact-viewed', 'establishment', 'ein-dritter', null)
                """);
        }

        using var session = await App.SignInAsync("admin@example.org");
        using var api = await App.ApiClientAsync(AdminId);

        var (response, page) = await session.GetPageAsync($"/admin/protokoll?kennung={establishment}");
        var json = await api.GetStringAsync($"/api/v1/audit?subject={establishment}");
        var wildcard = await api.GetStringAsync("/api/v1/audit?subject=%25");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var rows = page.QuerySelectorAll("main tbody tr");
        rows.Length.ShouldBe(1);
        rows[0].TextContent.ShouldContain(establishment);
        json.ShouldContain("\"total\":1");
        wildcard.ShouldContain("\"total\":0");
    }

    [Fact]
    public async Task The_day_filter_counts_German_days_as_the_page_shows_the_times()
    {
        await using (var db = CreateDb())
        {
            // 22:30 UTC on 14 July is 00:30 on 15 July in Berlin (summer time); 22:30 UTC on 14 January is 23:30 on 14 January.
            await db.Database.ExecuteSqlAsync($"""
                insert into audit_events (occurred_at, actor_name, action) values
                    ('2026-07-14 22:30:00+00', 'sommer@example.org', 'sign-in'),
                    ('2026-01-14 22:30:00+00', 'winter@example.org', 'sign-in')
                """);
        }

        using var session = await App.SignInAsync("admin@example.org");

        var (_, july15) = await session.GetPageAsync("/admin/protokoll?von=2026-07-15&bis=2026-07-15");
        var (_, july14) = await session.GetPageAsync("/admin/protokoll?von=2026-07-14&bis=2026-07-14");
        var (_, january14) = await session.GetPageAsync("/admin/protokoll?von=2026-01-14&bis=2026-01-14");

        july15.QuerySelectorAll("main tbody tr").Select(r => r.TextContent).Single().ShouldContain("15.07.2026, 00:30 Uhr");
        july14.QuerySelectorAll("main tbody tr").Length.ShouldBe(0);
        january14.QuerySelectorAll("main tbody tr").Select(r => r.TextContent).Single().ShouldContain("14.01.2026, 23:30 Uhr");
    }
}
