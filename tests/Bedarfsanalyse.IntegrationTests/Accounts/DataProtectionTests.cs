using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Bedarfsanalyse.Data.Accounts;
using Bedarfsanalyse.Data.Interviews;
using Bedarfsanalyse.Data.Questionnaires;
using Bedarfsanalyse.Data.ReferenceData;
using Bedarfsanalyse.Testing;
using Bedarfsanalyse.Web.Features.Establishments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bedarfsanalyse.IntegrationTests.Accounts;

public sealed class DataProtectionTests(TestDatabase database) : AppTest(database)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task Contact_data_is_shown_to_the_interviewer_of_the_district_and_to_admins_only_and_every_read_is_logged()
    {
        var id = await CreateEstablishmentAsync();
        var otherInterviewer = await App.CreateUserAsync("hameln@example.org", [Roles.Interviewer], Network, HamelnPyrmont);

        var asOwnInterviewer = await ReadAsync(InterviewerId, id);
        var asOtherInterviewer = await ReadAsync(otherInterviewer, id);
        var asAnalyst = await ReadAsync(AnalystId, id);
        var asAdmin = await ReadAsync(AdminId, id);

        asOwnInterviewer.Contact!.Name.ShouldBe("Tischlerei Beispiel GmbH");
        asAdmin.Contact!.ContactPerson.ShouldBe("Frau Muster");
        asOtherInterviewer.Contact.ShouldBeNull();
        asAnalyst.Contact.ShouldBeNull();
        asAnalyst.Pseudonym.ShouldBe(asOwnInterviewer.Pseudonym);
        await using var db = CreateDb();
        (await db.AuditEvents.CountAsync(e => e.Action == "contact-viewed" && e.SubjectId == id.ToString())).ShouldBe(2);
    }

    [Fact]
    public async Task The_pseudonym_is_random_not_derived_from_the_name_and_stays_the_same()
    {
        var first = await CreateEstablishmentAsync();
        var second = await CreateEstablishmentAsync();

        var a = await ReadAsync(AnalystId, first);
        var b = await ReadAsync(AnalystId, second);

        a.Pseudonym.ShouldNotBe(b.Pseudonym);
        a.Pseudonym.ShouldMatch("^B-[A-Z2-9]{6}$");
        a.Pseudonym.ShouldNotContain("Tischlerei", Case.Insensitive);
        (await ReadAsync(AnalystId, first)).Pseudonym.ShouldBe(a.Pseudonym);
    }

    [Fact]
    public async Task Erasing_an_establishment_on_request_removes_its_identifying_data_and_leaves_its_answers_countable()
    {
        var id = await CreateEstablishmentAsync();
        await InterviewWithAnswersAsync(id);
        using var api = await App.ApiClientAsync(InterviewerId);

        var response = await api.PostAsync($"/api/v1/establishments/{id}/erase", null);

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await using var db = CreateDb();
        (await db.EstablishmentContacts.AnyAsync(c => c.EstablishmentId == id)).ShouldBeFalse();
        var establishment = await db.Establishments.SingleAsync(e => e.Id == id);
        establishment.ContactErasedAt.ShouldNotBeNull();
        (await db.Answers.CountAsync(a => db.Interviews.Any(i => i.Id == a.InterviewId && i.EstablishmentId == id))).ShouldBe(2);
        (await db.Interviews.CountAsync(i => i.EstablishmentId == id && i.Status == Interview.Completed)).ShouldBe(1);
        (await db.AuditEvents.CountAsync(e => e.Action == "contact-erased" && e.SubjectId == id.ToString())).ShouldBe(1);
        (await ReadAsync(AdminId, id)).Contact.ShouldBeNull();
    }

    [Fact]
    public async Task An_interviewer_of_another_district_may_not_erase_and_nothing_changes()
    {
        var id = await CreateEstablishmentAsync();
        var otherInterviewer = await App.CreateUserAsync("hameln@example.org", [Roles.Interviewer], Network, HamelnPyrmont);
        using var api = await App.ApiClientAsync(otherInterviewer);

        var response = await api.PostAsync($"/api/v1/establishments/{id}/erase", null);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await using var db = CreateDb();
        (await db.EstablishmentContacts.AnyAsync(c => c.EstablishmentId == id)).ShouldBeTrue();
        (await db.AuditEvents.AnyAsync(e => e.Action == "access-denied" && e.ActorName == "hameln@example.org")).ShouldBeTrue();
    }

    [Fact]
    public async Task An_establishment_of_another_network_does_not_exist_for_a_user_and_the_attempt_is_logged()
    {
        var id = await CreateEstablishmentAsync();
        var foreign = await App.CreateUserAsync("hannover@example.org", [Roles.Interviewer, Roles.Analyst], OtherNetwork, RegionHannover);
        using var api = await App.ApiClientAsync(foreign);

        var read = await api.GetAsync($"/api/v1/establishments/{id}");
        var erase = await api.PostAsync($"/api/v1/establishments/{id}/erase", null);

        read.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        erase.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await using var db = CreateDb();
        (await db.AuditEvents.CountAsync(e => e.Action == "access-denied" && e.ActorName == "hannover@example.org")).ShouldBe(2);
        (await db.EstablishmentContacts.AnyAsync(c => c.EstablishmentId == id)).ShouldBeTrue();
    }

    [Fact]
    public async Task Retention_deletes_contact_data_after_the_networks_period_without_interviews_and_keeps_recent_ones()
    {
        var old = await CreateEstablishmentAsync();
        var recent = await CreateEstablishmentAsync();
        await InterviewWithAnswersAsync(recent);
        await using (var db = CreateDb())
        {
            await db.Establishments.ExecuteUpdateAsync(s => s.SetProperty(e => e.CreatedAt, DateTimeOffset.UtcNow.AddMonths(-13)));
        }

        await using var scope = App.Services.CreateAsyncScope();
        var erased = await scope.ServiceProvider.GetRequiredService<ContactRetention>().ApplyAsync(CancellationToken.None);

        erased.ShouldBe(1);
        await using var check = CreateDb();
        (await check.EstablishmentContacts.Select(c => c.EstablishmentId).ToListAsync()).ShouldBe([recent]);
        (await check.AuditEvents.SingleAsync(e => e.Action == "contact-expired")).SubjectId.ShouldBe(old.ToString());
    }

    [Fact]
    public async Task An_interview_records_the_version_of_the_consent_text_and_an_unknown_version_is_refused()
    {
        var id = await CreateEstablishmentAsync();
        await InterviewWithAnswersAsync(id);
        await using var db = CreateDb();

        (await db.Interviews.SingleAsync()).ConsentTextVersion.ShouldBe("2026-1");
        (await db.ConsentTexts.SingleAsync(c => c.Version == "2026-1")).Text.ShouldContain("Art. 6 Abs. 1 lit. a DSGVO");
        var interview = await db.Interviews.SingleAsync();
        interview.ConsentTextVersion = "1999-9";
        await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    private async Task<Guid> CreateEstablishmentAsync()
    {
        using var api = await App.ApiClientAsync(InterviewerId);
        var response = await api.PostAsJsonAsync("/api/v1/establishments", new
        {
            district = Holzminden,
            sector = "F",
            headcount = 8,
            chamber = "hwk",
            contact = new { name = "Tischlerei Beispiel GmbH", street = "Am Markt 1", postalCode = "37603", city = "Holzminden", contactPerson = "Frau Muster" },
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<EstablishmentView>(Json))!.Id;
    }

    private async Task<EstablishmentView> ReadAsync(Guid userId, Guid id)
    {
        using var api = await App.ApiClientAsync(userId);
        return (await api.GetFromJsonAsync<EstablishmentView>($"/api/v1/establishments/{id}", Json))!;
    }

    private async Task InterviewWithAnswersAsync(Guid establishmentId)
    {
        await using var db = CreateDb();
        var questionnaire = await db.Questionnaires.SingleOrDefaultAsync() ?? new Questionnaire { Key = "employer", Title = "Betriebsbefragung" };
        if (questionnaire.Id == 0)
        {
            questionnaire.Versions.Add(new QuestionnaireVersion { Number = 1, Definition = "{}", Status = QuestionnaireVersion.Published, PublishedAt = DateTimeOffset.UtcNow });
            db.Questionnaires.Add(questionnaire);
            await db.SaveChangesAsync();
        }

        var interview = new Interview
        {
            Id = Guid.CreateVersion7(),
            NetworkId = 1,
            QuestionnaireVersionId = await db.QuestionnaireVersions.Select(v => v.Id).FirstAsync(),
            RespondentGroupCode = RespondentGroup.Establishment,
            DistrictKey = Holzminden,
            EstablishmentId = establishmentId,
            InterviewerId = InterviewerId,
            ConductedOn = DateOnly.FromDateTime(DateTime.UtcNow),
            Status = Interview.Completed,
            CompletedAt = DateTimeOffset.UtcNow,
            ConsentGiven = true,
            ConsentGivenAt = DateTimeOffset.UtcNow,
            ConsentTextVersion = "2026-1",
        };
        interview.Answers.Add(new Answer { InterviewId = interview.Id, Question = "sector", Code = "F" });
        interview.Answers.Add(new Answer { InterviewId = interview.Id, Question = "headcount_total", Number = 8 });
        db.Interviews.Add(interview);
        await db.SaveChangesAsync();
    }
}
