using System.Net;
using System.Net.Http.Json;
using Bedarfsanalyse.Testing;
using Microsoft.EntityFrameworkCore;

namespace Bedarfsanalyse.IntegrationTests.Accounts;

/// <summary>For each role at least one allowed and one refused action on pages, API and downloads, including attempts across networks.</summary>
public sealed class RoleAccessTests(TestDatabase database) : AppTest(database)
{
    [Fact]
    public async Task An_interviewer_creates_establishments_in_an_assigned_district_but_not_in_another()
    {
        using var api = await App.ApiClientAsync(InterviewerId);

        var allowed = await api.PostAsJsonAsync("/api/v1/establishments", Establishment(Holzminden));
        var otherDistrict = await api.PostAsJsonAsync("/api/v1/establishments", Establishment(HamelnPyrmont));
        var otherNetwork = await api.PostAsJsonAsync("/api/v1/establishments", Establishment(RegionHannover));

        allowed.StatusCode.ShouldBe(HttpStatusCode.Created);
        otherDistrict.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await otherDistrict.Content.ReadAsStringAsync()).ShouldContain("Sie sind dem Kreis 03252 nicht zugeordnet");
        otherNetwork.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await otherNetwork.Content.ReadAsStringAsync()).ShouldContain("gehört nicht zum Verbund");
        await using var db = CreateDb();
        (await db.Establishments.CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task An_interviewer_is_refused_the_admin_pages_the_user_API_and_the_audit_download_and_each_refusal_is_logged()
    {
        using var session = await App.SignInAsync("interviewer@example.org");
        using var api = await App.ApiClientAsync(InterviewerId);

        var page = await session.GetAsync("/admin/benutzer");
        var users = await api.GetAsync("/api/v1/users");
        var download = await session.GetAsync("/admin/protokoll?handler=Csv");

        page.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page.Headers.Location!.AbsolutePath.ShouldBe("/zugriff-verweigert");
        (await session.GetAsync(page.Headers.Location.PathAndQuery)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        users.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await users.Content.ReadAsStringAsync()).ShouldContain("Keine Berechtigung");
        download.Headers.Location!.AbsolutePath.ShouldBe("/zugriff-verweigert");
        await using var db = CreateDb();
        (await db.AuditEvents.CountAsync(e => e.Action == "access-denied" && e.ActorName == "interviewer@example.org")).ShouldBe(3);
    }

    [Fact]
    public async Task A_steering_member_reads_their_network_but_not_another_networks_and_not_establishments()
    {
        using var api = await App.ApiClientAsync(SteeringId);
        using var session = await App.SignInAsync("steering@example.org");

        var own = await api.GetAsync("/api/v1/networks/mehrwert");
        var other = await api.GetAsync("/api/v1/networks/leine-weser");
        var otherTargets = await api.GetAsync("/api/v1/networks/leine-weser/targets?quarter=2026-Q3");
        var establishments = await api.GetAsync("/api/v1/establishments");
        var start = await session.GetAsync("/");
        var template = await session.GetAsync("/admin/verbuende/mehrwert/grundgesamtheit?handler=Vorlage");

        own.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await own.Content.ReadAsStringAsync()).ShouldContain("Holzminden");
        other.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        otherTargets.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        establishments.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        start.StatusCode.ShouldBe(HttpStatusCode.OK);
        template.Headers.Location!.AbsolutePath.ShouldBe("/zugriff-verweigert");
        await using var db = CreateDb();
        (await db.AuditEvents.CountAsync(e => e.Action == "access-denied" && e.ActorName == "steering@example.org")).ShouldBe(4);
    }

    [Fact]
    public async Task An_analyst_reads_pseudonymised_establishments_and_margins_of_their_network_but_cannot_create_or_look_across()
    {
        using var interviewer = await App.ApiClientAsync(InterviewerId);
        await interviewer.PostAsJsonAsync("/api/v1/establishments", Establishment(Holzminden));
        using var api = await App.ApiClientAsync(AnalystId);

        var list = await api.GetFromJsonAsync<List<EstablishmentDto>>("/api/v1/establishments");
        var margins = await api.GetAsync("/api/v1/networks/mehrwert/margins");
        var create = await api.PostAsJsonAsync("/api/v1/establishments", Establishment(Holzminden));
        var across = await api.GetAsync("/api/v1/establishments?network=leine-weser");

        list!.Single().Pseudonym.ShouldStartWith("B-");
        list!.Single().Contact.ShouldBeNull();
        margins.StatusCode.ShouldBe(HttpStatusCode.OK);
        create.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        across.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_admin_administers_accounts_downloads_the_audit_trail_and_still_cannot_revoke_another_persons_token()
    {
        using var session = await App.SignInAsync("admin@example.org");
        using var api = await App.ApiClientAsync(AdminId);

        var page = await session.GetAsync("/admin/benutzer");
        var created = await api.PostAsJsonAsync("/api/v1/users", new { email = "neu@example.org", displayName = "Neu", roles = new[] { "Analyst" }, network = "mehrwert" });
        var download = await session.GetAsync("/admin/protokoll?handler=Csv");
        using var steering = await App.ApiClientAsync(SteeringId);
        await using var db = CreateDb();
        var steeringToken = await db.ApiTokens.FirstAsync(t => t.UserId == SteeringId);
        var revoke = await session.SubmitAsync("/konto/tokens", [new("id", steeringToken.Id.ToString())], formAction: "Revoke");

        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await created.Content.ReadAsStringAsync()).ShouldContain("oneTimePassword");
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var csv = await download.Content.ReadAsByteArrayAsync();
        csv[..3].ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        System.Text.Encoding.UTF8.GetString(csv).ShouldContain("Zeitpunkt;Wer;Aktion");
        revoke.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await steering.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Every_API_endpoint_refuses_a_request_without_a_token()
    {
        (await App.Client.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await App.Client.GetAsync("/api/v1/networks")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await App.Client.PostAsJsonAsync("/api/v1/establishments", Establishment(Holzminden))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_signed_in_browser_cookie_does_not_open_the_API()
    {
        using var session = await App.SignInAsync("admin@example.org");

        (await session.GetAsync("/api/v1/users")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_job_dashboard_is_for_admins_only()
    {
        using var admin = await App.SignInAsync("admin@example.org");
        using var steering = await App.SignInAsync("steering@example.org");

        var allowed = await admin.GetAsync("/admin/auftraege");
        var refused = await steering.GetAsync("/admin/auftraege");
        var anonymous = await App.Client.GetAsync("/admin/auftraege");

        allowed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await allowed.Content.ReadAsStringAsync()).ShouldContain("Aufträge – Bedarfsanalyse");
        refused.Headers.Location!.AbsolutePath.ShouldBe("/zugriff-verweigert");
        anonymous.Headers.Location!.AbsolutePath.ShouldBe("/anmelden");
    }

    [Fact]
    public async Task The_API_is_described_as_OpenAPI_at_a_stable_address()
    {
        var response = await App.Client.GetAsync("/api/v1/openapi.json");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var document = await response.Content.ReadAsStringAsync();
        document.ShouldContain("\"/api/v1/establishments\"");
        document.ShouldContain("Bedarfsanalyse API");
    }

    private static object Establishment(string district) => new
    {
        district,
        sector = "C",
        headcount = 12,
        contact = new { name = "Tischlerei Beispiel GmbH", city = "Holzminden", contactPerson = "Frau Muster", email = "info@tischlerei.example" },
    };

    private sealed record EstablishmentDto(Guid Id, string Pseudonym, string District, object? Contact);
}
