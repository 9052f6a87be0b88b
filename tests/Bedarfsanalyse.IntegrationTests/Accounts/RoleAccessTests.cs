using System.Net;
using System.Net.Http.Json;
using Bedarfsanalyse.Data.Accounts;
using Bedarfsanalyse.Testing;
using Bedarfsanalyse.Web.Features.Archive;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

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
        var refusals = await db.AuditEvents.Where(e => e.Action == "access-denied" && e.ActorName == "interviewer@example.org").Select(e => e.Details!).ToListAsync();
        refusals.Count.ShouldBe(2);
        refusals.ShouldContain(d => d.Contains("Kreis 03252: nicht zugeordnet"));
        refusals.ShouldContain(d => d.Contains("Kreis 03241: nicht im eigenen Verbund"));
    }

    [Fact]
    public async Task A_district_of_another_network_in_an_interviewers_or_analysts_address_is_refused_403_and_logged()
    {
        using var interviewer = await App.ApiClientAsync(InterviewerId);
        using var analyst = await App.ApiClientAsync(AnalystId);

        var own = await interviewer.GetAsync($"/api/v1/establishments?district={Holzminden}");
        var acrossAsInterviewer = await interviewer.GetAsync($"/api/v1/establishments?district={RegionHannover}");
        var acrossAsAnalyst = await analyst.GetAsync($"/api/v1/establishments?district={RegionHannover}");

        own.StatusCode.ShouldBe(HttpStatusCode.OK);
        acrossAsInterviewer.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await acrossAsInterviewer.Content.ReadAsStringAsync()).ShouldContain("Der Kreis 03241 gehört nicht zu Ihrem Verbund");
        acrossAsAnalyst.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await using var db = CreateDb();
        (await db.AuditEvents.CountAsync(e => e.Action == "access-denied" && e.SubjectId == "GET /api/v1/establishments")).ShouldBe(2);
    }

    [Fact]
    public async Task An_interviewer_does_not_see_an_establishment_of_another_network_and_the_attempt_is_logged()
    {
        var foreignInterviewer = await App.CreateUserAsync("hannover@example.org", [Roles.Interviewer], OtherNetwork, RegionHannover);
        using var foreign = await App.ApiClientAsync(foreignInterviewer);
        var created = await foreign.PostAsJsonAsync("/api/v1/establishments", Establishment(RegionHannover));
        var id = (await created.Content.ReadFromJsonAsync<EstablishmentDto>())!.Id;
        using var api = await App.ApiClientAsync(InterviewerId);

        var read = await api.GetAsync($"/api/v1/establishments/{id}");
        var erase = await api.PostAsync($"/api/v1/establishments/{id}/erase", null);

        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        read.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        erase.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await using var db = CreateDb();
        (await db.AuditEvents.CountAsync(e => e.Action == "access-denied" && e.ActorName == "interviewer@example.org")).ShouldBe(2);
        (await db.EstablishmentContacts.AnyAsync(c => c.EstablishmentId == id)).ShouldBeTrue();
    }

    [Fact]
    public async Task An_analyst_reads_the_reports_page_but_is_refused_the_interview_screens_and_another_networks_workbook()
    {
        var own = await StoreArtifactAsync(networkId: 1, "xlsx");
        var foreign = await StoreArtifactAsync(networkId: 2, "xlsx");
        using var session = await App.SignInAsync("analyst@example.org");
        using var api = await App.ApiClientAsync(AnalystId);

        var reports = await session.GetAsync("/berichte");
        var interviews = await session.GetAsync("/interviews");
        var ownDownload = await session.GetAsync($"/berichte/{own}/datei");
        var foreignDownload = await session.GetAsync($"/berichte/{foreign}/datei");
        var foreignApi = await api.GetAsync($"/api/v1/artifacts/{foreign}/content");

        reports.StatusCode.ShouldBe(HttpStatusCode.OK);
        interviews.Headers.Location!.AbsolutePath.ShouldBe("/zugriff-verweigert");
        ownDownload.StatusCode.ShouldBe(HttpStatusCode.OK);
        foreignDownload.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        foreignApi.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await using var db = CreateDb();
        var refused = await db.AuditEvents.Where(e => e.Action == "access-denied" && e.ActorName == "analyst@example.org").Select(e => e.SubjectId).ToListAsync();
        refused.ShouldBe([$"GET /interviews", $"GET /berichte/{foreign}/datei", $"GET /api/v1/artifacts/{foreign}/content"], ignoreOrder: true);
        (await db.AuditEvents.CountAsync(e => e.Action == "export-downloaded" && e.SubjectId == own.ToString())).ShouldBe(1);
    }

    [Fact]
    public async Task An_admin_may_not_take_away_their_own_administration_and_the_account_stays_as_it_was()
    {
        using var api = await App.ApiClientAsync(AdminId);

        var response = await api.PutAsJsonAsync($"/api/v1/users/{AdminId}", new { displayName = "admin", roles = new[] { Roles.Analyst }, network = "mehrwert", locked = false });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("nicht selbst entziehen");
        await using var db = CreateDb();
        (await db.UserRoles.Where(r => r.UserId == AdminId).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).SingleAsync()).ShouldBe(Roles.Admin);
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
        (await db.AuditEvents.SingleAsync(e => e.Action == "access-denied" && e.ActorName == "admin@example.org")).Details!.ShouldContain(steeringToken.Id.ToString());
    }

    [Fact]
    public async Task Every_API_endpoint_refuses_a_request_without_a_token()
    {
        var endpoints = App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api/v1/", StringComparison.Ordinal) && e.RoutePattern.RawText != "/api/v1/openapi.json")
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(method => (method, path: SamplePath(e.RoutePattern.RawText!))))
            .ToList();

        var answers = new List<string>();
        foreach (var (method, path) in endpoints)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (method is "POST" or "PUT")
            {
                request.Content = JsonContent.Create(new { });
            }

            var response = await App.Client.SendAsync(request);
            answers.Add($"{(int)response.StatusCode} {method} {path}");
        }

        endpoints.Count.ShouldBeGreaterThan(25);
        answers.ShouldAllBe(a => a.StartsWith("401 ", StringComparison.Ordinal));
        (await App.Client.GetAsync("/api/v1/openapi.json")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    /// <summary>A route pattern with its parameters filled: ids as fresh GUIDs, keys as the MehrWert network.</summary>
    private static string SamplePath(string pattern) =>
        System.Text.RegularExpressions.Regex.Replace(pattern, @"\{([^}:]+)(:[^}]*)?\}", m =>
            m.Groups[2].Value.Contains("guid", StringComparison.Ordinal) ? Guid.NewGuid().ToString()
            : m.Groups[2].Value.Contains("int", StringComparison.Ordinal) ? "1"
            : "mehrwert");

    private async Task<Guid> StoreArtifactAsync(int networkId, string kind)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ArtifactArchive>().StoreAsync(
            new ArtifactToStore(networkId, null, kind, new DateOnly(2026, 7, 1), new DateOnly(2026, 10, 1), "test", [], "{}", $"analysedaten.{kind}", null),
            "PK Arbeitsmappe"u8.ToArray(), CancellationToken.None);
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
