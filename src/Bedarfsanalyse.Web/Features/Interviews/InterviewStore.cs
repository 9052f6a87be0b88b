using System.Data.Common;
using Bedarfsanalyse.Core.Questionnaires.Answers;
using Bedarfsanalyse.Core.Questionnaires.Evaluation;
using Bedarfsanalyse.Data;
using Bedarfsanalyse.Data.Audit;
using Bedarfsanalyse.Data.Interviews;
using Bedarfsanalyse.Data.Questionnaires;
using Bedarfsanalyse.Web.Features.Questionnaires;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Bedarfsanalyse.Web.Features.Interviews;

/// <summary>An interview loaded for work: the row (not tracked), its compiled questionnaire and its stored answers.</summary>
public sealed record InterviewDocument(
    Interview Interview, string NetworkKey, string QuestionnaireKey, int QuestionnaireNumber,
    CompiledQuestionnaire Questionnaire, IReadOnlyDictionary<string, AnswerValue> Answers)
{
    /// <summary>The stored answer rows as read, so that saving writes only what changed.</summary>
    internal IReadOnlyList<AnswerRow> Rows { get; init; } = [];

    public InterviewView View(bool withAnswers = true) => InterviewStore.ViewOf(
        Interview, NetworkKey, QuestionnaireKey, QuestionnaireNumber, withAnswers ? InterviewAnswerJson.Write(Answers, Questionnaire.Definition) : null);
}

/// <summary>The consent texts as a change needs them: the newest version, and whether the one the client named exists.</summary>
public sealed record ConsentTextLookup(string? Newest, bool RequestedExists);

/// <summary>What creating an interview needs to know, read in one round trip.</summary>
/// <param name="Existing">The interview already stored under the client's id (a repeated request), or null.</param>
/// <param name="VersionId">The published questionnaire version asked for (the newest when no number was given), or null.</param>
/// <param name="DistrictInNetwork">Whether the district belongs to the network.</param>
public sealed record CreationContext(
    InterviewDocument? Existing, int? VersionId, int? VersionNumber, string? QuestionnaireKey, bool DistrictInNetwork, string? NetworkKey, ConsentTextLookup Consent);

/// <summary>
/// Reads and writes interviews with their answer rows (docs/adr/0002-answer-storage.md) in as few round trips as the
/// rules allow (docs/adr/0024-interview-api-speed.md): one batch reads an interview, its answers and the consent texts;
/// one statement writes a change (interview row, only the answer rows that changed, the audit event), guarded by the
/// concurrency token, so it is stored whole or not at all. Plain SQL rather than EF change tracking, which cost more
/// CPU than everything else a request does. Statements are prepared: Npgsql keeps them per pooled connection, and
/// PostgreSQL then no longer parses and plans the write statements on every call.
/// </summary>
public sealed class InterviewStore(BedarfsanalyseDb db, CompiledQuestionnaires questionnaires, InterviewDocumentCache recent)
{
    private const string InterviewColumns =
        """
        i.id, i.network_id, i.questionnaire_version_id, i.respondent_group_code, i.district_key, i.establishment_id, i.interviewer_id,
        i.conducted_on, i.status, i.consent_given, i.consent_given_at, i.consent_text_version, i.created_at, i.updated_at,
        i.completed_at, i.withdrawn_at, i.withdrawal_reason, i.duration_seconds, i.edits_after_completion, i.non_substantive_answers,
        i.xmin, n.key, q.key, v.number
        """;

    private const string SelectInterview =
        $"""
        select {InterviewColumns}
        from interviews i join networks n on n.id = i.network_id
        join questionnaire_versions v on v.id = i.questionnaire_version_id join questionnaires q on q.id = v.questionnaire_id
        where i.id = $1
        """;

    private const string SelectAnswers = "select question, item, position, code, number, text, date from answers where interview_id = $1";

    private const string SelectConsent =
        "select (select version from consent_texts order by valid_from desc limit 1), exists (select 1 from consent_texts where version = $1)";

    private const string SelectVersion =
        """
        select v.id, v.number, q.key from questionnaire_versions v join questionnaires q on q.id = v.questionnaire_id
        where q.key = $1 and v.status = 'published' and ($2::integer is null or v.number = $2) order by v.number desc limit 1
        """;

    private const string SelectNetwork =
        "select n.key, exists (select 1 from network_districts d where d.network_id = n.id and d.district_key = $2) from networks n where n.id = $1";

    private const string AnswerColumns = "question, item, position, code, number, text, date";

    // Positional parameters ($n) throughout: Npgsql then sends the text as it is instead of rewriting it per call.
    // Each write statement has variants by the parts a change has (rows deleted, changed, added; an audit event):
    // PostgreSQL initializes the whole plan on every execution, and a draft page that only adds rows should not pay
    // for the empty delete and update parts. At most 4 and 16 variants, each prepared once per pooled connection.
    private static readonly string[] InsertStatements = [.. Enumerable.Range(0, 4).Select(v => InsertStatement(answers: (v & 1) != 0, audited: (v & 2) != 0))];
    private static readonly string[] UpdateStatements = [.. Enumerable.Range(0, 16).Select(v => UpdateStatement(
        deletes: (v & 1) != 0, changes: (v & 2) != 0, adds: (v & 4) != 0, audited: (v & 8) != 0))];

    private static string InsertStatement(bool answers, bool audited)
    {
        var next = 21;
        var parts = new List<string>
        {
            """
            changed as (
                insert into interviews (id, network_id, questionnaire_version_id, respondent_group_code, district_key, establishment_id,
                    interviewer_id, conducted_on, status, consent_given, consent_given_at, consent_text_version, created_at, updated_at,
                    completed_at, withdrawn_at, withdrawal_reason, duration_seconds, edits_after_completion, non_substantive_answers)
                values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)
                on conflict (id) do nothing
                returning id, xmin)
            """,
        };
        return WithNewRowsAndAudit(parts, next, answers, audited);
    }

    private static string UpdateStatement(bool deletes, bool changes, bool adds, bool audited)
    {
        var next = 14;
        var parts = new List<string>
        {
            """
            changed as (
                update interviews set status = $3, consent_given = $4, consent_given_at = $5, consent_text_version = $6, updated_at = $7,
                    completed_at = $8, withdrawn_at = $9, withdrawal_reason = $10, duration_seconds = $11, edits_after_completion = $12,
                    non_substantive_answers = $13
                where id = $1 and xmin = $2
                returning id, xmin)
            """,
        };
        if (deletes)
        {
            parts.Add($"""
                deleted as (
                    delete from answers a using changed, unnest(${next}::text[], ${next + 1}::text[], ${next + 2}::smallint[]) as d(question, item, position)
                    where a.interview_id = changed.id and a.question = d.question and a.item = d.item and a.position = d.position)
                """);
            next += 3;
        }

        if (changes)
        {
            parts.Add($"""
                updated as (
                    update answers a set code = u.code, number = u.number, text = u.text, date = u.date
                    from changed, {Unnest(next)} as u({AnswerColumns})
                    where a.interview_id = changed.id and a.question = u.question and a.item = u.item and a.position = u.position)
                """);
            next += 7;
        }

        return WithNewRowsAndAudit(parts, next, adds, audited);
    }

    /// <summary>The parts both statements end with: new answer rows and the audit event, both joined to the written interview.</summary>
    private static string WithNewRowsAndAudit(List<string> parts, int next, bool adds, bool audited)
    {
        if (adds)
        {
            parts.Add($"inserted as (insert into answers (interview_id, {AnswerColumns}) select changed.id, a.* from changed, {Unnest(next)} as a({AnswerColumns}))");
            next += 7;
        }

        if (audited)
        {
            parts.Add($"audited as ({InsertAudit(next)})");
        }

        return $"with {string.Join(",\n", parts)}\nselect xmin from changed";
    }

    private static string Unnest(int first) =>
        $"unnest(${first}::text[], ${first + 1}::text[], ${first + 2}::smallint[], ${first + 3}::text[], ${first + 4}::numeric[], ${first + 5}::text[], ${first + 6}::date[])";

    // Written only when the interview row was written.
    private static string InsertAudit(int first) =>
        $"""
        insert into audit_events (occurred_at, actor_id, actor_name, action, subject_type, subject_id, details, remote_address)
            select ${first}, ${first + 1}, ${first + 2}, ${first + 3}, ${first + 4}, ${first + 5}, ${first + 6}::jsonb, ${first + 7}
            from changed
        """;

    /// <summary>What a change needs of the consent texts when it gives no consent: nothing.</summary>
    private static readonly ConsentTextLookup NoConsentGiven = new(null, false);

    /// <summary>The interview, or null when there is none with this id.</summary>
    public async Task<InterviewDocument?> LoadAsync(Guid id, CancellationToken cancellationToken) =>
        (await LoadAsync(id, null, cancellationToken)).Document;

    /// <summary>The interview (or null) and the consent texts, in one round trip.</summary>
    public async Task<(InterviewDocument? Document, ConsentTextLookup Consent)> LoadAsync(Guid id, string? consentTextVersion, CancellationToken cancellationToken)
    {
        var session = await Session.OpenAsync(db, cancellationToken);
        await using var batch = session.Batch();
        AddDocumentQueries(batch, id);
        AddConsentQuery(batch, consentTextVersion);
        await batch.PrepareAsync(cancellationToken);
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        var document = await ReadDocumentAsync(reader, cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        var consent = await ReadConsentAsync(reader, cancellationToken);
        return (document is null ? null : await CompleteAsync(document, cancellationToken), consent);
    }

    /// <summary>
    /// The interview a change starts from: the one this process stored last when the client names its version (no round
    /// trip; the write is guarded by that version anyway), otherwise as <see cref="LoadAsync(Guid, string?, CancellationToken)"/>
    /// reads it. The consent texts are read only when the change gives consent (<paramref name="withConsent"/>).
    /// </summary>
    public async Task<(InterviewDocument? Document, ConsentTextLookup Consent)> LoadForChangeAsync(
        Guid id, uint? version, bool withConsent, string? consentTextVersion, CancellationToken cancellationToken)
    {
        if (version is not { } known || recent.Find(id, known) is not { } document)
        {
            return await LoadAsync(id, consentTextVersion, cancellationToken);
        }

        if (!withConsent)
        {
            return (document, NoConsentGiven);
        }

        var session = await Session.OpenAsync(db, cancellationToken);
        await using var batch = session.Batch();
        AddConsentQuery(batch, consentTextVersion);
        await batch.PrepareAsync(cancellationToken);
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        return (document, await ReadConsentAsync(reader, cancellationToken));
    }

    /// <summary>Everything creating an interview checks against the database, in one round trip.</summary>
    public async Task<CreationContext> CreationContextAsync(
        Guid id, string questionnaireKey, int? versionNumber, int? networkId, string district, string? consentTextVersion, CancellationToken cancellationToken)
    {
        var session = await Session.OpenAsync(db, cancellationToken);
        await using var batch = session.Batch();
        AddDocumentQueries(batch, id);
        AddConsentQuery(batch, consentTextVersion);
        batch.BatchCommands.Add(Command(SelectVersion, questionnaireKey, Nullable(versionNumber, NpgsqlDbType.Integer)));
        batch.BatchCommands.Add(Command(SelectNetwork, networkId ?? 0, district));
        await batch.PrepareAsync(cancellationToken);
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        var document = await ReadDocumentAsync(reader, cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        var consent = await ReadConsentAsync(reader, cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        int? versionId = null, number = null;
        string? key = null;
        if (await reader.ReadAsync(cancellationToken))
        {
            (versionId, number, key) = (reader.GetInt32(0), reader.GetInt32(1), reader.GetString(2));
        }

        await reader.NextResultAsync(cancellationToken);
        string? networkKey = null;
        var districtInNetwork = false;
        if (await reader.ReadAsync(cancellationToken))
        {
            (networkKey, districtInNetwork) = (reader.GetString(0), reader.GetBoolean(1));
        }

        await reader.CloseAsync();
        return new CreationContext(
            document is null ? null : await CompleteAsync(document, cancellationToken), versionId, number, key, districtInNetwork, networkKey, consent);
    }

    /// <summary>
    /// Stores a new interview with its answers and audit event in one statement. Returns its concurrency token, or null
    /// when an interview with this id exists already (a repeated or concurrent identical request): nothing is stored then.
    /// </summary>
    public async Task<uint?> InsertAsync(InterviewDocument document, AuditEvent? audit, CancellationToken cancellationToken)
    {
        var rows = AnswerRowMapping.ToRows(document.Answers);
        var session = await Session.OpenAsync(db, cancellationToken);
        await using var command = session.Command(InsertStatements[(rows.Count > 0 ? 1 : 0) | (audit is not null ? 2 : 0)]);
        var p = command.Parameters;
        var i = document.Interview;
        p.Add(Value(i.Id));
        p.Add(Value(i.NetworkId));
        p.Add(Value(i.QuestionnaireVersionId));
        p.Add(Value(i.RespondentGroupCode));
        p.Add(Value(i.DistrictKey));
        p.Add(Nullable(i.EstablishmentId, NpgsqlDbType.Uuid));
        p.Add(Nullable(i.InterviewerId, NpgsqlDbType.Uuid));
        p.Add(Value(i.ConductedOn));
        AddChangeableParameters(command, i);
        if (rows.Count > 0)
        {
            AddRowParameters(command, rows);
        }

        AddAuditParameters(command, audit);
        var version = await ScalarAsync(command, cancellationToken);
        if (version is { } stored)
        {
            Remember(document, stored, document.Answers, rows);
        }

        return version;
    }

    /// <summary>
    /// Writes the changed interview row, its answers and the audit event in one statement: rows that disappeared are
    /// deleted, changed ones updated, new ones inserted, unchanged ones left alone, so a page save touches only its page.
    /// Returns the new concurrency token, or null when the stored one is no longer <paramref name="expectedVersion"/>
    /// (someone else changed the interview): nothing is written then.
    /// </summary>
    public async Task<uint?> UpdateAsync(
        InterviewDocument document, uint expectedVersion, IReadOnlyDictionary<string, AnswerValue> answers, AuditEvent? audit, CancellationToken cancellationToken)
    {
        var stored = document.Rows.ToDictionary(r => (r.Question, r.Item, r.Position));
        var changed = new List<AnswerRow>();
        var added = new List<AnswerRow>();
        var rows = AnswerRowMapping.ToRows(answers);
        foreach (var row in rows)
        {
            if (!stored.Remove((row.Question, row.Item, row.Position), out var existing))
            {
                added.Add(row);
            }
            else if (existing != row)
            {
                changed.Add(row);
            }
        }

        var deleted = stored.Values.ToList();
        var variant = (deleted.Count > 0 ? 1 : 0) | (changed.Count > 0 ? 2 : 0) | (added.Count > 0 ? 4 : 0) | (audit is not null ? 8 : 0);
        var session = await Session.OpenAsync(db, cancellationToken);
        await using var command = session.Command(UpdateStatements[variant]);
        var p = command.Parameters;
        p.Add(Value(document.Interview.Id));
        p.Add(new NpgsqlParameter { Value = expectedVersion, NpgsqlDbType = NpgsqlDbType.Xid });
        AddChangeableParameters(command, document.Interview, withCreatedAt: false);
        if (deleted.Count > 0)
        {
            p.Add(Value(deleted.Select(r => r.Question).ToArray()));
            p.Add(Value(deleted.Select(r => r.Item).ToArray()));
            p.Add(Value(deleted.Select(r => r.Position).ToArray()));
        }

        if (changed.Count > 0)
        {
            AddRowParameters(command, changed);
        }

        if (added.Count > 0)
        {
            AddRowParameters(command, added);
        }

        AddAuditParameters(command, audit);
        var version = await ScalarAsync(command, cancellationToken);
        if (version is { } written)
        {
            Remember(document, written, answers, rows);
        }

        return version;
    }

    private void Remember(InterviewDocument document, uint version, IReadOnlyDictionary<string, AnswerValue> answers, IReadOnlyList<AnswerRow> rows)
    {
        var interview = document.Interview.Copy();
        interview.Version = version;
        recent.Remember(document with { Interview = interview, Answers = answers, Rows = rows });
    }

    /// <summary>Stages the answer rows of a new interview in the context (written by the caller's SaveChanges; the import).</summary>
    public void AddAnswers(Guid id, IReadOnlyDictionary<string, AnswerValue> answers) =>
        db.Answers.AddRange(AnswerRowMapping.ToRows(answers).Select(r => new Answer
        {
            InterviewId = id, Question = r.Question, Item = r.Item, Position = r.Position, Code = r.Code, Number = r.Number, Text = r.Text, Date = r.Date,
        }));

    internal static InterviewView ViewOf(Interview i, string network, string questionnaire, int number, IReadOnlyDictionary<string, object>? answers) => new(
        i.Id, network, questionnaire, number, i.RespondentGroupCode, i.DistrictKey, i.EstablishmentId, i.InterviewerId, i.ConductedOn,
        i.Status, i.ConsentGiven, i.ConsentTextVersion, i.CreatedAt, i.UpdatedAt, i.CompletedAt, i.WithdrawnAt, i.WithdrawalReason,
        i.DurationSeconds, i.EditsAfterCompletion, i.NonSubstantiveAnswers, i.Version, answers);

    private static void AddDocumentQueries(NpgsqlBatch batch, Guid id)
    {
        batch.BatchCommands.Add(Command(SelectInterview, id));
        batch.BatchCommands.Add(Command(SelectAnswers, id));
    }

    private static void AddConsentQuery(NpgsqlBatch batch, string? textVersion) =>
        batch.BatchCommands.Add(Command(SelectConsent, Nullable(textVersion, NpgsqlDbType.Text)));

    private static async Task<InterviewDocument?> ReadDocumentAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        InterviewDocument? document = null;
        if (await reader.ReadAsync(cancellationToken))
        {
            var interview = new Interview
            {
                Id = reader.GetGuid(0),
                NetworkId = reader.GetInt32(1),
                QuestionnaireVersionId = reader.GetInt32(2),
                RespondentGroupCode = reader.GetString(3),
                DistrictKey = reader.GetString(4),
                EstablishmentId = reader.IsDBNull(5) ? null : reader.GetGuid(5),
                InterviewerId = reader.IsDBNull(6) ? null : reader.GetGuid(6),
                ConductedOn = reader.GetFieldValue<DateOnly>(7),
                Status = reader.GetString(8),
                ConsentGiven = reader.GetBoolean(9),
                ConsentGivenAt = reader.IsDBNull(10) ? null : reader.GetFieldValue<DateTimeOffset>(10),
                ConsentTextVersion = reader.IsDBNull(11) ? null : reader.GetString(11),
                CreatedAt = reader.GetFieldValue<DateTimeOffset>(12),
                UpdatedAt = reader.GetFieldValue<DateTimeOffset>(13),
                CompletedAt = reader.IsDBNull(14) ? null : reader.GetFieldValue<DateTimeOffset>(14),
                WithdrawnAt = reader.IsDBNull(15) ? null : reader.GetFieldValue<DateTimeOffset>(15),
                WithdrawalReason = reader.IsDBNull(16) ? null : reader.GetString(16),
                DurationSeconds = reader.IsDBNull(17) ? null : reader.GetInt32(17),
                EditsAfterCompletion = reader.GetInt32(18),
                NonSubstantiveAnswers = reader.GetInt32(19),
                Version = reader.GetFieldValue<uint>(20),
            };
            document = new InterviewDocument(interview, reader.GetString(21), reader.GetString(22), reader.GetInt32(23), null!, new Dictionary<string, AnswerValue>());
        }

        await reader.NextResultAsync(cancellationToken);
        var rows = new List<AnswerRow>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new AnswerRow(
                reader.GetString(0), reader.GetString(1), reader.GetInt16(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetDecimal(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetFieldValue<DateOnly>(6)));
        }

        return document is null ? null : document with { Answers = AnswerRowMapping.FromRows(rows), Rows = rows };
    }

    private static async Task<ConsentTextLookup> ReadConsentAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        await reader.ReadAsync(cancellationToken);
        return new ConsentTextLookup(reader.IsDBNull(0) ? null : reader.GetString(0), reader.GetBoolean(1));
    }

    /// <summary>Adds the compiled questionnaire (cached per published version) once the reader is done with the connection.</summary>
    private async Task<InterviewDocument> CompleteAsync(InterviewDocument document, CancellationToken cancellationToken)
    {
        var versionId = document.Interview.QuestionnaireVersionId;
        var compiled = await questionnaires.GetAsync(versionId, cancellationToken)
            ?? throw new InvalidOperationException($"Questionnaire version {versionId} of interview {document.Interview.Id} is missing.");
        return document with { Questionnaire = compiled };
    }

    /// <summary>The columns a change may set, in the order both statements number them (after the fixed ones).</summary>
    private static void AddChangeableParameters(NpgsqlCommand command, Interview i, bool withCreatedAt = true)
    {
        var p = command.Parameters;
        p.Add(Value(i.Status));
        p.Add(Value(i.ConsentGiven));
        p.Add(Nullable(i.ConsentGivenAt, NpgsqlDbType.TimestampTz));
        p.Add(Nullable(i.ConsentTextVersion, NpgsqlDbType.Varchar));
        if (withCreatedAt)
        {
            p.Add(Value(i.CreatedAt));
        }

        p.Add(Value(i.UpdatedAt));
        p.Add(Nullable(i.CompletedAt, NpgsqlDbType.TimestampTz));
        p.Add(Nullable(i.WithdrawnAt, NpgsqlDbType.TimestampTz));
        p.Add(Nullable(i.WithdrawalReason, NpgsqlDbType.Varchar));
        p.Add(Nullable(i.DurationSeconds, NpgsqlDbType.Integer));
        p.Add(Value(i.EditsAfterCompletion));
        p.Add(Value(i.NonSubstantiveAnswers));
    }

    /// <summary>Answer rows as seven arrays (one per column), unnested by the statement: one statement whatever the row count.</summary>
    private static void AddRowParameters(NpgsqlCommand command, IReadOnlyList<AnswerRow> rows)
    {
        var p = command.Parameters;
        p.Add(Value(rows.Select(r => r.Question).ToArray()));
        p.Add(Value(rows.Select(r => r.Item).ToArray()));
        p.Add(Value(rows.Select(r => r.Position).ToArray()));
        p.Add(new NpgsqlParameter { Value = rows.Select(r => r.Code).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        p.Add(new NpgsqlParameter { Value = rows.Select(r => r.Number).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Numeric });
        p.Add(new NpgsqlParameter { Value = rows.Select(r => r.Text).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        p.Add(new NpgsqlParameter { Value = rows.Select(r => r.Date).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Date });
    }

    private static void AddAuditParameters(NpgsqlCommand command, AuditEvent? audit)
    {
        if (audit is null)
        {
            return;
        }

        var p = command.Parameters;
        p.Add(Value(audit.OccurredAt));
        p.Add(Nullable(audit.ActorId, NpgsqlDbType.Uuid));
        p.Add(Nullable(audit.ActorName, NpgsqlDbType.Varchar));
        p.Add(Nullable(audit.Action, NpgsqlDbType.Varchar));
        p.Add(Nullable(audit.SubjectType, NpgsqlDbType.Varchar));
        p.Add(Nullable(audit.SubjectId, NpgsqlDbType.Varchar));
        p.Add(Nullable(audit.Details, NpgsqlDbType.Text));
        p.Add(Nullable(audit.RemoteAddress, NpgsqlDbType.Varchar));
    }

    private static async Task<uint?> ScalarAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await command.PrepareAsync(cancellationToken);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? reader.GetFieldValue<uint>(0) : null;
    }

    private static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(value as NpgsqlParameter ?? Value(value));
        }

        return command;
    }

    private static NpgsqlParameter Value(object value) => new() { Value = value };

    private static NpgsqlParameter Nullable(object? value, NpgsqlDbType type) => new() { Value = value ?? DBNull.Value, NpgsqlDbType = type };

    /// <summary>
    /// The context's own connection (and its transaction, when the caller opened one, e.g. a page that creates an
    /// establishment and its interview together). Opened at the first statement and left open until the context ends
    /// with the request: returning it to the pool between the read and the write of one request cost a connection reset
    /// (seven statements in PostgreSQL) each time.
    /// </summary>
    private sealed class Session
    {
        private readonly NpgsqlConnection _connection;
        private readonly NpgsqlTransaction? _transaction;

        private Session(BedarfsanalyseDb db)
        {
            _connection = (NpgsqlConnection)db.Database.GetDbConnection();
            _transaction = db.Database.CurrentTransaction?.GetDbTransaction() as NpgsqlTransaction;
        }

        public static async Task<Session> OpenAsync(BedarfsanalyseDb db, CancellationToken cancellationToken)
        {
            if (db.Database.GetDbConnection().State != System.Data.ConnectionState.Open)
            {
                await db.Database.OpenConnectionAsync(cancellationToken);
            }

            return new Session(db);
        }

        public NpgsqlBatch Batch() => new(_connection) { Transaction = _transaction };

        public NpgsqlCommand Command(string sql) => new(sql, _connection, _transaction);
    }
}
