using System.Net;
using Bedarfsanalyse.Core.Questionnaires;
using Bedarfsanalyse.Core.Questionnaires.Network;
using Bedarfsanalyse.IntegrationTests.Interviews;
using Bedarfsanalyse.Testing;
using Bedarfsanalyse.XlsForm;

namespace Bedarfsanalyse.IntegrationTests.Questionnaires;

public sealed class VersionPinningTests(TestDatabase database) : InterviewApiTest(database)
{
    [Fact]
    public async Task An_interview_stays_on_its_version_after_a_newer_one_is_published()
    {
        var id = Guid.NewGuid();
        var created = await CreatedAsync(id, new { a_wz = "C" });
        await PublishSecondVersionAsync();

        var read = await JsonAsync(await Api.GetAsync($"/api/v1/interviews/{id}"));
        var saved = await SaveAsync(id, VersionOf(created), new { a_tarif = "ja" });
        var completed = await CompleteAsync(id, VersionOf(await JsonAsync(saved)), Consent, CompleteEmployerAnswers());
        var newInterview = await CreatedAsync(Guid.NewGuid(), new { a_wz = "C" });
        var newInterviewWithOldQuestion = await CreateAsync(Guid.NewGuid(), new { a_tarif = "ja" });

        read["questionnaireVersion"]!.GetValue<int>().ShouldBe(1);
        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        completed.StatusCode.ShouldBe(HttpStatusCode.OK, await completed.Content.ReadAsStringAsync());
        (await JsonAsync(completed))["answers"]!["a_tarif"]!.GetValue<string>().ShouldBe("ja");
        newInterview["questionnaireVersion"]!.GetValue<int>().ShouldBe(2);
        newInterviewWithOldQuestion.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await newInterviewWithOldQuestion.Content.ReadAsStringAsync()).ShouldContain("Eine Frage „a_tarif“ gibt es in diesem Fragebogen nicht.");
    }

    /// <summary>Version 2 drops a_tarif and asks a new required question, so the two versions validate differently.</summary>
    private async Task PublishSecondVersionAsync()
    {
        var employer = NetworkQuestionnaires.Employer;
        var first = employer.Pages[0];
        var second = employer with
        {
            Pages =
            [
                first with
                {
                    Elements = [.. first.Elements.Where(e => e.Name != "a_tarif"), new IntegerQuestion { Name = "a_standorte", Label = "Wie viele Standorte hat der Betrieb?", Required = "true()", Min = 1 }],
                },
                .. employer.Pages.Skip(1),
            ],
        };
        second.Questions().ShouldNotContain(q => q.Name == "a_tarif");
        using var admin = await App.ApiClientAsync(AdminId);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(XlsFormWriter.Write(second)), "file", "arbeitgeber.xlsx" } };
        var published = await admin.PostAsync("/api/v1/questionnaires/import?publish=true", form);
        published.StatusCode.ShouldBe(HttpStatusCode.OK, await published.Content.ReadAsStringAsync());
        (await published.Content.ReadAsStringAsync()).ShouldContain("\"number\":2");
    }
}
