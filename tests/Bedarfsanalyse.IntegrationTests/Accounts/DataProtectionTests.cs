using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Bedarfsanalyse.Data.Accounts;
using Bedarfsanalyse.Data.Interviews;
using Bedarfsanalyse.Data.Questionnaires;
using Bedarfsanalyse.Data.ReferenceData;
using Bedarfsanalyse.Data.Consent;
using Bedarfsanalyse.Testing;
using Bedarfsanalyse.Web.Features.Audit;
using Bedarfsanalyse.Web.Features.Establishments;
using Bedarfsanalyse.Web.Features.Questionnaires;
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
    public async Task An_interview_records_the_version_of_the_consent_text_in_force_and_an_unknown_version_is_refused_at_its_field()
    {
        await using (var scope = App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<NetworkQuestionnaireSetup>().EnsurePublishedAsync(CancellationToken.None);
        }

        var establishment = await CreateEstablishmentAsync();
        using var api = await App.ApiClientAsync(InterviewerId);

        var given = await api.PostAsJsonAsync("/api/v1/interviews", InterviewRequest(establishment, new { given = true }));
        var unknown = await api.PostAsJsonAsync("/api/v1/interviews", InterviewRequest(establishment, new { given = true, textVersion = "1999-9" }));

        given.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await given.Content.ReadAsStringAsync()).ShouldContain("\"consentTextVersion\":\"2026-1\"");
        unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await unknown.Content.ReadAsStringAsync();
        problem.ShouldContain("consent.textVersion");
        problem.ShouldContain("Einen Einwilligungstext der Fassung „1999-9“ gibt es nicht");
        await using var db = CreateDb();
        var stored = await db.Interviews.SingleAsync();
        stored.ConsentGiven.ShouldBeTrue();
        stored.ConsentTextVersion.ShouldBe("2026-1");
        (await db.ConsentTexts.SingleAsync(c => c.Version == stored.ConsentTextVersion)).Text.ShouldContain("Art. 6 Abs. 1 lit. a DSGVO");
    }

    [Fact]
    public async Task The_consent_text_in_force_is_the_newest_whose_start_date_has_arrived()
    {
        await using (var db = CreateDb())
        {
            db.ConsentTexts.Add(new ConsentText { Version = "2099-1", ValidFrom = new DateOnly(2099, 1, 1), Text = "Künftige Fassung" });
            db.ConsentTexts.Add(new ConsentText { Version = "2026-2", ValidFrom = new DateOnly(2026, 7, 1), Text = "Zweite Fassung 2026" });
            await db.SaveChangesAsync();
        }

        await using var check = CreateDb();

        (await check.ConsentTexts.InForceOnAsync(new DateOnly(2026, 6, 30)))!.Version.ShouldBe("2026-1");
        (await check.ConsentTexts.InForceOnAsync(new DateOnly(2026, 7, 1)))!.Version.ShouldBe("2026-2");
        (await check.ConsentTexts.InForceOnAsync(new DateOnly(2098, 12, 31)))!.Version.ShouldBe("2026-2");
        (await check.ConsentTexts.InForceOnAsync(new DateOnly(2025, 12, 31))).ShouldBeNull();
        (await check.ConsentTexts.IsInForceOnAsync("2099-1", new DateOnly(2026, 7, 1))).ShouldBeFalse();
        (await check.ConsentTexts.IsInForceOnAsync("2026-1", new DateOnly(2026, 7, 1))).ShouldBeTrue();
    }

    [Fact]
    public async Task The_admin_erases_an_establishments_contact_data_on_a_confirmation_page_and_the_answers_stay()
    {
        var id = await CreateEstablishmentAsync();
        await InterviewWithAnswersAsync(id);
        using var admin = await App.SignInAsync("admin@example.org");

        var (_, found) = await admin.GetPageAsync("/admin/betriebe?verbund=mehrwert&suche=tischlerei");
        var link = found.QuerySelector("main tbody a.danger")!.GetAttribute("href")!;
        var (_, confirm) = await admin.GetPageAsync(link);
        var erased = await admin.SubmitAsync(link, [new("Anlass", "Antrag per E-Mail vom 02.12.2026")]);

        found.QuerySelector("main tbody")!.TextContent.ShouldContain("Tischlerei Beispiel GmbH");
        confirm.QuerySelector("main")!.TextContent.ShouldContain("1 Interview(s) mit 2 Antworten");
        confirm.QuerySelector("main")!.TextContent.ShouldContain("lässt sich nicht rückgängig machen");
        erased.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var (_, after) = await admin.GetPageAsync(erased.Headers.Location!.ToString());
        after.QuerySelector("[role=status]")!.TextContent.ShouldContain("sind gelöscht");
        await using var db = CreateDb();
        (await db.EstablishmentContacts.AnyAsync(c => c.EstablishmentId == id)).ShouldBeFalse();
        (await db.Answers.CountAsync(a => db.Interviews.Any(i => i.Id == a.InterviewId && i.EstablishmentId == id))).ShouldBe(2);
        var record = await db.AuditEvents.SingleAsync(e => e.Action == "contact-erased");
        record.ActorName.ShouldBe("admin@example.org");
        record.Details!.ShouldContain("Antrag per E-Mail vom 02.12.2026");
    }

    [Fact]
    public async Task Erasing_from_the_admin_page_needs_the_confirmation_form_and_is_for_admins_only()
    {
        var id = await CreateEstablishmentAsync();
        using var admin = await App.SignInAsync("admin@example.org");
        using var interviewer = await App.SignInAsync("interviewer@example.org");

        var forged = await admin.PostWithoutTokenAsync($"/admin/betriebe/{id}/kontaktdaten-loeschen", [new("Anlass", "gefälscht")]);
        var notAdmin = await interviewer.GetAsync($"/admin/betriebe/{id}/kontaktdaten-loeschen");

        forged.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        notAdmin.Headers.Location!.AbsolutePath.ShouldBe("/zugriff-verweigert");
        await using var db = CreateDb();
        (await db.EstablishmentContacts.AnyAsync(c => c.EstablishmentId == id)).ShouldBeTrue();
    }

    [Fact]
    public async Task Retention_removes_typed_names_and_addresses_of_old_refused_attempts_and_keeps_everything_else()
    {
        const string typo = """{"email": "vertippt@example.org", "reason": "unbekannt"}""";
        const string recent = """{"email": "neulich@example.org"}""";
        await using (var db = CreateDb())
        {
            await db.Database.ExecuteSqlAsync($"""
                insert into audit_events (occurred_at, actor_id, actor_name, action, subject_type, details, remote_address) values
                    (now() - interval '40 days', null, 'vertippt@example.org', 'sign-in-failed', 'user', {typo}::jsonb, '192.0.2.1'),
                    (now() - interval '40 days', {AnalystId}, 'analyst@example.org', 'locked-out', 'user', null, '192.0.2.2'),
                    (now() - interval '2 days', null, 'neulich@example.org', 'sign-in-failed', 'user', {recent}::jsonb, '192.0.2.3'),
                    (now() - interval '40 days', {AnalystId}, 'analyst@example.org', 'sign-in', 'user', null, '192.0.2.4')
                """);
        }

        await using var scope = App.Services.CreateAsyncScope();
        var redacted = await scope.ServiceProvider.GetRequiredService<AuditRetention>().ApplyAsync(CancellationToken.None);

        redacted.ShouldBe(2);
        await using var check = CreateDb();
        var events = await check.AuditEvents.OrderBy(e => e.Id).ToListAsync();
        events[0].ActorName.ShouldBeNull();
        events[0].RemoteAddress.ShouldBeNull();
        events[0].Details.ShouldBe("""{"reason": "unbekannt"}""");
        events[1].ActorId.ShouldBe(AnalystId);
        events[1].ActorName.ShouldBeNull();
        events[2].ActorName.ShouldBe("neulich@example.org");
        events[3].RemoteAddress.ShouldBe("192.0.2.4");
        events[4].Action.ShouldBe("audit-redacted");
        events[4].ActorName.ShouldBe("Aufbewahrungsfrist");
    }

    [Fact]
    public async Task The_apply_retention_command_deletes_expired_contacts_and_redacts_old_refused_attempts_with_German_output()
    {
        var old = await CreateEstablishmentAsync();
        await using (var db = CreateDb())
        {
            await db.Establishments.ExecuteUpdateAsync(s => s.SetProperty(e => e.CreatedAt, DateTimeOffset.UtcNow.AddMonths(-13)));
            await db.Database.ExecuteSqlAsync($"""
                insert into audit_events (occurred_at, actor_name, action, remote_address)
                values (now() - interval '31 days', 'vertippt@example.org', 'sign-in-failed', '192.0.2.1')
                """);
        }

        var environment = new Dictionary<string, string?> { ["ConnectionStrings__Bedarfsanalyse"] = Database.ConnectionString };
        await using var command = AppProcess.Start(environment, "apply-retention");
        (await command.WaitForExitAsync(TimeSpan.FromSeconds(60))).ShouldBeTrue();

        command.ExitCode.ShouldBe(0, command.Errors);
        command.Output.ShouldContain("Kontaktdaten von 1 Betrieb(en) gelöscht; die Antworten bleiben pseudonymisiert erhalten.");
        command.Output.ShouldContain("Protokoll: Namen und Adressen aus 1 Einträgen abgewiesener Versuche entfernt (älter als 30 Tage).");
        await using var check = CreateDb();
        (await check.EstablishmentContacts.AnyAsync(c => c.EstablishmentId == old)).ShouldBeFalse();
        (await check.AuditEvents.SingleAsync(e => e.Action == "sign-in-failed")).ActorName.ShouldBeNull();
    }

    [Fact]
    public async Task A_job_server_puts_both_retention_jobs_on_the_daily_schedule_in_German_time()
    {
        await using var app = await TestApp.StartAsync(Database.ConnectionString, new Dictionary<string, string?>
        {
            ["Jobs:RunServer"] = "true", ["Jobs:WorkerCount"] = "1",
        });

        var storage = app.Services.GetRequiredService<Hangfire.JobStorage>();
        using var connection = storage.GetConnection();
        var jobs = Hangfire.Storage.StorageConnectionExtensions.GetRecurringJobs(connection).ToDictionary(j => j.Id);

        jobs["kontaktdaten-aufbewahrungsfrist"].Cron.ShouldBe("0 3 * * *");
        jobs["kontaktdaten-aufbewahrungsfrist"].TimeZoneId.ShouldBe("Europe/Berlin");
        jobs["kontaktdaten-aufbewahrungsfrist"].Job.Type.ShouldBe(typeof(ContactRetentionJob));
        jobs["protokoll-aufbewahrungsfrist"].Cron.ShouldBe("10 3 * * *");
        jobs["protokoll-aufbewahrungsfrist"].TimeZoneId.ShouldBe("Europe/Berlin");
        jobs["protokoll-aufbewahrungsfrist"].Job.Type.ShouldBe(typeof(AuditRetentionJob));
    }

    private static object InterviewRequest(Guid establishment, object consent) => new
    {
        id = Guid.NewGuid(), questionnaire = "arbeitgeber", respondentGroup = "establishment", establishmentId = establishment,
        consent, answers = new Dictionary<string, object>(),
    };

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
