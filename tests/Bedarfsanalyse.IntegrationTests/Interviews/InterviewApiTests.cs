using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Bedarfsanalyse.Data.Accounts;
using Bedarfsanalyse.Data.Interviews;
using Bedarfsanalyse.Testing;
using Microsoft.EntityFrameworkCore;

namespace Bedarfsanalyse.IntegrationTests.Interviews;

public sealed class InterviewApiTests(TestDatabase database) : InterviewApiTest(database)
{
    [Fact]
    public async Task Creating_an_interview_twice_with_the_same_id_stores_it_once_and_answers_the_same()
    {
        var id = Guid.NewGuid();

        var first = await CreateAsync(id, new { a_wz = "C" });
        var second = await CreateAsync(id, new { a_wz = "C" });

        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        second.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await second.Content.ReadAsStringAsync()).ShouldBe(await first.Content.ReadAsStringAsync());
        await using var db = CreateDb();
        (await db.Interviews.CountAsync()).ShouldBe(1);
        (await db.Answers.CountAsync(a => a.Question == "a_wz")).ShouldBe(1);
    }

    [Fact]
    public async Task Saving_part_of_a_draft_keeps_the_answers_saved_before()
    {
        var id = Guid.NewGuid();
        var created = await CreatedAsync(id, new { a_wz = "C", a_beschaeftigte = 42 });

        var saved = await SaveAsync(id, VersionOf(created), new { a_kammer = "hwk", a_wz = (string?)null });

        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        var interview = await Api.GetFromJsonAsync<Dictionary<string, object>>($"/api/v1/interviews/{id}");
        var answers = (await JsonAsync(await Api.GetAsync($"/api/v1/interviews/{id}")))["answers"]!.AsObject();
        answers["a_beschaeftigte"]!.GetValue<decimal>().ShouldBe(42);
        answers["a_kammer"]!.GetValue<string>().ShouldBe("hwk");
        answers.ContainsKey("a_wz").ShouldBeFalse();
        interview!["status"].ToString().ShouldBe("draft");
    }

    [Fact]
    public async Task Completing_an_incomplete_interview_lists_German_errors_per_question_and_keeps_the_draft()
    {
        var id = Guid.NewGuid();
        var created = await CreatedAsync(id, new { a_wz = "C" });

        var response = await CompleteAsync(id, VersionOf(created), Consent);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await JsonAsync(response))["errors"]!.AsObject();
        errors.ContainsKey("answers.a_kreis").ShouldBeTrue();
        errors.ContainsKey("answers.f_kontakt").ShouldBeTrue();
        errors["answers.a_kreis"]![0]!.GetValue<string>().ShouldContain("Bitte");
        await using var db = CreateDb();
        var stored = await db.Interviews.SingleAsync();
        stored.Status.ShouldBe(Interview.Draft);
        stored.Version.ShouldBe(VersionOf(created));
    }

    [Fact]
    public async Task Completing_stores_the_quality_signals_and_counts_weiss_nicht_answers()
    {
        var id = Guid.NewGuid();
        var answers = CompleteEmployerAnswers();
        answers["a_tarif"] = "wn";
        var created = await CreatedAsync(id, answers);

        var response = await CompleteAsync(id, VersionOf(created), Consent);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        await using var db = CreateDb();
        var stored = await db.Interviews.SingleAsync();
        stored.Status.ShouldBe(Interview.Completed);
        stored.CompletedAt.ShouldNotBeNull();
        stored.DurationSeconds.ShouldNotBeNull();
        stored.ConsentTextVersion.ShouldBe("2026-1");
        stored.NonSubstantiveAnswers.ShouldBe(2); // a_tarif and f_interesse
        (await db.Answers.AnyAsync(a => a.Question == "a_groessenklasse")).ShouldBeTrue();
    }

    [Fact]
    public async Task Completing_without_consent_is_refused_and_completing_twice_answers_the_same()
    {
        var id = Guid.NewGuid();
        var created = await CreatedAsync(id, CompleteEmployerAnswers());

        var withoutConsent = await CompleteAsync(id, VersionOf(created), null);
        var first = await CompleteAsync(id, VersionOf(created), Consent);
        var second = await CompleteAsync(id, VersionOf(created), Consent);

        withoutConsent.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await JsonAsync(withoutConsent))["errors"]!["consent"]![0]!.GetValue<string>().ShouldContain("Einwilligung");
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await second.Content.ReadAsStringAsync()).ShouldBe(await first.Content.ReadAsStringAsync());
        await using var db = CreateDb();
        (await db.Interviews.SingleAsync()).EditsAfterCompletion.ShouldBe(0);
    }

    [Fact]
    public async Task Answers_to_questions_the_skip_logic_hides_are_dropped()
    {
        var id = Guid.NewGuid();
        var created = await CreatedAsync(id, new { b_gefoerdert = "ja", b_art = new[] { "kosten" }, b_teilnehmende = 4 });
        created["answers"]!.AsObject().ContainsKey("b_art").ShouldBeTrue();

        var saved = await JsonAsync(await SaveAsync(id, VersionOf(created), new { b_gefoerdert = "nein" }));

        var answers = saved["answers"]!.AsObject();
        answers.ContainsKey("b_art").ShouldBeFalse();
        answers.ContainsKey("b_teilnehmende").ShouldBeFalse();
        await using var db = CreateDb();
        (await db.Answers.AnyAsync(a => a.Question == "b_art")).ShouldBeFalse();
    }

    [Fact]
    public async Task A_change_with_a_stale_version_is_a_conflict_that_shows_the_stored_interview_and_the_submitted_change()
    {
        var id = Guid.NewGuid();
        var created = await CreatedAsync(id, new { a_wz = "C" });
        (await SaveAsync(id, VersionOf(created), new { a_wz = "F" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var stale = await SaveAsync(id, VersionOf(created), new { a_wz = "G" });

        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var problem = await JsonAsync(stale);
        problem["detail"]!.GetValue<string>().ShouldContain("inzwischen");
        problem["current"]!["answers"]!["a_wz"]!.GetValue<string>().ShouldBe("F");
        problem["current"]!["version"]!.GetValue<uint>().ShouldNotBe(VersionOf(created));
        problem["submitted"]!["answers"]!["a_wz"]!.GetValue<string>().ShouldBe("G");
        problem["submitted"]!["version"]!.GetValue<uint>().ShouldBe(VersionOf(created));
        await using var db = CreateDb();
        (await db.Answers.SingleAsync(a => a.Question == "a_wz")).Code.ShouldBe("F");
    }

    [Fact]
    public async Task A_change_made_by_another_app_instance_after_this_one_saved_is_a_conflict_not_a_lost_update()
    {
        // This instance keeps the interview it saved last (ADR 0024); another instance on the same database writes the
        // interview row and an answer, as its own save would. The client's version is the one this instance stored.
        var (id, saved) = await CreatedAndSavedOnceAsync();
        await using (var db = CreateDb())
        {
            await db.Database.ExecuteSqlAsync($"update answers set code = 'F' where interview_id = {id} and question = 'a_wz'");
            await db.Database.ExecuteSqlAsync($"update interviews set updated_at = now() where id = {id}");
        }

        var stale = await SaveAsync(id, VersionOf(saved), new { a_wz = "G" });

        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await JsonAsync(stale))["current"]!["answers"]!["a_wz"]!.GetValue<string>().ShouldBe("F");
        await using var check = CreateDb();
        (await check.Answers.SingleAsync(a => a.InterviewId == id && a.Question == "a_wz")).Code.ShouldBe("F");
        (await check.Answers.SingleAsync(a => a.InterviewId == id && a.Question == "a_kammer")).Code.ShouldBe("hwk");
    }

    [Fact]
    public async Task An_interview_erased_elsewhere_after_this_instance_saved_it_is_not_found_and_not_written_again()
    {
        var (id, saved) = await CreatedAndSavedOnceAsync();
        await using (var db = CreateDb())
        {
            await db.Database.ExecuteSqlAsync($"delete from interviews where id = {id}");
        }

        (await SaveAsync(id, VersionOf(saved), new { a_wz = "G" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await CompleteAsync(id, VersionOf(saved), Consent, CompleteEmployerAnswers())).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await using var check = CreateDb();
        (await check.Interviews.AnyAsync(i => i.Id == id)).ShouldBeFalse();
        (await check.Answers.AnyAsync(a => a.InterviewId == id)).ShouldBeFalse();
    }

    [Fact]
    public async Task Consecutive_page_saves_and_completion_store_each_page_and_delete_the_answers_removed()
    {
        var id = Guid.NewGuid();
        var created = await CreatedAsync(id, new { a_wz = "C", a_kammer = "ihk" });
        var first = await JsonAsync(await SaveAsync(id, VersionOf(created), new { a_rolle = "inhaber", a_kammer = (string?)null }));
        var second = await JsonAsync(await SaveAsync(id, VersionOf(first), new { a_wz = "F", a_beschaeftigte = 42 }));
        (await StoredAsync(id)).ShouldBe("a_beschaeftigte=42 a_groessenklasse=10-49 a_rolle=inhaber a_wirtschaftsgruppe=B-F a_wz=F");

        var answers = CompleteEmployerAnswers();
        answers.Remove("a_rolle");
        answers.Remove("a_beschaeftigte");
        var completed = await CompleteAsync(id, VersionOf(second), Consent, answers);

        completed.StatusCode.ShouldBe(HttpStatusCode.OK, await completed.Content.ReadAsStringAsync());
        var stored = await StoredAsync(id);
        stored.ShouldContain("a_beschaeftigte=42 ");
        stored.ShouldContain("a_kammer=ihk ");
        stored.ShouldContain("a_rolle=inhaber ");
        stored.ShouldContain("a_wz=C ");
        await using var db = CreateDb();
        (await db.Interviews.SingleAsync(i => i.Id == id)).Status.ShouldBe("completed");
    }

    /// <summary>An interview this app instance created and saved once (so it holds the saved version), and that save's answer.</summary>
    private async Task<(Guid Id, JsonObject Saved)> CreatedAndSavedOnceAsync()
    {
        var id = Guid.NewGuid();
        var created = await CreatedAsync(id, new { a_wz = "C" });
        return (id, await JsonAsync(await SaveAsync(id, VersionOf(created), new { a_kammer = "hwk" })));
    }

    private async Task<string> StoredAsync(Guid id)
    {
        await using var db = CreateDb();
        var rows = await db.Answers.Where(a => a.InterviewId == id).OrderBy(a => a.Question).ThenBy(a => a.Position).ToListAsync();
        return string.Join(" ", rows.Select(a => $"{a.Question}={a.Code ?? a.Number?.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) ?? a.Text}"));
    }

    [Fact]
    public async Task Two_simultaneous_saves_of_one_version_store_one_and_answer_the_other_409()
    {
        var id = Guid.NewGuid();
        var created = await CreatedAsync(id);

        var responses = await Task.WhenAll(
            SaveAsync(id, VersionOf(created), new { a_wz = "F", a_kammer = "hwk" }),
            SaveAsync(id, VersionOf(created), new { a_wz = "G", a_kammer = "ihk" }));

        responses.Select(r => r.StatusCode).OrderBy(s => s).ShouldBe([HttpStatusCode.OK, HttpStatusCode.Conflict]);
        await using var db = CreateDb();
        var codes = await db.Answers.Where(a => a.Question == "a_wz" || a.Question == "a_kammer").OrderBy(a => a.Question).Select(a => a.Code).ToListAsync();
        string.Join(",", codes).ShouldBeOneOf("hwk,F", "ihk,G");
    }

    [Fact]
    public async Task Editing_a_completed_interview_is_audited_with_old_and_new_answers()
    {
        var id = Guid.NewGuid();
        var created = await CreatedAsync(id, CompleteEmployerAnswers());
        var completed = await JsonAsync(await CompleteAsync(id, VersionOf(created), Consent));

        var edited = await SaveAsync(id, VersionOf(completed), new { a_wz = "F" });
        var incomplete = await SaveAsync(id, VersionOf(await JsonAsync(edited)), new { f_kontakt = (string?)null });

        edited.StatusCode.ShouldBe(HttpStatusCode.OK);
        incomplete.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        await using var db = CreateDb();
        (await db.Interviews.SingleAsync()).EditsAfterCompletion.ShouldBe(1);
        var change = await db.AuditEvents.SingleAsync(e => e.Action == "interview-changed");
        change.SubjectId.ShouldBe(id.ToString());
        var details = System.Text.Json.Nodes.JsonNode.Parse(change.Details!)!["changes"]!.AsArray().Single()!;
        details["question"]!.GetValue<string>().ShouldBe("a_wz");
        details["old"]!.GetValue<string>().ShouldBe("C");
        details["new"]!.GetValue<string>().ShouldBe("F");
    }

    [Fact]
    public async Task Withdrawing_needs_a_reason_and_ends_all_changes()
    {
        var id = Guid.NewGuid();
        var created = await CreatedAsync(id, new { a_wz = "C" });

        var noReason = await Api.PostAsJsonAsync($"/api/v1/interviews/{id}/withdraw", new { version = VersionOf(created) });
        var withdrawn = await Api.PostAsJsonAsync($"/api/v1/interviews/{id}/withdraw", new { version = VersionOf(created), reason = "Einwilligung widerrufen" });
        var later = await SaveAsync(id, VersionOf(await JsonAsync(withdrawn)), new { a_wz = "F" });

        noReason.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        withdrawn.StatusCode.ShouldBe(HttpStatusCode.OK);
        later.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        await using var db = CreateDb();
        var stored = await db.Interviews.SingleAsync();
        stored.Status.ShouldBe(Interview.Withdrawn);
        stored.WithdrawalReason.ShouldBe("Einwilligung widerrufen");
    }

    [Fact]
    public async Task Other_interviewers_interviews_do_not_exist_and_analysts_may_not_list_interviews()
    {
        var id = Guid.NewGuid();
        await CreatedAsync(id);
        var colleague = await App.CreateUserAsync("kollegin@example.org", [Roles.Interviewer], Network, Holzminden);
        using var other = await App.ApiClientAsync(colleague);

        var foreign = await other.GetAsync($"/api/v1/interviews/{id}");
        var foreignSave = await other.PutAsJsonAsync($"/api/v1/interviews/{id}/answers", new { version = 1, answers = new { a_wz = "F" } });
        var list = await other.GetStringAsync("/api/v1/interviews");
        using var analyst = await App.ApiClientAsync(AnalystId);

        foreign.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        foreignSave.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        list.ShouldBe("[]");
        (await analyst.GetAsync("/api/v1/interviews")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await using var db = CreateDb();
        (await db.Interviews.CountAsync()).ShouldBe(1);
        (await db.AuditEvents.CountAsync(e => e.Action == "access-denied")).ShouldBeGreaterThanOrEqualTo(2);
    }

    [Fact]
    public async Task The_list_filters_by_status_questionnaire_district_and_quarter_with_drafts_first()
    {
        var done = Guid.NewGuid();
        var draft = Guid.NewGuid();
        var created = await CreatedAsync(done, CompleteEmployerAnswers());
        (await CompleteAsync(done, VersionOf(created), Consent)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await CreatedAsync(draft);
        var quarter = Core.Periods.Quarter.Of(DateOnly.FromDateTime(DateTime.UtcNow));

        var all = await Api.GetFromJsonAsync<List<Dictionary<string, object>>>("/api/v1/interviews");
        var completed = await Api.GetFromJsonAsync<List<Dictionary<string, object>>>($"/api/v1/interviews?status=completed&questionnaire=arbeitgeber&district={Holzminden}&quarter={quarter}");
        var employees = await Api.GetFromJsonAsync<List<Dictionary<string, object>>>("/api/v1/interviews?questionnaire=beschaeftigte");
        var badQuarter = await Api.GetAsync("/api/v1/interviews?quarter=Sommer");

        all!.Select(i => i["id"].ToString()).ShouldBe([draft.ToString(), done.ToString()]);
        completed!.Single()["id"].ToString().ShouldBe(done.ToString());
        employees!.ShouldBeEmpty();
        badQuarter.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Creating_and_completing_are_recorded_in_the_audit_log_with_the_interviewer()
    {
        var id = Guid.NewGuid();
        var created = await CreatedAsync(id, CompleteEmployerAnswers());

        (await CompleteAsync(id, VersionOf(created), Consent)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await CompleteAsync(id, VersionOf(created), Consent)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await using var db = CreateDb();
        var events = await db.AuditEvents.Where(e => e.SubjectId == id.ToString()).OrderBy(e => e.Id).ToListAsync();
        events.Select(e => e.Action).ShouldBe(["interview-created", "interview-completed"]);
        events.ShouldAllBe(e => e.ActorId == InterviewerId && e.SubjectType == "interview");
        events[0].Details!.ShouldContain("arbeitgeber");
    }

    [Fact]
    public async Task The_interview_endpoints_are_described_in_the_OpenAPI_document()
    {
        var document = await App.Client.GetStringAsync("/api/v1/openapi.json");

        document.ShouldContain("/api/v1/interviews/{id}/answers");
        document.ShouldContain("/api/v1/interviews/{id}/complete");
        document.ShouldContain("/api/v1/interviews/{id}/withdraw");
        document.ShouldContain("CreateInterviewInput");
        var save = System.Text.Json.Nodes.JsonNode.Parse(document)!["paths"]!["/api/v1/interviews/{id}/answers"]!["put"]!;
        save["responses"]!["409"]!["content"]!["application/problem+json"]!["schema"]!.ToJsonString().ShouldContain("InterviewConflict");
        save["responses"]!["400"]!["content"]!["application/problem+json"]!.ShouldNotBeNull();
        save["responses"]!["200"]!.ToJsonString().ShouldContain("InterviewView");
        save["requestBody"]!.ToJsonString().ShouldContain("SaveAnswersInput");
        var scheme = System.Text.Json.Nodes.JsonNode.Parse(document)!["components"]!["securitySchemes"]!.AsObject().Single().Value!;
        scheme["type"]!.GetValue<string>().ShouldBe("http");
        scheme["scheme"]!.GetValue<string>().ShouldBe("bearer");
    }
}
