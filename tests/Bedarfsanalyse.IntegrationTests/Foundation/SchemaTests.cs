using Bedarfsanalyse.Data.Audit;
using Bedarfsanalyse.Data.Interviews;
using Bedarfsanalyse.Data.Questionnaires;
using Bedarfsanalyse.Data.ReferenceData;
using Bedarfsanalyse.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Bedarfsanalyse.IntegrationTests.Foundation;

public sealed class SchemaTests(TestDatabase database) : DatabaseTest(database)
{
    [Fact]
    public async Task Completing_an_interview_without_documented_consent_is_rejected_by_the_database()
    {
        var versionId = await PublishedVersionAsync();
        await using var db = CreateDb();
        db.Interviews.Add(new Interview
        {
            Id = Guid.CreateVersion7(),
            NetworkId = 1,
            QuestionnaireVersionId = versionId,
            RespondentGroupCode = RespondentGroup.OlderEmployees,
            DistrictKey = "03255",
            ConductedOn = new DateOnly(2026, 8, 12),
            Status = Interview.Completed,
            CompletedAt = DateTimeOffset.UtcNow,
            ConsentGiven = false,
        });

        var error = await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAsync());

        error.InnerException.ShouldBeOfType<PostgresException>().ConstraintName.ShouldBe("ck_interviews_consent");
        await using var check = CreateDb();
        (await check.Interviews.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task A_district_key_that_is_not_five_digits_is_rejected()
    {
        await using var db = CreateDb();
        db.Districts.Add(new District { Key = "3255", Name = "Falsch", Kind = "Landkreis", StateCode = "03", ValidFrom = new DateOnly(2024, 1, 1), TerritorialStatus = new DateOnly(2024, 1, 1) });

        var error = await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAsync());

        error.InnerException.ShouldBeOfType<PostgresException>().ConstraintName.ShouldBe("ck_districts_key");
    }

    [Fact]
    public async Task A_district_of_another_state_can_be_added_as_data_but_its_key_must_match_its_state()
    {
        await using (var db = CreateDb())
        {
            db.Districts.Add(new District { Key = "15002", Name = "Halle (Saale)", Kind = "Kreisfreie Stadt", StateCode = "15", ValidFrom = new DateOnly(2007, 7, 1), TerritorialStatus = new DateOnly(2024, 1, 1) });
            await db.SaveChangesAsync();
        }

        await using (var db = CreateDb())
        {
            db.Districts.Add(new District { Key = "15003", Name = "Magdeburg", Kind = "Kreisfreie Stadt", StateCode = "14", ValidFrom = new DateOnly(2007, 7, 1), TerritorialStatus = new DateOnly(2024, 1, 1) });
            var error = await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAsync());
            error.InnerException.ShouldBeOfType<PostgresException>().ConstraintName.ShouldBe("ck_districts_key_in_state");
        }
    }

    [Fact]
    public async Task A_district_cannot_end_before_it_begins()
    {
        await using var db = CreateDb();
        db.Districts.Add(new District
        {
            Key = "15090", Name = "Stendal", Kind = "Landkreis", StateCode = "15",
            ValidFrom = new DateOnly(2007, 7, 1), ValidUntil = new DateOnly(2007, 6, 30), TerritorialStatus = new DateOnly(2024, 1, 1),
        });

        var error = await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAsync());

        error.InnerException.ShouldBeOfType<PostgresException>().ConstraintName.ShouldBe("ck_districts_validity");
    }

    [Fact]
    public async Task A_published_questionnaire_version_cannot_be_changed_or_deleted()
    {
        var versionId = await PublishedVersionAsync();
        await using var db = CreateDb();

        var update = await Should.ThrowAsync<PostgresException>(() =>
            db.Database.ExecuteSqlAsync($"update questionnaire_versions set definition = '{{}}' where id = {versionId}"));
        var delete = await Should.ThrowAsync<PostgresException>(() =>
            db.Database.ExecuteSqlAsync($"delete from questionnaire_versions where id = {versionId}"));

        update.MessageText.ShouldContain("veröffentlicht und kann nicht geändert werden");
        delete.MessageText.ShouldContain("nicht gelöscht werden");
    }

    [Fact]
    public async Task An_audit_event_cannot_be_changed()
    {
        await using var db = CreateDb();
        db.AuditEvents.Add(new AuditEvent { Action = "sign-in", ActorName = "a@example.org" });
        await db.SaveChangesAsync();

        var error = await Should.ThrowAsync<PostgresException>(() =>
            db.Database.ExecuteSqlAsync($"update audit_events set actor_name = 'someone else'"));

        error.MessageText.ShouldContain("Prüfprotokolls können nicht geändert werden");
        (await db.AuditEvents.AsNoTracking().SingleAsync()).ActorName.ShouldBe("a@example.org");
    }

    [Fact]
    public async Task An_audit_event_cannot_be_deleted()
    {
        await using var db = CreateDb();
        db.AuditEvents.Add(new AuditEvent { Action = "interview-changed", ActorName = "a@example.org" });
        await db.SaveChangesAsync();

        var error = await Should.ThrowAsync<PostgresException>(() => db.Database.ExecuteSqlAsync($"delete from audit_events"));

        error.MessageText.ShouldContain("Prüfprotokolls können nicht gelöscht werden");
        (await db.AuditEvents.CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task The_audit_trail_cannot_be_truncated()
    {
        await using var db = CreateDb();
        db.AuditEvents.Add(new AuditEvent { Action = "interview-changed", ActorName = "a@example.org" });
        await db.SaveChangesAsync();

        var error = await Should.ThrowAsync<PostgresException>(() => db.Database.ExecuteSqlAsync($"truncate audit_events"));

        error.MessageText.ShouldContain("Prüfprotokolls können nicht gelöscht werden");
        (await db.AuditEvents.CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task Only_the_personal_data_of_a_refused_attempt_may_be_removed_from_the_trail_and_nothing_else_changed()
    {
        await using var db = CreateDb();
        db.AuditEvents.AddRange(
            new AuditEvent { Action = "sign-in-failed", ActorName = "vertippt@example.org", RemoteAddress = "192.0.2.7", Details = """{"email": "vertippt@example.org", "reason": "unbekannt"}""" },
            new AuditEvent { Action = "sign-in", ActorName = "a@example.org", RemoteAddress = "192.0.2.8" });
        await db.SaveChangesAsync();

        await db.Database.ExecuteSqlAsync(
            $"update audit_events set actor_name = null, remote_address = null, details = details - 'email' where action = 'sign-in-failed'");
        var otherColumn = await Should.ThrowAsync<PostgresException>(() => db.Database.ExecuteSqlAsync(
            $"update audit_events set actor_name = null, remote_address = null, details = '{{}}'::jsonb where action = 'sign-in-failed'"));
        var otherAction = await Should.ThrowAsync<PostgresException>(() => db.Database.ExecuteSqlAsync(
            $"update audit_events set actor_name = null, remote_address = null where action = 'sign-in'"));

        otherColumn.MessageText.ShouldContain("nicht geändert werden");
        otherAction.MessageText.ShouldContain("nicht geändert werden");
        var failed = await db.AuditEvents.AsNoTracking().SingleAsync(e => e.Action == "sign-in-failed");
        failed.ActorName.ShouldBeNull();
        failed.RemoteAddress.ShouldBeNull();
        failed.Details.ShouldBe("""{"reason": "unbekannt"}""");
        (await db.AuditEvents.AsNoTracking().SingleAsync(e => e.Action == "sign-in")).RemoteAddress.ShouldBe("192.0.2.8");
    }

    [Fact]
    public async Task A_chamber_outside_the_questionnaires_codes_is_rejected_and_the_old_english_codes_are_stored_as_the_questionnaires()
    {
        await using var db = CreateDb();
        var legacy = await EstablishmentAsync(db, "none");
        var both = await EstablishmentAsync(db, "beide");

        var error = await Should.ThrowAsync<PostgresException>(() => EstablishmentAsync(db, "handwerk"));

        error.ConstraintName.ShouldBe("ck_establishments_chamber");
        (await db.Establishments.AsNoTracking().SingleAsync(e => e.Id == legacy)).Chamber.ShouldBe("keine");
        (await db.Establishments.AsNoTracking().SingleAsync(e => e.Id == both)).Chamber.ShouldBe("beide");
    }

    private static async Task<Guid> EstablishmentAsync(Bedarfsanalyse.Data.BedarfsanalyseDb db, string chamber)
    {
        var id = Guid.CreateVersion7();
        var pseudonym = "T-" + id.ToString("N")[^10..];
        await db.Database.ExecuteSqlAsync($"""
            insert into establishments (id, network_id, district_key, pseudonym, sector_classification, sector_code, chamber, created_at)
            values ({id}, 1, '03255', {pseudonym}, 'WZ2008', 'C', {chamber}, now())
            """);
        return id;
    }

    [Fact]
    public async Task An_answer_row_holds_exactly_one_kind_of_value()
    {
        var interviewId = await DraftInterviewAsync();
        await using var db = CreateDb();
        db.Answers.Add(new Answer { InterviewId = interviewId, Question = "headcount", Code = "x", Number = 12 });

        var error = await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAsync());

        error.InnerException.ShouldBeOfType<PostgresException>().ConstraintName.ShouldBe("ck_answers_one_value");
    }

    [Fact]
    public async Task Typed_answers_of_every_shape_are_stored_and_read_back()
    {
        var interviewId = await DraftInterviewAsync();
        await using (var db = CreateDb())
        {
            db.Answers.AddRange(
                new Answer { InterviewId = interviewId, Question = "sector", Code = "C" },
                new Answer { InterviewId = interviewId, Question = "formats", Position = 0, Code = "external" },
                new Answer { InterviewId = interviewId, Question = "formats", Position = 1, Code = "elearning" },
                new Answer { InterviewId = interviewId, Question = "needs", Item = "ai", Code = "now" },
                new Answer { InterviewId = interviewId, Question = "spend", Number = 1234.56m },
                new Answer { InterviewId = interviewId, Question = "remark", Text = "Schulungen vor Ort, bitte" },
                new Answer { InterviewId = interviewId, Question = "plan_since", Date = new DateOnly(2025, 3, 1) });
            await db.SaveChangesAsync();
        }

        await using var read = CreateDb();
        var answers = await read.Answers.Where(a => a.InterviewId == interviewId).OrderBy(a => a.Question).ThenBy(a => a.Position).ToListAsync();

        answers.Select(a => a.Question).ShouldBe(["formats", "formats", "needs", "plan_since", "remark", "sector", "spend"]);
        answers.Where(a => a.Question == "formats").Select(a => a.Code).ShouldBe(["external", "elearning"]);
        answers.Single(a => a.Question == "needs").Item.ShouldBe("ai");
        answers.Single(a => a.Question == "spend").Number.ShouldBe(1234.56m);
        answers.Single(a => a.Question == "remark").Text.ShouldBe("Schulungen vor Ort, bitte");
    }

    [Fact]
    public async Task Two_concurrent_edits_of_one_interview_do_not_overwrite_each_other()
    {
        var interviewId = await DraftInterviewAsync();
        await using var first = CreateDb();
        await using var second = CreateDb();
        var mine = await first.Interviews.SingleAsync(i => i.Id == interviewId);
        var theirs = await second.Interviews.SingleAsync(i => i.Id == interviewId);

        mine.ConductedOn = new DateOnly(2026, 9, 1);
        await first.SaveChangesAsync();
        theirs.ConductedOn = new DateOnly(2026, 9, 2);

        await Should.ThrowAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        await using var check = CreateDb();
        (await check.Interviews.SingleAsync(i => i.Id == interviewId)).ConductedOn.ShouldBe(new DateOnly(2026, 9, 1));
    }

    [Fact]
    public async Task Deleting_an_interview_deletes_its_answers_with_it()
    {
        var interviewId = await DraftInterviewAsync();
        await using (var db = CreateDb())
        {
            db.Answers.Add(new Answer { InterviewId = interviewId, Question = "sector", Code = "C" });
            await db.SaveChangesAsync();
            await db.Interviews.Where(i => i.Id == interviewId).ExecuteDeleteAsync();
        }

        await using var check = CreateDb();
        (await check.Answers.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task An_answer_for_an_interview_that_does_not_exist_is_refused()
    {
        await using var db = CreateDb();
        db.Answers.Add(new Answer { InterviewId = Guid.CreateVersion7(), Question = "sector", Code = "C" });

        var error = await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAsync());

        error.InnerException.ShouldBeOfType<PostgresException>().SqlState.ShouldBe(PostgresErrorCodes.ForeignKeyViolation);
        await using var check = CreateDb();
        (await check.Answers.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Answers_copied_in_bulk_for_an_interview_that_does_not_exist_are_refused_with_the_rest()
    {
        var interviewId = await DraftInterviewAsync();
        await using var connection = new NpgsqlConnection(ConnectionString());
        await connection.OpenAsync();

        var error = await Should.ThrowAsync<PostgresException>(async () =>
        {
            await using var writer = await connection.BeginBinaryImportAsync(
                "copy answers (interview_id, question, item, position, code) from stdin (format binary)");
            foreach (var id in new[] { interviewId, Guid.CreateVersion7() })
            {
                await writer.WriteRowAsync(default, id, "sector", "", (short)0, "C");
            }

            await writer.CompleteAsync();
        });

        error.SqlState.ShouldBe(PostgresErrorCodes.ForeignKeyViolation);

        await using var check = CreateDb();
        (await check.Answers.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task An_answer_cannot_be_moved_to_another_interview_nor_an_interview_change_its_id()
    {
        var interviewId = await DraftInterviewAsync();
        await using var db = CreateDb();
        db.Answers.Add(new Answer { InterviewId = interviewId, Question = "sector", Code = "C" });
        await db.SaveChangesAsync();
        var other = Guid.CreateVersion7();

        var moved = await Should.ThrowAsync<PostgresException>(() => db.Database.ExecuteSqlAsync($"update answers set interview_id = {other}"));
        var renamed = await Should.ThrowAsync<PostgresException>(() => db.Database.ExecuteSqlAsync($"update interviews set id = {other}"));

        moved.SqlState.ShouldBe(PostgresErrorCodes.ForeignKeyViolation);
        renamed.SqlState.ShouldBe(PostgresErrorCodes.ForeignKeyViolation);
        (await db.Answers.SingleAsync()).InterviewId.ShouldBe(interviewId);
    }

    [Fact]
    public async Task An_interview_deleted_while_another_transaction_adds_answers_to_it_leaves_no_answer_behind()
    {
        var interviewId = await DraftInterviewAsync();
        await using var adding = new NpgsqlConnection(ConnectionString());
        await adding.OpenAsync();
        await using var transaction = await adding.BeginTransactionAsync();
        await using (var insert = new NpgsqlCommand("insert into answers (interview_id, question, item, position, code) values ($1, 'sector', '', 0, 'C')", adding, transaction))
        {
            insert.Parameters.Add(new NpgsqlParameter { Value = interviewId });
            await insert.ExecuteNonQueryAsync();
        }

        // The delete has to wait for the transaction that added answers, then takes them along.
        await using var deleting = CreateDb();
        var delete = deleting.Interviews.Where(i => i.Id == interviewId).ExecuteDeleteAsync();
        await Task.Delay(300);
        delete.IsCompleted.ShouldBeFalse();
        await transaction.CommitAsync();
        (await delete).ShouldBe(1);

        await using var check = CreateDb();
        (await check.Answers.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Emptying_the_interviews_table_empties_the_answers_with_it()
    {
        var interviewId = await DraftInterviewAsync();
        await using var db = CreateDb();
        db.Answers.Add(new Answer { InterviewId = interviewId, Question = "sector", Code = "C" });
        await db.SaveChangesAsync();

        await db.Database.ExecuteSqlAsync($"truncate interviews cascade");

        (await db.Answers.CountAsync()).ShouldBe(0);
    }

    private string ConnectionString()
    {
        using var db = CreateDb();
        return db.Database.GetConnectionString()!;
    }

    private async Task<int> PublishedVersionAsync()
    {
        await using var db = CreateDb();
        var questionnaire = new Questionnaire { Key = "employees", Title = "Beschäftigtenbefragung" };
        questionnaire.Versions.Add(new QuestionnaireVersion
        {
            Number = 1, Definition = "{}", Status = QuestionnaireVersion.Published, PublishedAt = DateTimeOffset.UtcNow,
        });
        db.Questionnaires.Add(questionnaire);
        await db.SaveChangesAsync();
        return questionnaire.Versions[0].Id;
    }

    private async Task<Guid> DraftInterviewAsync()
    {
        var versionId = await PublishedVersionAsync();
        await using var db = CreateDb();
        var interview = new Interview
        {
            Id = Guid.CreateVersion7(),
            NetworkId = 1,
            QuestionnaireVersionId = versionId,
            RespondentGroupCode = RespondentGroup.Apprentices,
            DistrictKey = "03453",
            ConductedOn = new DateOnly(2026, 8, 12),
        };
        db.Interviews.Add(interview);
        await db.SaveChangesAsync();
        return interview.Id;
    }
}
