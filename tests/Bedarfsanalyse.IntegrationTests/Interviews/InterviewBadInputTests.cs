using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Bedarfsanalyse.Testing;
using Microsoft.EntityFrameworkCore;

namespace Bedarfsanalyse.IntegrationTests.Interviews;

/// <summary>Issue 5's bad-input cases: each one is a 400 problem that names the field in German, and nothing is stored.</summary>
public sealed class InterviewBadInputTests(TestDatabase database) : InterviewApiTest(database)
{
    private static async Task<JsonObject> ErrorsOf(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, body);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = JsonNode.Parse(body)!.AsObject();
        problem["title"]!.GetValue<string>().ShouldBe("Ungültige Eingabe");
        return problem["errors"]!.AsObject();
    }

    private static string Message(JsonObject errors, string field)
    {
        errors.ContainsKey(field).ShouldBeTrue($"erwartet: Feld {field}, gemeldet: {string.Join(", ", errors.Select(e => e.Key))}");
        return errors[field]![0]!.GetValue<string>();
    }

    private async Task NothingStoredAsync(int interviews = 0, int? answers = null)
    {
        await using var db = CreateDb();
        (await db.Interviews.CountAsync()).ShouldBe(interviews);
        (await db.Answers.CountAsync()).ShouldBe(answers ?? 0);
    }

    private async Task<int> AnswersStoredAsync()
    {
        await using var db = CreateDb();
        return await db.Answers.CountAsync();
    }

    private Task<HttpResponseMessage> PostJsonAsync(string path, string json) =>
        Api.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    [Fact]
    public async Task A_request_field_of_the_wrong_type_is_named_with_what_it_must_be()
    {
        var id = Guid.NewGuid();
        var created = await CreatedAsync(id, new { a_wz = "C" });
        var answers = await AnswersStoredAsync();

        var numberAsId = await PostJsonAsync("/api/v1/interviews", """{"id": 5, "questionnaire": "arbeitgeber", "respondentGroup": "establishment", "district": "03255"}""");
        var textAsVersion = await Api.PutAsync($"/api/v1/interviews/{id}/answers",
            new StringContent("""{"version": "x", "answers": {"a_wz": "F"}}""", Encoding.UTF8, "application/json"));

        Message(await ErrorsOf(numberAsId), "id").ShouldContain("UUID");
        Message(await ErrorsOf(textAsVersion), "version").ShouldContain("ganze Zahl");
        await NothingStoredAsync(interviews: 1, answers: answers);
        await using var db = CreateDb();
        (await db.Answers.SingleAsync(a => a.Question == "a_wz")).Code.ShouldBe("C");
        (await db.Interviews.SingleAsync()).Version.ShouldBe(VersionOf(created));
    }

    [Fact]
    public async Task An_answer_of_the_wrong_type_is_named_under_answers()
    {
        var response = await CreateAsync(Guid.NewGuid(), new { a_beschaeftigte = "viele", a_wz = "C" });

        Message(await ErrorsOf(response), "answers.a_beschaeftigte").ShouldContain("ganze Zahl");
        await NothingStoredAsync();
    }

    [Fact]
    public async Task A_number_out_of_range_is_named_with_its_bound()
    {
        var response = await CreateAsync(Guid.NewGuid(), new { a_beschaeftigte = -5, a_wz = "C" });

        Message(await ErrorsOf(response), "answers.a_beschaeftigte").ShouldContain("mindestens 1");
        await NothingStoredAsync();
    }

    [Fact]
    public async Task An_unknown_question_is_named()
    {
        var response = await CreateAsync(Guid.NewGuid(), new { gibt_es_nicht = "x", a_wz = "C" });

        Message(await ErrorsOf(response), "answers.gibt_es_nicht").ShouldNotBeNullOrWhiteSpace();
        await NothingStoredAsync();
    }

    [Fact]
    public async Task A_questionnaire_version_that_does_not_exist_is_named()
    {
        var response = await Api.PostAsJsonAsync("/api/v1/interviews", new
        {
            id = Guid.NewGuid(), questionnaire = "arbeitgeber", questionnaireVersion = 99, respondentGroup = "establishment", district = Holzminden,
            answers = new { a_wz = "C" },
        });

        Message(await ErrorsOf(response), "questionnaireVersion").ShouldContain("Version 99");
        await NothingStoredAsync();
    }

    [Fact]
    public async Task A_district_outside_the_interviewers_scope_is_refused_with_403_naming_it_and_the_refusal_is_audited()
    {
        var response = await CreateAsync(Guid.NewGuid(), new { a_wz = "C" }, district: HamelnPyrmont);

        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, body);
        JsonNode.Parse(body)!["detail"]!.GetValue<string>().ShouldContain($"Kreis {HamelnPyrmont} nicht zugeordnet");
        await NothingStoredAsync();
        await using var db = CreateDb();
        var refusal = await db.AuditEvents.SingleAsync(e => e.Action == "access-denied");
        refusal.ActorId.ShouldBe(InterviewerId);
        refusal.Details!.ShouldContain(HamelnPyrmont);
    }

    [Fact]
    public async Task An_oversized_body_is_a_400_that_names_the_limit()
    {
        var response = await CreateAsync(Guid.NewGuid(), new { c_weitere_bedarfe = new string('x', 600_000) });

        Message(await ErrorsOf(response), "body").ShouldContain("512 KB");
        await NothingStoredAsync();
    }

    [Fact]
    public async Task Malformed_JSON_is_a_400_that_says_where_the_text_breaks()
    {
        var id = Guid.NewGuid();
        var created = await CreatedAsync(id, new { a_wz = "C" });
        var answers = await AnswersStoredAsync();

        var truncated = await PostJsonAsync("/api/v1/interviews", "{\"id\": ");
        var broken = await Api.PutAsync($"/api/v1/interviews/{id}/answers",
            new StringContent($"{{\"version\": {VersionOf(created)}, \"answers\": {{\"a_wz\": F}}}}", Encoding.UTF8, "application/json"));

        Message(await ErrorsOf(truncated), "body").ShouldContain("kein gültiges JSON");
        Message(await ErrorsOf(broken), "body").ShouldContain("Zeile 1");
        await NothingStoredAsync(interviews: 1, answers: answers);
    }
}
