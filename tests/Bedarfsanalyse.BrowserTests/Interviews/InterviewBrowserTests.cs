using Bedarfsanalyse.Testing;
using Bedarfsanalyse.Web.Features.Questionnaires;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Bedarfsanalyse.BrowserTests.Interviews;

public sealed class InterviewBrowserTests(TestDatabase database, ChromiumBrowser chromium) : BrowserTest(database, chromium)
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<NetworkQuestionnaireSetup>().EnsurePublishedAsync(CancellationToken.None);
    }

    [Fact]
    public async Task An_interviewer_on_a_tablet_answers_sees_a_question_appear_saves_a_draft_resumes_and_completes()
    {
        await using (var context = await Chromium.NewContextAsync(App.Address!, width: 768, height: 1024))
        {
            var page = await SignInAsync(context, "interviewer@example.org");
            await page.GotoAsync("/interviews/neu");
            await page.Locator("#Form_Start").SelectOptionAsync("arbeitgeber|establishment");
            await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Tischlerei Holzwurm");
            await page.Locator("#Form_Sector").SelectOptionAsync("C");
            await page.GetByLabel("Beschäftigte").FillAsync("42");
            await page.GetByRole(AriaRole.Button, new() { Name = "Interview beginnen" }).ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/interviews/[0-9a-f-]{36}$"));

            // Page 1: the district is already chosen; a wrong number is shown at its question.
            (await page.Locator("input[name='q.a_kreis'][value='03255']").IsCheckedAsync()).ShouldBeTrue();
            await page.Locator("input[name='q.a_wz'][value='C']").CheckAsync();
            await page.Locator("input[name='q.a_kammer'][value='hwk']").CheckAsync();
            await page.Locator("input[name='q.a_rolle'][value='inhaber']").CheckAsync();
            await page.Locator("#q-a_beschaeftigte").FillAsync("42");
            await page.Locator("#q-a_azubis").FillAsync("50");
            await page.Locator("#q-a_unter25").FillAsync("5");
            await page.Locator("#q-a_ab55").FillAsync("10");
            await page.GetByRole(AriaRole.Button, new() { Name = "Weiter" }).ClickAsync();
            await Assertions.Expect(page.Locator("#fehler-a_azubis")).ToBeVisibleAsync();
            await page.Locator("#q-a_azubis").FillAsync("3");
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/b_weiterbildung$"));

            // Page 2: "ja" opens the details, decided by the engine on the server.
            await Assertions.Expect(page.Locator("[data-element='b_art']")).ToBeHiddenAsync();
            await page.Locator("input[name='q.b_gefoerdert'][value='ja']").CheckAsync();
            await Assertions.Expect(page.Locator("[data-element='b_art']")).ToBeVisibleAsync();
            await page.Locator("input[name='q.b_art'][value='kosten']").CheckAsync();
            await page.Locator("#q-b_teilnehmende").FillAsync("4");
            await page.Locator("input[name='q.b_formate'][value='extern']").CheckAsync();
            await page.Locator("input[name='q.b_bildet_aus'][value='nein']").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Entwurf speichern" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Entwurf gespeichert");
            var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > document.documentElement.clientWidth");
            overflow.ShouldBeFalse("Die Seite ist auf 768 px breiter als der Bildschirm.");
            await ScreenshotAsync(page, "interview-seite-tablet");
        }

        // The browser is gone; the draft is not.
        await using (var context = await Chromium.NewContextAsync(App.Address!, width: 768, height: 1024))
        {
            var page = await SignInAsync(context, "interviewer@example.org");
            await page.GotoAsync("/interviews");
            await page.GetByRole(AriaRole.Link, new() { Name = "Fortsetzen" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Weiter" }).ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/b_weiterbildung$"));
            (await page.Locator("input[name='q.b_art'][value='kosten']").IsCheckedAsync()).ShouldBeTrue();
            await page.GetByRole(AriaRole.Button, new() { Name = "Weiter" }).ClickAsync();

            await page.Locator("input[name='q.c_bedarf'][value='nein']").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Weiter" }).ClickAsync();
            await page.Locator("input[name='q.d_hemmnisse'][value='zeit']").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Weiter" }).ClickAsync();
            await page.Locator("input[name='q.e_formate'][value='inhouse']").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Weiter" }).ClickAsync();
            await page.Locator("input[name='q.f_offene_stellen'][value='nein']").CheckAsync();
            await page.Locator("input[name='q.f_interesse'][value='wn']").CheckAsync();
            await page.Locator("input[name='q.f_kontakt'][value='nein']").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Weiter" }).ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/zusammenfassung$"));

            await page.GetByLabel("Die befragte Person hat der Einwilligungserklärung").CheckAsync();
            await ScreenshotAsync(page, "interview-zusammenfassung");
            await page.GetByRole(AriaRole.Button, new() { Name = "Interview abschließen" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("abgeschlossen");
        }

        await using var db = CreateDb();
        var interview = await db.Interviews.SingleAsync();
        interview.Status.ShouldBe("completed");
        interview.NonSubstantiveAnswers.ShouldBe(1);
        (await db.Answers.AnyAsync(a => a.Question == "b_art" && a.Code == "kosten")).ShouldBeTrue();
    }

    [Fact]
    public async Task An_interviewer_walks_an_older_employees_interview_with_a_constraint_error_the_topic_branch_and_the_group_page()
    {
        await using var context = await Chromium.NewContextAsync(App.Address!, width: 1280, height: 900);
        var page = await SignInAsync(context, "interviewer@example.org");
        await page.GotoAsync("/interviews/neu");
        await page.Locator("#Form_Start").SelectOptionAsync("beschaeftigte|employees_55plus");
        await page.GetByRole(AriaRole.Button, new() { Name = "Interview beginnen" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/interviews/[0-9a-f-]{36}$"));

        // Page 1: an age that does not fit the group is refused at the question, in German.
        await CheckAsync(page, "p_gruppe", "employees_55plus");
        await CheckAsync(page, "p_alter", "25_54");
        await CheckAsync(page, "p_qualifikation", "ausbildung");
        await CheckAsync(page, "p_stellung", "fachkraft");
        await CheckAsync(page, "p_arbeitszeit", "vollzeit");
        await CheckAsync(page, "p_kreis", AppTest.Holzminden);
        await CheckAsync(page, "p_einwanderung", "nein");
        await page.GetByRole(AriaRole.Button, new() { Name = "Weiter" }).ClickAsync();
        await Assertions.Expect(page.Locator("#fehler-p_alter")).ToContainTextAsync("Die Altersgruppe passt nicht zur Befragtengruppe.");
        await CheckAsync(page, "p_alter", "ab55");
        await NextAsync(page, "w_weiterbildung");

        await CheckAsync(page, "w_teilgenommen", "nein");
        await NextAsync(page, "b_weiterbildungsbedarf");

        // "ja" opens the topics; the urgency table offers exactly the topics chosen.
        await Assertions.Expect(page.Locator("[data-element='b_themen']")).ToBeHiddenAsync();
        await CheckAsync(page, "b_bedarf", "ja");
        await Assertions.Expect(page.Locator("[data-element='b_themen']")).ToBeVisibleAsync();
        await page.Locator("input[name='q.b_themen'][value='ki']").CheckAsync();
        await Assertions.Expect(page.Locator("input[name='q.b_dringlichkeit.ki'][value='jetzt']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-element='b_dringlichkeit'] tr[data-choice='fachlich']")).ToBeHiddenAsync();
        await page.Locator("input[name='q.b_dringlichkeit.ki'][value='jetzt']").CheckAsync();
        await NextAsync(page, "d_digital");

        foreach (var area in new[] { "geraete", "fachprogramme", "online_lernen", "ki" })
        {
            await page.Locator($"input[name='q.d_kenntnisse.{area}'][value='3']").CheckAsync();
        }

        await NextAsync(page, "h_hindernisse");
        await NextAsync(page, "v_vorlieben");
        await page.Locator("input[name='q.v_formate'][value='live_online']").CheckAsync();

        // The page for older employees follows, because of the group.
        await NextAsync(page, "m_aeltere");
        await CheckAsync(page, "m_a_wissen", "ja");
        await NextAsync(page, "s_schluss");
        await page.GetByRole(AriaRole.Button, new() { Name = "Weiter" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/zusammenfassung$"));
        await page.GetByLabel("Die befragte Person hat der Einwilligungserklärung").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Interview abschließen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("abgeschlossen");
        await ScreenshotAsync(page, "interview-beschaeftigte-abgeschlossen");

        await using var db = CreateDb();
        var interview = await db.Interviews.Include(i => i.Answers).SingleAsync();
        interview.Status.ShouldBe("completed");
        interview.RespondentGroupCode.ShouldBe("employees_55plus");
        interview.Answers.ShouldContain(a => a.Question == "p_alter" && a.Code == "ab55");
        interview.Answers.ShouldContain(a => a.Question == "b_dringlichkeit" && a.Item == "ki" && a.Code == "jetzt");
        interview.Answers.ShouldContain(a => a.Question == "m_a_wissen" && a.Code == "ja");
        interview.Answers.ShouldNotContain(a => a.Question.StartsWith("m_az_", StringComparison.Ordinal));
    }

    private static async Task CheckAsync(IPage page, string question, string value)
    {
        var choice = page.Locator($"input[name='q.{question}'][value='{value}']");
        if (!await choice.IsCheckedAsync())
        {
            await choice.CheckAsync();
        }
    }

    private static async Task NextAsync(IPage page, string nextPage)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Weiter" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/" + nextPage + "$"));
    }
}
