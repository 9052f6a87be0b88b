using System.Net;
using System.Text.Json;
using Bedarfsanalyse.Core.Questionnaires.Json;
using Bedarfsanalyse.Core.Questionnaires.Network;
using Bedarfsanalyse.Data;
using Bedarfsanalyse.Data.Audit;
using Bedarfsanalyse.Data.Questionnaires;
using Bedarfsanalyse.Testing;
using Bedarfsanalyse.Web.Features.Audit;
using Bedarfsanalyse.Web.Features.Questionnaires;
using Bedarfsanalyse.XlsForm;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Bedarfsanalyse.IntegrationTests.Questionnaires;

public sealed class QuestionnaireUploadTests(TestDatabase database) : AppTest(database)
{
    private static readonly string[][] Survey =
    [
        ["begin group", "seite_a", "Betrieb", "", ""],
        ["select_one ja_nein", "weiterbildung", "Haben Sie Weiterbildung gefördert?", "", "yes"],
        ["integer", "teilnehmende", "Wie viele Beschäftigte nahmen teil?", "${weiterbildung} = 'ja'", "yes"],
        ["end group", "", "", "", ""],
    ];

    [Theory]
    [InlineData("/api/v1/questionnaires/import", 11 * 1024 * 1024)]
    [InlineData("/api/v1/questionnaires/validate", 11 * 1024 * 1024)]
    [InlineData("/api/v1/questionnaires/import", 10 * 1024 * 1024 + 1)]
    [InlineData("/api/v1/questionnaires/validate", 10 * 1024 * 1024 + 1)]
    [InlineData("/api/v1/questionnaires/import", 64 * 1024 * 1024)]
    public async Task An_upload_over_the_limit_is_a_german_problem_naming_the_limit(string url, int size)
    {
        using var api = await App.ApiClientAsync(AdminId);

        var response = await UploadAsync(api, url, new byte[size]);

        await ShouldBeTooLargeAsync(response);
        await using var db = CreateDb();
        (await db.Questionnaires.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task An_upload_over_the_limit_is_a_problem_on_a_real_server_too_with_or_without_an_announced_length()
    {
        await using var app = await TestApp.StartOnLoopbackAsync(Database.ConnectionString);
        using var api = await app.ApiClientAsync(AdminId);

        var announced = await UploadAsync(api, "/api/v1/questionnaires/import", new byte[40 * 1024 * 1024]);
        using var streamed = new MultipartFormDataContent { { new StreamContent(new MemoryStream(new byte[12 * 1024 * 1024])), "file", "gross.xlsx" } };
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/questionnaires/validate") { Content = streamed };
        request.Headers.TransferEncodingChunked = true;
        var chunked = await api.SendAsync(request);

        await ShouldBeTooLargeAsync(announced);
        await ShouldBeTooLargeAsync(chunked);
    }

    [Theory]
    [InlineData("/api/v1/questionnaires/import")]
    [InlineData("/api/v1/questionnaires/validate")]
    public async Task An_upload_that_is_no_xlsx_is_a_german_problem_on_import_and_validate(string url)
    {
        using var api = await App.ApiClientAsync(AdminId);

        var text = await UploadAsync(api, url, "type;name;label\ninteger;anzahl;Anzahl"u8.ToArray());
        var legacy = await UploadAsync(api, url, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0]);

        text.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        text.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await text.Content.ReadAsStringAsync()).ShouldContain("Die Datei ist keine Excel-Arbeitsmappe (.xlsx).");
        legacy.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await legacy.Content.ReadAsStringAsync()).ShouldContain("im alten Format (.xls)");
    }

    [Fact]
    public async Task An_upload_without_the_file_field_says_which_field_is_expected()
    {
        using var api = await App.ApiClientAsync(AdminId);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(XlsFormBuilder.Build("test", "Test", Survey)), "datei", "test.xlsx" } };

        var response = await api.PostAsync("/api/v1/questionnaires/import", form);
        var notMultipart = await api.PostAsync("/api/v1/questionnaires/validate", new ByteArrayContent(XlsFormBuilder.Build("test", "Test", Survey)));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("im Feld „file“ (multipart/form-data)");
        notMultipart.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await notMultipart.Content.ReadAsStringAsync()).ShouldContain("im Feld „file“ (multipart/form-data)");
    }

    [Fact]
    public async Task The_admin_page_refuses_a_file_over_the_limit_with_the_limit_named()
    {
        using var session = await App.SignInAsync("admin@example.org");

        var response = await PostImportAsync(session, new byte[11 * 1024 * 1024], replaceDraft: false);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        (await WebSession.ParseAsync(response)).QuerySelector("[role=alert]")!.TextContent.ShouldContain("Die Datei ist größer als 10 MB");
    }

    [Fact]
    public async Task Importing_over_an_open_draft_is_refused_unless_replacing_it_is_asked_for()
    {
        using var api = await App.ApiClientAsync(AdminId);
        (await UploadAsync(api, "/api/v1/questionnaires/import", XlsFormBuilder.Build("test", "Erster Entwurf", Survey))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var refused = await UploadAsync(api, "/api/v1/questionnaires/import?publish=true", XlsFormBuilder.Build("test", "Zweiter Entwurf", Survey));
        await using (var db = CreateDb())
        {
            var kept = await db.QuestionnaireVersions.SingleAsync();
            kept.Status.ShouldBe(QuestionnaireVersion.Draft);
            QuestionnaireJson.Deserialize(kept.Definition).Title.ShouldBe("Erster Entwurf");
        }

        var replaced = await UploadAsync(api, "/api/v1/questionnaires/import?replaceDraft=true", XlsFormBuilder.Build("test", "Zweiter Entwurf", Survey));

        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await refused.Content.ReadAsStringAsync();
        problem.ShouldContain("unveröffentlichten Entwurf (Version 1)");
        problem.ShouldContain("replaceDraft=true");
        replaced.StatusCode.ShouldBe(HttpStatusCode.OK, await replaced.Content.ReadAsStringAsync());
        using var body = JsonDocument.Parse(await replaced.Content.ReadAsStringAsync());
        body.RootElement.GetProperty("number").GetInt32().ShouldBe(1);
        await using var after = CreateDb();
        QuestionnaireJson.Deserialize((await after.QuestionnaireVersions.SingleAsync()).Definition).Title.ShouldBe("Zweiter Entwurf");
    }

    [Fact]
    public async Task The_networks_setup_never_replaces_an_open_draft_and_says_why()
    {
        using var api = await App.ApiClientAsync(AdminId);
        var ownDraft = NetworkQuestionnaires.Employer with { Title = "Unser angepasster Arbeitgeberbogen" };
        (await UploadAsync(api, "/api/v1/questionnaires/import", XlsFormWriter.Write(ownDraft))).StatusCode.ShouldBe(HttpStatusCode.OK);

        NetworkSetupResult result;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            result = await scope.ServiceProvider.GetRequiredService<NetworkQuestionnaireSetup>().EnsurePublishedAsync(CancellationToken.None);
        }

        result.Published.ShouldHaveSingleItem().Key.ShouldBe("beschaeftigte");
        result.Waiting.ShouldHaveSingleItem().ShouldContain("„arbeitgeber“ wurde nicht veröffentlicht: Es gibt einen unveröffentlichten Entwurf (Version 1)");
        await using var db = CreateDb();
        var employer = await db.QuestionnaireVersions.SingleAsync(v => v.Questionnaire!.Key == "arbeitgeber");
        employer.Status.ShouldBe(QuestionnaireVersion.Draft);
        QuestionnaireJson.Deserialize(employer.Definition).ShouldBe(ownDraft);
    }

    [Fact]
    public async Task A_changed_network_questionnaire_is_published_as_the_next_version_with_its_differences()
    {
        using var api = await App.ApiClientAsync(AdminId);
        var earlier = NetworkQuestionnaires.Employer with { Title = "Arbeitgeberbefragung (frühere Fassung)" };
        (await UploadAsync(api, "/api/v1/questionnaires/import?publish=true", XlsFormWriter.Write(earlier))).StatusCode.ShouldBe(HttpStatusCode.OK);

        NetworkSetupResult result;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            result = await scope.ServiceProvider.GetRequiredService<NetworkQuestionnaireSetup>().EnsurePublishedAsync(CancellationToken.None);
        }

        var employer = result.Published.Single(p => p.Key == "arbeitgeber");
        employer.Number.ShouldBe(2);
        employer.Status.ShouldBe(QuestionnaireVersion.Published);
        employer.Changes!.Questions.ShouldAllBe(q => q.Comparable || q.NewType == Core.Questionnaires.QuestionType.Note);
        result.Waiting.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_import_whose_publication_fails_while_storing_leaves_nothing_behind()
    {
        var options = new DbContextOptionsBuilder<BedarfsanalyseDb>();
        BedarfsanalyseDb.Configure(options, Database.ConnectionString);
        options.AddInterceptors(new FailingPublication());
        await using var db = new BedarfsanalyseDb(options.Options);
        var import = new QuestionnaireImport(new QuestionnaireCatalog(db, new AuditLog(db, new HttpContextAccessor(), TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<AuditLog>.Instance), TimeProvider.System));

        await Should.ThrowAsync<DbUpdateException>(() => import.ImportAsync(XlsFormBuilder.Build("test", "Test", Survey), publish: true, replaceDraft: false, CancellationToken.None));

        await using var check = CreateDb();
        (await check.Questionnaires.CountAsync()).ShouldBe(0);
        (await check.QuestionnaireVersions.CountAsync()).ShouldBe(0);
        (await check.AuditEvents.CountAsync(e => e.Action == AuditActions.QuestionnaireSaved)).ShouldBe(0);
    }

    [Fact]
    public async Task The_admin_page_refuses_to_replace_an_open_draft_unless_ticked()
    {
        using var session = await App.SignInAsync("admin@example.org");

        var first = await PostImportAsync(session, XlsFormBuilder.Build("test", "Erster", Survey), replaceDraft: false);
        var second = await PostImportAsync(session, XlsFormBuilder.Build("test", "Zweiter", Survey), replaceDraft: false);
        var third = await PostImportAsync(session, XlsFormBuilder.Build("test", "Dritter", Survey), replaceDraft: true);

        (await WebSession.ParseAsync(first)).QuerySelector("[role=status]")!.TextContent.ShouldContain("als Entwurf gespeichert");
        (await WebSession.ParseAsync(second)).QuerySelector("[role=alert]")!.TextContent.ShouldContain("„vorhandenen Entwurf ersetzen“ an");
        (await WebSession.ParseAsync(third)).QuerySelector("[role=status]")!.TextContent.ShouldContain("Version 1: als Entwurf gespeichert");
        await using var db = CreateDb();
        QuestionnaireJson.Deserialize((await db.QuestionnaireVersions.SingleAsync()).Definition).Title.ShouldBe("Dritter");
    }

    private static async Task<HttpResponseMessage> PostImportAsync(WebSession session, byte[] workbook, bool replaceDraft)
    {
        var (_, page) = await session.GetPageAsync("/admin/frageboegen");
        var token = page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(workbook), "file", "test.xlsx" },
        };
        if (replaceDraft)
        {
            form.Add(new StringContent("true"), "replaceDraft");
        }

        return await session.PostAsync("/admin/frageboegen?handler=Import", form);
    }

    private static async Task ShouldBeTooLargeAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadAsStringAsync()).ShouldContain("Die Datei ist größer als 10 MB");
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient api, string url, byte[] content)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(content), "file", "fragebogen.xlsx" } };
        return await api.PostAsync(url, form);
    }

    /// <summary>Lets a draft be stored but makes the save fail once a version is published in it, as a lost connection would.</summary>
    private sealed class FailingPublication : SaveChangesInterceptor
    {
        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (eventData.Context!.ChangeTracker.Entries<QuestionnaireVersion>().Any(e => e.Entity.Status == QuestionnaireVersion.Published))
            {
                throw new DbUpdateException("Verbindung verloren (simuliert).");
            }

            return base.SavingChangesAsync(eventData, result, cancellationToken);
        }
    }
}
