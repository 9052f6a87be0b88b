using System.Globalization;
using System.Net;
using System.Text;
using Bedarfsanalyse.Core.Questionnaires.Answers;
using Bedarfsanalyse.Core.Questionnaires.Network;
using Bedarfsanalyse.Core.Questionnaires.Tabular;
using Bedarfsanalyse.Data.Interviews;
using Bedarfsanalyse.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bedarfsanalyse.IntegrationTests.Interviews;

public sealed class InterviewImportTests(TestDatabase database) : InterviewApiTest(database)
{
    private static readonly FlatLayout Layout = FlatLayout.For(NetworkQuestionnaires.Employer, 1);

    private static Dictionary<string, AnswerValue> Answers() => new()
    {
        ["a_kreis"] = AnswerValue.Choice(Holzminden),
        ["a_wz"] = AnswerValue.Choice("C"),
        ["a_kammer"] = AnswerValue.Choice("ihk"),
        ["a_rolle"] = AnswerValue.Choice("inhaber"),
        ["a_beschaeftigte"] = AnswerValue.Number(42),
        ["a_azubis"] = AnswerValue.Number(3),
        ["a_unter25"] = AnswerValue.Number(5),
        ["a_ab55"] = AnswerValue.Number(10),
        ["b_gefoerdert"] = AnswerValue.Choice("nein"),
        ["b_bildet_aus"] = AnswerValue.Choice("nein"),
        ["c_bedarf"] = AnswerValue.Choice("wn"),
        ["d_hemmnisse"] = AnswerValue.Choice("zeit"),
        ["e_formate"] = AnswerValue.Choice("inhouse"),
        ["f_offene_stellen"] = AnswerValue.Choice("nein"),
        ["f_interesse"] = AnswerValue.Choice("eher"),
        ["f_kontakt"] = AnswerValue.Choice("nein"),
    };

    /// <summary>A German-Excel CSV in the export's flat layout with the import's interview columns in front.</summary>
    private static string Csv(params (Guid Id, string District, Dictionary<string, AnswerValue> Answers)[] rows)
    {
        var text = new StringBuilder();
        text.AppendLine(string.Join(';', new[] { "interview_id", "kreis", "befragtengruppe", "datum", "einwilligung" }.Concat(Layout.Columns.Select(c => c.Name))));
        foreach (var (id, district, answers) in rows)
        {
            var cells = Layout.Cells(answers).Select(c => c switch
            {
                null => "",
                decimal d => d.ToString(CultureInfo.InvariantCulture),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
            text.AppendLine(string.Join(';', new[] { id.ToString(), district, "establishment", "15.10.2026", "1" }.Concat(cells)));
        }

        return text.ToString();
    }

    private Task<HttpResponseMessage> ImportAsync(string csv, bool dryRun)
    {
        var form = new MultipartFormDataContent { { new StringContent(csv, Encoding.UTF8, "text/csv"), "file", "interviews.csv" } };
        return Api.PostAsync($"/api/v1/interviews/import?questionnaire=arbeitgeber&dryRun={dryRun.ToString().ToLowerInvariant()}", form);
    }

    [Fact]
    public async Task A_dry_run_lists_every_rows_errors_with_row_and_column_and_stores_nothing()
    {
        var bad = Answers();
        bad["a_beschaeftigte"] = AnswerValue.Text("viele");
        bad.Remove("f_kontakt");
        var csv = Csv((Guid.NewGuid(), Holzminden, Answers()), (Guid.NewGuid(), HamelnPyrmont, bad));

        var response = await ImportAsync(csv, dryRun: true);

        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        var errors = (await JsonAsync(response))["errors"]!.AsArray();
        errors.ShouldAllBe(e => e!["row"]!.GetValue<int>() == 3);
        errors.Select(e => e!["column"]!.GetValue<string>()).ShouldBe(["a_beschaeftigte", "f_kontakt", "kreis"], ignoreOrder: true);
        errors.Single(e => e!["column"]!.GetValue<string>() == "kreis")!["message"]!.GetValue<string>().ShouldContain("nicht zugeordnet");
        await using var db = CreateDb();
        (await db.Interviews.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task An_import_stores_completed_interviews_once_and_the_same_file_again_is_refused()
    {
        var first = Guid.NewGuid();
        var csv = Csv((first, Holzminden, Answers()), (Guid.NewGuid(), Holzminden, Answers()));

        var imported = await ImportAsync(csv, dryRun: false);
        var again = await ImportAsync(csv, dryRun: false);

        imported.StatusCode.ShouldBe(HttpStatusCode.OK, await imported.Content.ReadAsStringAsync());
        (await JsonAsync(imported))["imported"]!.GetValue<int>().ShouldBe(2);
        again.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await again.Content.ReadAsStringAsync()).ShouldContain("gibt es schon");
        await using var db = CreateDb();
        var stored = await db.Interviews.SingleAsync(i => i.Id == first);
        stored.Status.ShouldBe(Interview.Completed);
        stored.ConductedOn.ShouldBe(new DateOnly(2026, 10, 15));
        stored.NonSubstantiveAnswers.ShouldBe(1);
        (await db.Interviews.CountAsync()).ShouldBe(2);
        (await db.AuditEvents.CountAsync(e => e.Action == "interviews-imported")).ShouldBe(1);
    }

    [Fact]
    public async Task The_import_page_shows_each_rows_errors_in_German_stores_nothing_and_then_imports_the_corrected_file()
    {
        var bad = Answers();
        bad["a_beschaeftigte"] = AnswerValue.Text("viele");
        using var session = await App.SignInAsync("interviewer@example.org");

        var checkedPage = await UploadOnPageAsync(session, Csv((Guid.NewGuid(), Holzminden, Answers()), (Guid.NewGuid(), Holzminden, bad)), checkOnly: true);
        var imported = await UploadOnPageAsync(session, Csv((Guid.NewGuid(), Holzminden, Answers()), (Guid.NewGuid(), Holzminden, Answers())), checkOnly: false);

        checkedPage.QuerySelector("[role=alert]")!.TextContent.ShouldContain("1 Fehler in 2 Zeilen. Es wurde nichts gespeichert.");
        var error = checkedPage.QuerySelectorAll("main table tbody tr").Single().QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        error[0].ShouldBe("3");
        error[1].ShouldBe("a_beschaeftigte");
        error[2].ShouldContain("„viele“");
        imported.QuerySelector("[role=status]")!.TextContent.ShouldContain("2 Interviews übernommen.");
        await using var db = CreateDb();
        (await db.Interviews.CountAsync()).ShouldBe(2);
    }

    [Fact]
    public async Task An_analyst_workbook_written_by_the_export_imports_from_its_data_sheet_after_cover_and_codebook()
    {
        var ids = new[] { Guid.NewGuid(), Guid.NewGuid() };
        (await ImportAsync(Csv((ids[0], Holzminden, Answers()), (ids[1], Holzminden, Answers())), dryRun: false)).StatusCode.ShouldBe(HttpStatusCode.OK);
        byte[] workbook;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var quarter = new Core.Periods.Quarter(2026, 4);
            var planned = await scope.ServiceProvider.GetRequiredService<Web.Features.Exports.NetworkExport>().PlanAsync(Network, quarter, quarter, null, CancellationToken.None);
            using var output = new MemoryStream();
            await Bedarfsanalyse.Reports.Export.AnalystWorkbookWriter.WriteAsync(planned.Workbook, output);
            workbook = output.ToArray();
        }

        await using (var db = CreateDb())
        {
            await db.Interviews.ExecuteDeleteAsync();
        }

        var form = new MultipartFormDataContent { { new ByteArrayContent(workbook), "file", "analysedaten-mehrwert-2026-Q4.xlsx" } };
        var response = await Api.PostAsync("/api/v1/interviews/import?questionnaire=arbeitgeber&dryRun=false", form);

        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        (await JsonAsync(response))["imported"]!.GetValue<int>().ShouldBe(2);
        await using var check = CreateDb();
        var stored = await check.Interviews.OrderBy(i => i.Id).ToListAsync();
        stored.Select(i => i.Id).ShouldBe(ids.Order());
        stored.ShouldAllBe(i => i.ConductedOn == new DateOnly(2026, 10, 15) && i.Status == Interview.Completed);
        (await check.Answers.Where(a => a.Question == "a_beschaeftigte").Select(a => a.Number).ToListAsync()).ShouldAllBe(n => n == 42);
    }

    [Fact]
    public async Task A_refused_import_is_a_problem_listing_row_and_column_with_the_report()
    {
        var bad = Answers();
        bad["a_beschaeftigte"] = AnswerValue.Text("viele");

        var response = await ImportAsync(Csv((Guid.NewGuid(), Holzminden, Answers()), (Guid.NewGuid(), Holzminden, bad)), dryRun: false);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await JsonAsync(response);
        problem["errors"]!["Zeile 3: a_beschaeftigte"]![0]!.GetValue<string>().ShouldContain("viele");
        problem["report"]!["errors"]!.AsArray().Count.ShouldBe(1);
        problem["detail"]!.GetValue<string>().ShouldContain("nichts gespeichert");
        await using var db = CreateDb();
        (await db.Interviews.CountAsync()).ShouldBe(0);
    }

    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> UploadOnPageAsync(WebSession session, string csv, bool checkOnly)
    {
        var (_, page) = await session.GetPageAsync("/interviews/import");
        var token = page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("arbeitgeber"), "Questionnaire" },
            { new StringContent(checkOnly ? "true" : "false"), "CheckOnly" },
            { new StringContent(csv, Encoding.UTF8, "text/csv"), "file", "interviews.csv" },
        };
        var response = await session.PostAsync("/interviews/import", form);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await WebSession.ParseAsync(response);
    }
}
