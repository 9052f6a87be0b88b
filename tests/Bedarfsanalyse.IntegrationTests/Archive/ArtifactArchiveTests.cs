using System.Net;
using System.Security.Cryptography;
using Bedarfsanalyse.Data.Accounts;
using Bedarfsanalyse.Testing;
using Bedarfsanalyse.Web.Features.Archive;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bedarfsanalyse.IntegrationTests.Archive;

public sealed class ArtifactArchiveTests(TestDatabase database) : AppTest(database)
{
    private static readonly byte[] Report = "%PDF-1.7 Bericht Holzminden"u8.ToArray();
    private static readonly byte[] Workbook = "PK Arbeitsmappe MehrWert"u8.ToArray();

    [Fact]
    public async Task An_artifact_made_for_a_request_is_stored_once_however_often_the_job_runs()
    {
        var request = Guid.NewGuid();

        var first = await StoreAsync("pdf", Holzminden, Report, request);
        var second = await StoreAsync("pdf", Holzminden, Report, request);

        second.ShouldBe(first);
        await using var db = CreateDb();
        var stored = await db.ReportArtifacts.SingleAsync();
        stored.Sha256.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(Report)));
        stored.SizeBytes.ShouldBe(Report.Length);
        (await db.ArtifactContents.CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task Older_versions_stay_and_the_list_shows_the_newest_first()
    {
        var older = await StoreAsync("pdf", Holzminden, Report, null);
        var newer = await StoreAsync("pdf", Holzminden, [.. Report, 1], null);
        using var api = await App.ApiClientAsync(SteeringId);

        var list = await api.GetStringAsync("/api/v1/artifacts");

        list.IndexOf(newer.ToString(), StringComparison.Ordinal).ShouldBeLessThan(list.IndexOf(older.ToString(), StringComparison.Ordinal));
        (await api.GetAsync($"/api/v1/artifacts/{older}/content")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Steering_members_get_reports_but_not_workbooks_and_analysts_get_both_and_every_download_is_audited()
    {
        var report = await StoreAsync("pdf", Holzminden, Report, null);
        var workbook = await StoreAsync("xlsx", null, Workbook, null);
        using var steering = await App.ApiClientAsync(SteeringId);
        using var analyst = await App.ApiClientAsync(AnalystId);

        var steeringReport = await steering.GetAsync($"/api/v1/artifacts/{report}/content");
        var steeringWorkbook = await steering.GetAsync($"/api/v1/artifacts/{workbook}/content");
        var analystWorkbook = await analyst.GetAsync($"/api/v1/artifacts/{workbook}/content");

        steeringReport.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await steeringReport.Content.ReadAsByteArrayAsync()).ShouldBe(Report);
        steeringReport.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        steeringWorkbook.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        analystWorkbook.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await steering.GetStringAsync("/api/v1/artifacts")).ShouldNotContain(workbook.ToString());
        await using var db = CreateDb();
        (await db.AuditEvents.CountAsync(e => e.Action == "report-downloaded" && e.ActorName == "steering@example.org")).ShouldBe(1);
        (await db.AuditEvents.CountAsync(e => e.Action == "export-downloaded" && e.ActorName == "analyst@example.org")).ShouldBe(1);
        (await db.AuditEvents.CountAsync(e => e.Action == "access-denied" && e.ActorName == "steering@example.org")).ShouldBe(1);
    }

    [Fact]
    public async Task A_report_of_another_network_does_not_exist_for_a_steering_member_and_interviewers_have_no_archive()
    {
        var report = await StoreAsync("pdf", Holzminden, Report, null);
        var foreign = await App.CreateUserAsync("hannover@example.org", [Roles.Steering], OtherNetwork);
        using var api = await App.ApiClientAsync(foreign);
        using var interviewer = await App.SignInAsync("interviewer@example.org");
        using var steering = await App.SignInAsync("steering@example.org");

        (await api.GetAsync($"/api/v1/artifacts/{report}/content")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await api.GetStringAsync("/api/v1/artifacts")).ShouldBe("[]");
        (await interviewer.GetAsync("/berichte")).Headers.Location!.AbsolutePath.ShouldBe("/zugriff-verweigert");
        var (page, document) = await steering.GetPageAsync("/berichte");
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        document.QuerySelector("main h2")!.TextContent.ShouldBe("3. Quartal 2026");
        (await steering.GetAsync($"/berichte/{report}/datei")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private async Task<Guid> StoreAsync(string kind, string? district, byte[] content, Guid? request)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ArtifactArchive>().StoreAsync(
            new ArtifactToStore(1, district, kind, new DateOnly(2026, 7, 1), new DateOnly(2026, 10, 1), "test", [], "{}", $"bericht.{kind}", request),
            content, CancellationToken.None);
    }
}
