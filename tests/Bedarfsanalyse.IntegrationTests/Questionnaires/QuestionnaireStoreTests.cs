using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Bedarfsanalyse.Core.Questionnaires.Json;
using Bedarfsanalyse.Core.Questionnaires.Network;
using Bedarfsanalyse.Data.Questionnaires;
using Bedarfsanalyse.Testing;
using Bedarfsanalyse.Web.Features.Questionnaires;
using Bedarfsanalyse.XlsForm;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bedarfsanalyse.IntegrationTests.Questionnaires;

public sealed class QuestionnaireStoreTests(TestDatabase database) : AppTest(database)
{
    private static readonly string[][] FirstVersion =
    [
        ["begin group", "seite_a", "Betrieb", "", ""],
        ["select_one ja_nein", "weiterbildung", "Haben Sie Weiterbildung gefördert?", "", "yes"],
        ["integer", "teilnehmende", "Wie viele Beschäftigte nahmen teil?", "${weiterbildung} = 'ja'", "yes"],
        ["end group", "", "", "", ""],
    ];

    [Fact]
    public async Task The_networks_questionnaires_are_published_and_their_exported_XLSForm_imports_back_equal()
    {
        using var api = await App.ApiClientAsync(AdminId);
        await using (var scope = App.Services.CreateAsyncScope())
        {
            (await scope.ServiceProvider.GetRequiredService<NetworkQuestionnaireSetup>().EnsurePublishedAsync(CancellationToken.None)).Published.Count.ShouldBe(2);
            (await scope.ServiceProvider.GetRequiredService<NetworkQuestionnaireSetup>().EnsurePublishedAsync(CancellationToken.None)).Published.Count.ShouldBe(0);
        }

        var list = await api.GetStringAsync("/api/v1/questionnaires");
        var workbook = await api.GetByteArrayAsync("/api/v1/questionnaires/arbeitgeber/versions/1/xlsform");

        list.ShouldContain("\"key\":\"arbeitgeber\"");
        list.ShouldContain("\"key\":\"beschaeftigte\"");
        XlsFormReader.Read(workbook).Definition.ShouldBe(NetworkQuestionnaires.Employer);
    }

    [Fact]
    public async Task A_workbook_with_an_unknown_reference_is_refused_with_its_place_and_nothing_is_stored()
    {
        using var api = await App.ApiClientAsync(AdminId);
        var broken = XlsFormBuilder.Build("test", "Test", [.. FirstVersion.Take(2), ["integer", "anzahl", "Anzahl", "${gibt_es_nicht} = 'ja'", ""], ["end group", "", "", "", ""]]);

        var imported = await UploadAsync(api, "/api/v1/questionnaires/import", broken);

        imported.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await imported.Content.ReadAsStringAsync();
        problem.ShouldContain("gibt_es_nicht");
        problem.ShouldContain("relevant");
        await using var db = CreateDb();
        (await db.Questionnaires.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task A_draft_with_errors_stays_a_draft_when_publishing_is_refused_with_the_place()
    {
        using var api = await App.ApiClientAsync(AdminId);
        (await UploadAsync(api, "/api/v1/questionnaires/import", XlsFormBuilder.Build("test", "Test", FirstVersion))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var definition = (await api.GetStringAsync("/api/v1/questionnaires/test/versions/1")).Replace("${weiterbildung} = 'ja'", "${gibt_es_nicht} = 'ja'", StringComparison.Ordinal);

        var saved = await api.PutAsync("/api/v1/questionnaires/test/versions/1", new StringContent(definition, System.Text.Encoding.UTF8, "application/json"));
        var publish = await api.PostAsync("/api/v1/questionnaires/test/versions/1/publish", null);

        saved.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await saved.Content.ReadAsStringAsync()).ShouldContain("\"publishable\":false");
        publish.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await publish.Content.ReadAsStringAsync();
        problem.ShouldContain("gibt_es_nicht");
        problem.ShouldContain("bleibt ein Entwurf");
        await using var db = CreateDb();
        (await db.QuestionnaireVersions.SingleAsync()).Status.ShouldBe(QuestionnaireVersion.Draft);
    }

    [Fact]
    public async Task Changing_a_draft_with_broken_json_names_the_place_in_german()
    {
        using var api = await App.ApiClientAsync(AdminId);
        (await UploadAsync(api, "/api/v1/questionnaires/import", XlsFormBuilder.Build("test", "Test", FirstVersion))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var definition = (await api.GetStringAsync("/api/v1/questionnaires/test/versions/1")).Replace("\"title\": \"Test\"", "\"title\": 42", StringComparison.Ordinal);

        var response = await api.PutAsync("/api/v1/questionnaires/test/versions/1", new StringContent(definition, System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        problem.RootElement.GetProperty("errors").GetProperty("definition")[0].GetString().ShouldBe(
            "Die Fragebogendefinition ist fehlerhaft bei $.title (Zeile 3, Zeichen 14): Der Wert hat nicht die erwartete Form: erwartet wird ein Text in Anführungszeichen.");
    }

    [Fact]
    public async Task Importing_with_publish_and_errors_stores_nothing_and_a_file_that_is_no_workbook_is_refused()
    {
        using var api = await App.ApiClientAsync(AdminId);
        var broken = XlsFormBuilder.Build("test", "Test", [.. FirstVersion.Take(2), ["integer", "anzahl", "Anzahl", "${gibt_es_nicht} = 'ja'", ""], ["end group", "", "", "", ""]]);

        var withPublish = await UploadAsync(api, "/api/v1/questionnaires/import?publish=true", broken);
        var garbage = await UploadAsync(api, "/api/v1/questionnaires/import", "Das ist keine Arbeitsmappe"u8.ToArray());

        withPublish.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await withPublish.Content.ReadAsStringAsync()).ShouldContain("es hat sich nichts geändert");
        garbage.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        garbage.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        await using var db = CreateDb();
        (await db.Questionnaires.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task A_published_version_is_refused_a_change_with_an_explanation_and_a_change_becomes_the_next_version_with_its_differences()
    {
        using var api = await App.ApiClientAsync(AdminId);
        (await UploadAsync(api, "/api/v1/questionnaires/import?publish=true", XlsFormBuilder.Build("test", "Test", FirstVersion))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var definition = await api.GetStringAsync("/api/v1/questionnaires/test/versions/1");

        var change = await api.PutAsync("/api/v1/questionnaires/test/versions/1", new StringContent(definition, System.Text.Encoding.UTF8, "application/json"));
        var second = XlsFormBuilder.Build("test", "Test", [FirstVersion[0], FirstVersion[1], ["text", "teilnehmende", "Wie viele nahmen teil?", "${weiterbildung} = 'ja'", ""], ["text", "bemerkung", "Bemerkung", "", ""], FirstVersion[3]]);
        var next = await UploadAsync(api, "/api/v1/questionnaires/import?publish=true", second);

        change.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await change.Content.ReadAsStringAsync()).ShouldContain("ist veröffentlicht und unveränderlich");
        next.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var body = JsonDocument.Parse(await next.Content.ReadAsStringAsync());
        body.RootElement.GetProperty("number").GetInt32().ShouldBe(2);
        var changes = body.RootElement.GetProperty("changes").EnumerateArray().ToDictionary(c => c.GetProperty("question").GetString()!, c => c);
        changes["bemerkung"].GetProperty("kind").GetString().ShouldBe("neu");
        changes["teilnehmende"].GetProperty("comparable").GetBoolean().ShouldBeFalse();
        await using var db = CreateDb();
        var v1 = await db.QuestionnaireVersions.SingleAsync(v => v.Number == 1);
        QuestionnaireJson.Deserialize(v1.Definition).Questions().Count().ShouldBe(2);
    }

    [Fact]
    public async Task Validating_a_workbook_reports_its_problems_and_stores_nothing()
    {
        using var api = await App.ApiClientAsync(AdminId);
        var broken = XlsFormBuilder.Build("test", "Test", [.. FirstVersion.Take(2), ["integer", "anzahl", "Anzahl", "${weiterbildung} > 3", ""], ["end group", "", "", "", ""]]);

        var response = await UploadAsync(api, "/api/v1/questionnaires/validate", broken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        body.RootElement.GetProperty("publishable").GetBoolean().ShouldBeFalse();
        var problem = body.RootElement.GetProperty("problems")[0];
        problem.GetProperty("severity").GetString().ShouldBe("Fehler");
        problem.GetProperty("code").GetString().ShouldBe("type_mismatch");
        var message = problem.GetProperty("message").GetString()!;
        message.ShouldContain("Zeile 4");
        message.ShouldContain("Vergleich");
        await using var db = CreateDb();
        (await db.Questionnaires.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Validating_lists_each_finding_of_the_static_checks_once_with_its_place_in_the_workbook()
    {
        using var api = await App.ApiClientAsync(AdminId);
        var workbook = XlsFormBuilder.Build("test", "Test",
            [["begin group", "seite", "Seite", "", "", ""], ["integer", "anzahl", "Anzahl", "", "", "blau"], ["end group", "", "", "", "", ""]],
            surveyHeaders: ["type", "name", "label", "relevant", "required", "farbe"]);

        var response = await UploadAsync(api, "/api/v1/questionnaires/validate", workbook);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        body.RootElement.GetProperty("publishable").GetBoolean().ShouldBeTrue();
        var problem = body.RootElement.GetProperty("problems").EnumerateArray().ShouldHaveSingleItem();
        problem.GetProperty("code").GetString().ShouldBe("unused_list");
        problem.GetProperty("message").GetString()!.ShouldStartWith("Blatt „choices“, Zeile 2");
        body.RootElement.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()).ShouldHaveSingleItem()!
            .ShouldContain("Die Spalte „farbe“ wird nicht unterstützt");
    }

    [Fact]
    public async Task Interviewers_read_published_versions_but_neither_drafts_nor_import()
    {
        using var admin = await App.ApiClientAsync(AdminId);
        (await UploadAsync(admin, "/api/v1/questionnaires/import?publish=true", XlsFormBuilder.Build("test", "Test", FirstVersion))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var draft = await UploadAsync(admin, "/api/v1/questionnaires/import", XlsFormBuilder.Build("test", "Test", FirstVersion.Take(2).Append(FirstVersion[3]).ToArray()));
        draft.StatusCode.ShouldBe(HttpStatusCode.OK, await draft.Content.ReadAsStringAsync());
        (await draft.Content.ReadAsStringAsync()).ShouldContain("\"status\":\"draft\"");
        (await admin.GetAsync("/api/v1/questionnaires/test/versions/2")).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var api = await App.ApiClientAsync(InterviewerId);

        (await api.GetAsync("/api/v1/questionnaires/test/versions/1")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await api.GetAsync("/api/v1/questionnaires/test/versions/2")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await UploadAsync(api, "/api/v1/questionnaires/import", XlsFormBuilder.Build("x", "X", FirstVersion))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await api.GetStringAsync("/api/v1/questionnaires")).ShouldNotContain("\"number\":2");
    }

    [Fact]
    public async Task A_published_version_is_compiled_once_and_then_served_from_memory()
    {
        using var api = await App.ApiClientAsync(AdminId);
        await UploadAsync(api, "/api/v1/questionnaires/import?publish=true", XlsFormBuilder.Build("test", "Test", FirstVersion));
        await using var db = CreateDb();
        var id = await db.QuestionnaireVersions.Select(v => v.Id).SingleAsync();
        var compiled = App.Services.GetRequiredService<CompiledQuestionnaires>();

        var first = await compiled.GetAsync(id);

        (await compiled.GetAsync(id)).ShouldBeSameAs(first);
        first!.Definition.Key.ShouldBe("test");
    }

    [Fact]
    public async Task The_admin_page_uploads_a_workbook_and_publishes_the_draft()
    {
        using var session = await App.SignInAsync("admin@example.org");
        var (_, page) = await session.GetPageAsync("/admin/frageboegen");
        var token = page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(XlsFormBuilder.Build("test", "Testbogen", FirstVersion)), "file", "test.xlsx" },
        };

        var imported = await session.PostAsync("/admin/frageboegen?handler=Import", form);
        var published = await session.SubmitAsync("/admin/frageboegen", [new("key", "test"), new("number", "1")], formAction: "Publish");

        (await WebSession.ParseAsync(imported)).QuerySelector("[role=status]")!.TextContent.ShouldContain("als Entwurf gespeichert");
        (await WebSession.ParseAsync(published)).QuerySelector("[role=status]")!.TextContent.ShouldContain("veröffentlicht");
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient api, string url, byte[] content)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(content), "file", "fragebogen.xlsx" } };
        return await api.PostAsync(url, form);
    }
}
