using System.Net;
using System.Net.Http.Json;
using Bedarfsanalyse.Data.Interviews;
using Bedarfsanalyse.Testing;
using Microsoft.EntityFrameworkCore;

namespace Bedarfsanalyse.IntegrationTests.Interviews;

public sealed class InterviewScreenTests(TestDatabase database) : InterviewApiTest(database)
{
    private async Task<(WebSession Session, Guid Id)> StartEmployerInterviewAsync(string name = "Bäckerei Sonnenschein")
    {
        var session = await App.SignInAsync("interviewer@example.org");
        var response = await session.SubmitAsync("/interviews/neu", [
            new("Form.Start", "arbeitgeber|establishment"), new("Form.District", Holzminden),
            new("Form.Name", name), new("Form.Sector", "C"), new("Form.Headcount", "42")], formAction: null);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var id = Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]);
        return (session, id);
    }

    [Fact]
    public async Task Starting_an_employer_interview_creates_the_establishment_and_prefills_the_district()
    {
        var (session, id) = await StartEmployerInterviewAsync();

        var (_, page) = await session.GetPageAsync($"/interviews/{id}");

        page.QuerySelector($"input[name='q.a_kreis'][value='{Holzminden}']")!.HasAttribute("checked").ShouldBeTrue();
        page.QuerySelector("h1")!.TextContent.ShouldContain("Angaben zum Betrieb");
        page.QuerySelector(".progress-line")!.TextContent.ShouldContain("Seite 1 von");
        await using var db = CreateDb();
        var interview = await db.Interviews.Include(i => i.Establishment).ThenInclude(e => e!.Contact).SingleAsync();
        interview.Establishment!.Contact!.Name.ShouldBe("Bäckerei Sonnenschein");
    }

    [Fact]
    public async Task A_new_establishment_with_a_name_like_an_existing_one_is_first_suggested_as_a_duplicate()
    {
        await StartEmployerInterviewAsync("Bäckerei Sonnenschein GmbH");
        using var session = await App.SignInAsync("interviewer@example.org");

        var response = await session.SubmitAsync("/interviews/neu", [
            new("Form.Start", "arbeitgeber|establishment"), new("Form.District", Holzminden),
            new("Form.Name", "bäckerei sonnenschein"), new("Form.Sector", "C"), new("Form.Headcount", "40")]);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await WebSession.ParseAsync(response);
        page.QuerySelector(".message.warn")!.TextContent.ShouldContain("ähnlichem Namen");
        page.QuerySelectorAll("input[name='Form.EstablishmentId']").Length.ShouldBe(1);
        await using var db = CreateDb();
        (await db.Establishments.CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task Paging_on_saves_the_page_as_a_draft_and_invalid_values_are_shown_at_the_question()
    {
        var (session, id) = await StartEmployerInterviewAsync();
        var firstPage = $"/interviews/{id}/a_betrieb";

        var invalid = await session.SubmitAsync(firstPage, [new("q.a_kreis", Holzminden), new("q.a_beschaeftigte", "viele"), new("gehe", "weiter")]);
        var valid = await session.SubmitAsync(firstPage, [
            new("q.a_kreis", Holzminden), new("q.a_wz", "C"), new("q.a_kammer", "ihk"), new("q.a_rolle", "inhaber"),
            new("q.a_beschaeftigte", "42"), new("q.a_azubis", "3"), new("q.a_unter25", "5"), new("q.a_ab55", "10"), new("gehe", "weiter")]);

        invalid.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await WebSession.ParseAsync(invalid);
        page.QuerySelector("#frage-a_beschaeftigte .field-error")!.TextContent.ShouldNotBeNullOrWhiteSpace();
        page.QuerySelector("#q-a_beschaeftigte")!.GetAttribute("value").ShouldBe("viele");
        valid.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        valid.Headers.Location!.OriginalString.ShouldBe($"/interviews/{id}/b_weiterbildung");
        await using var db = CreateDb();
        (await db.Answers.SingleAsync(a => a.Question == "a_beschaeftigte")).Number.ShouldBe(42);
    }

    [Fact]
    public async Task The_relevance_endpoint_shows_a_question_once_the_answer_that_opens_it_is_given()
    {
        var (session, id) = await StartEmployerInterviewAsync();
        var url = $"/interviews/{id}/b_weiterbildung";
        var (_, before) = await session.GetPageAsync(url);
        before.QuerySelector("[data-element='b_details']")!.HasAttribute("hidden").ShouldBeTrue();

        var response = await session.SubmitAsync(url, [new("q.b_gefoerdert", "ja")], formAction: null);
        var relevance = await session.PostAsync(url + "?handler=Relevance", new FormUrlEncodedContent([
            new("q.b_gefoerdert", "ja"), new("__RequestVerificationToken", before.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!)]));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var json = await relevance.Content.ReadAsStringAsync();
        relevance.StatusCode.ShouldBe(HttpStatusCode.OK, json);
        json.ShouldContain("\"b_art\"");
        var (_, after) = await session.GetPageAsync(url);
        after.QuerySelector("[data-element='b_details']")!.HasAttribute("hidden").ShouldBeFalse();
    }

    [Fact]
    public async Task The_summary_refuses_to_complete_without_consent_and_completes_with_it()
    {
        var (session, id) = await StartEmployerInterviewAsync();
        await using (var db = CreateDb())
        {
            var version = (await db.Interviews.SingleAsync()).Version;
            var answers = CompleteEmployerAnswers();
            var saved = await Api.PutAsync($"/api/v1/interviews/{id}/answers", System.Net.Http.Json.JsonContent.Create(new { version, answers }));
            saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        }

        var (_, summary) = await session.GetPageAsync($"/interviews/{id}/zusammenfassung");
        var refused = await session.SubmitAsync($"/interviews/{id}/zusammenfassung", []);
        var completed = await session.SubmitAsync($"/interviews/{id}/zusammenfassung", [new("einwilligung", "true")]);

        summary.QuerySelector("main")!.TextContent.ShouldContain("Inhaber");
        (await WebSession.ParseAsync(refused)).QuerySelector("#fehler-consent")!.TextContent.ShouldContain("Einwilligung");
        completed.Headers.Location!.OriginalString.ShouldBe("/interviews?abgeschlossen=true");
        var (_, list) = await session.GetPageAsync("/interviews");
        list.QuerySelector("main")!.TextContent.ShouldContain("abgeschlossen");
        await using var check = CreateDb();
        (await check.Interviews.SingleAsync()).Status.ShouldBe(Interview.Completed);
    }

    [Fact]
    public async Task Another_interviewers_interview_page_does_not_exist()
    {
        var (_, id) = await StartEmployerInterviewAsync();
        await App.CreateUserAsync("kollege@example.org", [Data.Accounts.Roles.Interviewer], Network, Holzminden);
        using var other = await App.SignInAsync("kollege@example.org");

        var response = await other.GetAsync($"/interviews/{id}");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_employee_interview_starts_without_an_establishment_with_the_group_prefilled()
    {
        using var session = await App.SignInAsync("interviewer@example.org");

        var response = await session.SubmitAsync("/interviews/neu", [
            new("Form.Start", "beschaeftigte|employees_55plus"), new("Form.District", Holzminden)], formAction: null);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var (_, page) = await session.GetPageAsync(response.Headers.Location!.OriginalString);
        page.QuerySelector("input[name='q.p_gruppe'][value='employees_55plus']")!.HasAttribute("checked").ShouldBeTrue();
        page.QuerySelector($"input[name='q.p_kreis'][value='{Holzminden}']")!.HasAttribute("checked").ShouldBeTrue();
        await using var db = CreateDb();
        var interview = await db.Interviews.SingleAsync();
        interview.EstablishmentId.ShouldBeNull();
        interview.RespondentGroupCode.ShouldBe("employees_55plus");
    }

    [Fact]
    public async Task Withdrawing_on_the_summary_page_needs_a_reason()
    {
        var (session, id) = await StartEmployerInterviewAsync();
        var url = $"/interviews/{id}/zusammenfassung";

        var noReason = await session.SubmitAsync(url, [new("grund", "")], formAction: "handler=Withdraw");
        var withdrawn = await session.SubmitAsync(url, [new("grund", "Einwilligung widerrufen")], formAction: "handler=Withdraw");

        (await WebSession.ParseAsync(noReason)).QuerySelector("#fehler-reason")!.TextContent.ShouldContain("Grund");
        withdrawn.Headers.Location!.OriginalString.ShouldBe("/interviews");
        await using var db = CreateDb();
        (await db.Interviews.SingleAsync()).Status.ShouldBe(Interview.Withdrawn);
    }

    [Fact]
    public async Task Submitting_the_new_interview_form_twice_creates_one_interview_and_one_establishment()
    {
        using var session = await App.SignInAsync("interviewer@example.org");
        var (_, form) = await session.GetPageAsync("/interviews/neu");
        var fields = form.QuerySelectorAll("main form[method=post] input[type=hidden]").OfType<AngleSharp.Html.Dom.IHtmlInputElement>()
            .Select(i => new KeyValuePair<string, string>(i.Name!, i.Value))
            .Concat([new("Form.Start", "arbeitgeber|establishment"), new("Form.District", Holzminden), new("Form.Name", "Tischlerei Holz"),
                new("Form.Sector", "C"), new("Form.Headcount", "7")]).ToList();

        var first = await session.PostAsync("/interviews/neu", new FormUrlEncodedContent(fields));
        var second = await session.PostAsync("/interviews/neu", new FormUrlEncodedContent(fields));

        first.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        second.Headers.Location.ShouldBe(first.Headers.Location);
        await using var db = CreateDb();
        (await db.Interviews.CountAsync()).ShouldBe(1);
        (await db.Establishments.CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task A_page_saved_meanwhile_elsewhere_shows_both_values_and_a_second_click_does_not_overwrite()
    {
        var (session, id) = await StartEmployerInterviewAsync();
        var page = $"/interviews/{id}/a_betrieb";
        var (_, opened) = await session.GetPageAsync(page);
        var fields = opened.QuerySelectorAll("main form input[type=hidden]").OfType<AngleSharp.Html.Dom.IHtmlInputElement>()
            .Select(i => new KeyValuePair<string, string>(i.Name!, i.Value)).ToList();
        await using (var db = CreateDb())
        {
            var version = (await db.Interviews.SingleAsync()).Version;
            (await Api.PutAsJsonAsync($"/api/v1/interviews/{id}/answers", new { version, answers = new { a_wz = "F" } })).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        List<KeyValuePair<string, string>> Typed(params KeyValuePair<string, string>[] more) =>
            [.. fields, new("q.a_kreis", Holzminden), new("q.a_wz", "C"), new("gehe", "weiter"), .. more];
        var refused = await session.PostAsync(page, new FormUrlEncodedContent(Typed()));
        var again = await session.PostAsync(page, new FormUrlEncodedContent(Typed()));

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var shown = await WebSession.ParseAsync(refused);
        shown.QuerySelector("[role=alert]")!.TextContent.ShouldContain("inzwischen an anderer Stelle geändert");
        var row = shown.QuerySelectorAll(".conflict tbody tr").Single().TextContent;
        row.ShouldContain("Baugewerbe");
        row.ShouldContain("Verarbeitendes Gewerbe");
        shown.QuerySelector("input[name=version]")!.GetAttribute("value").ShouldBe(fields.Single(f => f.Key == "version").Value);
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        await using (var db = CreateDb())
        {
            (await db.Answers.SingleAsync(a => a.Question == "a_wz")).Code.ShouldBe("F");
        }

        var chosen = shown.QuerySelector("button[name=uebernehmen]")!.GetAttribute("value")!;
        var overwritten = await session.PostAsync(page, new FormUrlEncodedContent(Typed(new KeyValuePair<string, string>("uebernehmen", chosen))));
        overwritten.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await using var check = CreateDb();
        (await check.Answers.SingleAsync(a => a.Question == "a_wz")).Code.ShouldBe("C");
    }

    [Fact]
    public async Task The_valid_values_of_a_draft_page_are_saved_while_the_invalid_one_is_shown_at_its_question()
    {
        var (session, id) = await StartEmployerInterviewAsync();

        var response = await session.SubmitAsync($"/interviews/{id}/a_betrieb", [
            new("q.a_kreis", Holzminden), new("q.a_wz", "C"), new("q.a_beschaeftigte", "viele"), new("gehe", "weiter")]);

        var page = await WebSession.ParseAsync(response);
        page.QuerySelector("#frage-a_beschaeftigte .field-error")!.TextContent.ShouldContain("ganze Zahl");
        page.QuerySelector("#frage-a_beschaeftigte input[name='q.a_beschaeftigte']")!.GetAttribute("value").ShouldBe("viele");
        page.QuerySelector("[role=alert]")!.TextContent.ShouldContain("gültigen Angaben dieser Seite sind als Entwurf gespeichert");
        await using var db = CreateDb();
        (await db.Answers.SingleAsync(a => a.Question == "a_wz")).Code.ShouldBe("C");
        (await db.Answers.AnyAsync(a => a.Question == "a_beschaeftigte")).ShouldBeFalse();
        page.QuerySelector("input[name=version]")!.GetAttribute("value").ShouldBe((await db.Interviews.SingleAsync()).Version.ToString());
    }

    [Fact]
    public async Task A_withdrawn_interview_reads_Zurueckgezogen_and_offers_no_completion()
    {
        var (session, id) = await StartEmployerInterviewAsync();
        (await session.SubmitAsync($"/interviews/{id}/zusammenfassung", [new("grund", "Einwilligung widerrufen")], formAction: "handler=Withdraw"))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var (_, summary) = await session.GetPageAsync($"/interviews/{id}/zusammenfassung");
        var (_, answers) = await session.GetPageAsync($"/interviews/{id}/a_betrieb");

        summary.QuerySelector("main")!.TextContent.ShouldContain("Zurückgezogen am");
        summary.QuerySelectorAll("button").Select(b => b.TextContent).ShouldNotContain("Interview abschließen");
        answers.QuerySelector("#status")!.TextContent.ShouldContain("zurückgezogen");
        answers.QuerySelector("#status")!.TextContent.ShouldNotContain("Entwurf");
    }
}
