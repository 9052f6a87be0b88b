using Bedarfsanalyse.Core.Questionnaires.Answers;
using Bedarfsanalyse.Core.Questionnaires.Evaluation;
using Bedarfsanalyse.Data;
using Bedarfsanalyse.Data.Interviews;
using Bedarfsanalyse.Data.Audit;
using Bedarfsanalyse.Web.Features.Audit;
using Bedarfsanalyse.Web.Features.Questionnaires;
using Bedarfsanalyse.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Bedarfsanalyse.Web.Features.Interviews;

/// <summary>
/// Taking interviews: create with the client's id, save answers as a draft, complete, edit after completion (audited),
/// withdraw. Every change is validated by the questionnaire engine and stored whole or not at all; a stale
/// concurrency token is a conflict, never a silent overwrite. Pages, API, import and the demo data all call this.
/// </summary>
public sealed class InterviewCapture(
    BedarfsanalyseDb db, UserScope scope, InterviewAccess access, InterviewStore store, CompiledQuestionnaires questionnaires,
    AuditLog audit, TimeProvider clock)
{
    public const string ConflictMessage =
        "Das Interview wurde inzwischen an anderer Stelle geändert. Bitte laden Sie es neu und übernehmen Sie Ihre Änderungen erneut.";

    /// <summary>Creates with the answers as JSON (<see cref="CreateInterviewInput.Answers"/>).</summary>
    public Task<InterviewResult> CreateAsync(CreateInterviewInput input, CancellationToken cancellationToken)
    {
        var errors = new InputErrors();
        var answers = InterviewAnswerJson.Read(input.Answers, errors);
        return CreateAsync(input, answers, errors, cancellationToken);
    }

    /// <summary>Creates with typed answers (pages, import, demo data); <see cref="CreateInterviewInput.Answers"/> is not read.</summary>
    public Task<InterviewResult> CreateAsync(CreateInterviewInput input, IReadOnlyDictionary<string, AnswerValue?> answers, CancellationToken cancellationToken) =>
        CreateAsync(input, new Dictionary<string, AnswerValue?>(answers, StringComparer.Ordinal), new InputErrors(), cancellationToken);

    private async Task<InterviewResult> CreateAsync(CreateInterviewInput input, Dictionary<string, AnswerValue?> answers, InputErrors errors, CancellationToken cancellationToken)
    {
        if (input.Id is not { } id || id == Guid.Empty)
        {
            return InterviewResult.Invalid(errors.Add("id", "Bitte geben Sie eine Interview-ID (UUID) an; sie macht wiederholtes Senden unschädlich."));
        }

        var networkId = await NetworkAsync(input.Network, errors, cancellationToken);
        var key = input.Questionnaire?.Trim() ?? "";
        var district = input.District?.Trim() ?? "";
        string? establishmentDistrict = null;
        if (input.EstablishmentId is { } establishmentId)
        {
            var establishment = await db.Establishments.AsNoTracking().Where(e => e.Id == establishmentId)
                .Select(e => new { e.NetworkId, e.DistrictKey }).SingleOrDefaultAsync(cancellationToken);
            if (establishment is null || (networkId is not null && establishment.NetworkId != networkId))
            {
                errors.Add("establishmentId", "Diesen Betrieb gibt es im Verbund nicht.");
            }
            else
            {
                establishmentDistrict = establishment.DistrictKey;
                district = district.Length == 0 ? establishment.DistrictKey : district;
            }
        }

        var context = await store.CreationContextAsync(id, key, input.QuestionnaireVersion, networkId, district, input.Consent?.TextVersion, cancellationToken);
        if (context.Existing is { } existing)
        {
            // The same request again: answer as the first time, store nothing.
            return await access.MayWorkOnAsync(existing.Interview, cancellationToken)
                ? new InterviewResult(InterviewResultKind.Created, existing.View())
                : InterviewResult.Conflict("Diese Interview-ID ist bereits vergeben. Bitte erzeugen Sie eine neue.", null);
        }

        if (key.Length == 0)
        {
            errors.Add("questionnaire", "Bitte geben Sie den Fragebogen an (z. B. arbeitgeber).");
        }
        else if (context.VersionId is null)
        {
            errors.Add(input.QuestionnaireVersion is null ? "questionnaire" : "questionnaireVersion", input.QuestionnaireVersion is null
                ? $"Einen veröffentlichten Fragebogen „{key}“ gibt es nicht."
                : $"Eine veröffentlichte Version {input.QuestionnaireVersion} des Fragebogens „{key}“ gibt es nicht.");
        }

        var compiled = context.VersionId is { } versionId ? await questionnaires.GetAsync(versionId, cancellationToken) : null;
        var group = input.RespondentGroup?.Trim() ?? "";
        if (compiled is not null && !compiled.Definition.RespondentGroups.Contains(group))
        {
            errors.Add("respondentGroup", $"Bitte wählen Sie eine Befragtengruppe dieses Fragebogens: {string.Join(", ", compiled.Definition.RespondentGroups)}.");
        }

        if (establishmentDistrict is not null && district != establishmentDistrict)
        {
            errors.Add("district", $"Der Betrieb liegt im Kreis {establishmentDistrict}, nicht in {district}.");
        }
        else if (networkId is not null)
        {
            if (!context.DistrictInNetwork)
            {
                errors.Add("district", district.Length == 0 ? "Bitte geben Sie den Kreis an (Kreisschlüssel)." : $"Der Kreis „{district}“ gehört nicht zum Verbund.");
            }
            else if (!await scope.MayWorkInAsync(networkId.Value, district, cancellationToken))
            {
                // A refusal, not a typo: recorded in the audit trail and answered 403 (issue 4), with the reason in German.
                await audit.AccessDeniedAsync($"Interview im Kreis {district}: nicht zugeordnet", cancellationToken);
                return InterviewResult.Forbidden($"Sie sind dem Kreis {district} nicht zugeordnet; Interviews können Sie nur in Ihren Kreisen anlegen.");
            }
        }

        var consent = Consent(input.Consent, context.Consent, errors);
        if (errors.Any)
        {
            return InterviewResult.Invalid(errors);
        }

        var conductedOn = input.ConductedOn ?? DateOnly.FromDateTime(GermanTime.ToLocal(Now()).DateTime);
        var validation = compiled!.Validate(Merge(new Dictionary<string, AnswerValue>(), answers), ValidationMode.Draft, conductedOn);
        if (!validation.IsValid)
        {
            return InterviewResult.Invalid(ErrorsOf(validation));
        }

        var now = Now();
        var interview = new Interview
        {
            Id = id,
            NetworkId = networkId!.Value,
            QuestionnaireVersionId = context.VersionId!.Value,
            RespondentGroupCode = group,
            DistrictKey = district,
            EstablishmentId = input.EstablishmentId,
            InterviewerId = scope.UserId,
            ConductedOn = conductedOn,
            CreatedAt = now,
            UpdatedAt = now,
            NonSubstantiveAnswers = InterviewQuality.NonSubstantiveAnswers(compiled.Definition, validation.Answers),
        };
        ApplyConsent(interview, consent, now);
        var created = audit.Create(AuditActions.InterviewCreated, "interview", id.ToString(),
            new { questionnaire = context.QuestionnaireKey, version = context.VersionNumber, district, respondentGroup = group, answers = validation.Answers.Count }, actor: null);
        var document = new InterviewDocument(interview, context.NetworkKey!, context.QuestionnaireKey!, context.VersionNumber!.Value, compiled, validation.Answers);
        if (await store.InsertAsync(document, created, cancellationToken) is not { } version)
        {
            // A concurrent identical request won the race: answer with what it stored.
            return await CreateAsync(input, answers, new InputErrors(), cancellationToken);
        }

        interview.Version = version;
        return new InterviewResult(InterviewResultKind.Created, document.View());
    }

    /// <summary>
    /// Saves the named answers and keeps the others. A draft accepts missing answers; a completed interview must stay
    /// complete, and each change of it is recorded in the audit log with the old and new answers.
    /// </summary>
    public Task<InterviewResult> SaveAnswersAsync(Guid id, SaveAnswersInput input, CancellationToken cancellationToken)
    {
        var errors = new InputErrors();
        var given = InterviewAnswerJson.Read(input.Answers, errors);
        return SaveAnswersAsync(id, input.Version, given, input.Consent, errors, cancellationToken);
    }

    /// <summary>Saves typed answers (null removes one); see <see cref="SaveAnswersAsync(Guid, SaveAnswersInput, CancellationToken)"/>.</summary>
    public Task<InterviewResult> SaveAnswersAsync(
        Guid id, uint? version, IReadOnlyDictionary<string, AnswerValue?> answers, ConsentInput? consent, CancellationToken cancellationToken) =>
        SaveAnswersAsync(id, version, new Dictionary<string, AnswerValue?>(answers, StringComparer.Ordinal), consent, new InputErrors(), cancellationToken);

    private async Task<InterviewResult> SaveAnswersAsync(
        Guid id, uint? version, Dictionary<string, AnswerValue?> given, ConsentInput? consentInput, InputErrors errors, CancellationToken cancellationToken)
    {
        var (document, texts) = await OpenForChangeAsync(id, version, consentInput, cancellationToken);
        return document is null
            ? InterviewResult.NotFound()
            : await SaveAnswersAsync(document, texts, version, given, consentInput, errors, cancellationToken);
    }

    private async Task<InterviewResult> SaveAnswersAsync(
        InterviewDocument document, ConsentTextLookup texts, uint? version, Dictionary<string, AnswerValue?> given, ConsentInput? consentInput,
        InputErrors errors, CancellationToken cancellationToken)
    {
        var consent = Consent(consentInput, texts, errors);
        // Only a conflict needs it.
        SubmittedChange Submitted() => new(version, InterviewAnswerJson.WriteSubmitted(given, document.Questionnaire.Definition), consentInput);
        if (Refusal(document, version, errors, Submitted) is { } refused)
        {
            return refused;
        }

        var interview = document.Interview;
        var completed = interview.Status == Interview.Completed;
        if (completed && consent is { Given: false })
        {
            return InterviewResult.Invalid(InputErrors.Of("consent", "Widerruft die befragte Person ihre Einwilligung, ziehen Sie das Interview bitte zurück."));
        }

        var validation = document.Questionnaire.Validate(Merge(document.Answers, given), completed ? ValidationMode.Complete : ValidationMode.Draft, interview.ConductedOn);
        if (!validation.IsValid)
        {
            return InterviewResult.Invalid(ErrorsOf(validation));
        }

        var now = Now();
        AuditEvent? changed = null;
        if (completed)
        {
            var changes = Changes(document, validation.Answers);
            if (changes.Count == 0 && consent is null)
            {
                return new InterviewResult(InterviewResultKind.Ok, document.View());
            }

            interview.EditsAfterCompletion++;
            changed = audit.Create(AuditActions.InterviewChanged, "interview", interview.Id.ToString(), new { status = interview.Status, changes }, actor: null);
        }

        ApplyConsent(interview, consent, now);
        interview.UpdatedAt = now;
        interview.NonSubstantiveAnswers = InterviewQuality.NonSubstantiveAnswers(document.Questionnaire.Definition, validation.Answers);
        return await SaveAsync(document, version!.Value, validation.Answers, changed, Submitted, cancellationToken);
    }

    /// <summary>
    /// Completes the interview: the whole interview is validated (errors per question; the draft stays as it was) and
    /// consent is required. Completing a completed interview with the same answers answers the same and stores nothing.
    /// </summary>
    public Task<InterviewResult> CompleteAsync(Guid id, CompleteInterviewInput input, CancellationToken cancellationToken)
    {
        var errors = new InputErrors();
        var given = InterviewAnswerJson.Read(input.Answers, errors);
        return CompleteAsync(id, input.Version, given, input.Consent, errors, cancellationToken);
    }

    /// <summary>Completes with typed last answers (null removes one); see <see cref="CompleteAsync(Guid, CompleteInterviewInput, CancellationToken)"/>.</summary>
    public Task<InterviewResult> CompleteAsync(
        Guid id, uint? version, IReadOnlyDictionary<string, AnswerValue?>? answers, ConsentInput? consent, CancellationToken cancellationToken) =>
        CompleteAsync(id, version, new Dictionary<string, AnswerValue?>(answers ?? new Dictionary<string, AnswerValue?>(), StringComparer.Ordinal), consent, new InputErrors(), cancellationToken);

    private async Task<InterviewResult> CompleteAsync(
        Guid id, uint? version, Dictionary<string, AnswerValue?> given, ConsentInput? consentInput, InputErrors errors, CancellationToken cancellationToken)
    {
        var (document, texts) = await OpenForChangeAsync(id, version, consentInput, cancellationToken);
        if (document is null)
        {
            return InterviewResult.NotFound();
        }

        var interview = document.Interview;
        if (interview.Status == Interview.Completed && !errors.Any)
        {
            var again = document.Questionnaire.Validate(Merge(document.Answers, given), ValidationMode.Complete, interview.ConductedOn);
            if (again.IsValid && Changes(document, again.Answers).Count == 0 && Consent(consentInput, texts, new InputErrors()) is not { Given: false })
            {
                return new InterviewResult(InterviewResultKind.Ok, document.View());
            }

            return await SaveAnswersAsync(document, texts, version, given, consentInput, errors, cancellationToken);
        }

        var consent = Consent(consentInput, texts, errors);
        // Only a conflict needs it.
        SubmittedChange Submitted() => new(version, InterviewAnswerJson.WriteSubmitted(given, document.Questionnaire.Definition), consentInput);
        if (Refusal(document, version, errors, Submitted) is { } refused)
        {
            return refused;
        }

        var validation = document.Questionnaire.Validate(Merge(document.Answers, given), ValidationMode.Complete, interview.ConductedOn);
        var invalid = validation.IsValid ? new InputErrors() : ErrorsOf(validation);
        if (!(consent?.Given ?? interview.ConsentGiven))
        {
            invalid.Add("consent", "Ohne dokumentierte Einwilligung der befragten Person kann das Interview nicht abgeschlossen werden.");
        }

        if (invalid.Any)
        {
            return InterviewResult.Invalid(invalid);
        }

        var now = Now();
        ApplyConsent(interview, consent, now);
        interview.Status = Interview.Completed;
        interview.CompletedAt = now;
        interview.UpdatedAt = now;
        interview.DurationSeconds = InterviewQuality.DurationSeconds(interview.CreatedAt, now);
        interview.NonSubstantiveAnswers = InterviewQuality.NonSubstantiveAnswers(document.Questionnaire.Definition, validation.Answers);
        var completed = audit.Create(AuditActions.InterviewCompleted, "interview", id.ToString(),
            new { answers = validation.Answers.Count, interview.DurationSeconds, interview.NonSubstantiveAnswers }, actor: null);
        return await SaveAsync(document, version!.Value, validation.Answers, completed, Submitted, cancellationToken);
    }

    /// <summary>Withdraws the interview (e.g. consent revoked); its answers leave every analysis. Audited with the reason.</summary>
    public async Task<InterviewResult> WithdrawAsync(Guid id, WithdrawInterviewInput input, CancellationToken cancellationToken)
    {
        var document = await OpenAsync(id, cancellationToken);
        if (document is null)
        {
            return InterviewResult.NotFound();
        }

        var errors = new InputErrors();
        var reason = input.Reason?.Trim() ?? "";
        if (reason.Length == 0)
        {
            errors.Add("reason", "Bitte geben Sie den Grund für das Zurückziehen an.");
        }
        else if (reason.Length > 500)
        {
            errors.Add("reason", "Der Grund darf höchstens 500 Zeichen lang sein.");
        }

        SubmittedChange Submitted() => new(input.Version, new Dictionary<string, object?>(), null);
        if (Refusal(document, input.Version, errors, Submitted) is { } refused)
        {
            return refused;
        }

        var interview = document.Interview;
        var now = Now();
        var withdrawn = audit.Create(AuditActions.InterviewChanged, "interview", id.ToString(),
            new { status = Interview.Withdrawn, previousStatus = interview.Status, reason }, actor: null);
        interview.Status = Interview.Withdrawn;
        interview.WithdrawnAt = now;
        interview.WithdrawalReason = reason;
        interview.UpdatedAt = now;
        return await SaveAsync(document, input.Version!.Value, document.Answers, withdrawn, Submitted, cancellationToken);
    }

    /// <summary>The interview if the user may work on it; refusals are logged and answered as "not found", so existence does not leak.</summary>
    public async Task<InterviewDocument?> OpenAsync(Guid id, CancellationToken cancellationToken) =>
        (await OpenForChangeAsync(id, null, null, cancellationToken)).Document;

    /// <summary>
    /// The interview as <see cref="OpenAsync"/> gives it, and the consent texts a change checks, in at most one round
    /// trip (none when this process stored the <paramref name="version"/> the client names and no consent is given).
    /// </summary>
    private async Task<(InterviewDocument? Document, ConsentTextLookup Texts)> OpenForChangeAsync(
        Guid id, uint? version, ConsentInput? consent, CancellationToken cancellationToken)
    {
        var (document, texts) = await store.LoadForChangeAsync(id, version, consent is not null, consent?.TextVersion?.Trim(), cancellationToken);
        if (document is not null && await access.MayWorkOnAsync(document.Interview, cancellationToken))
        {
            return (document, texts);
        }

        await audit.AccessDeniedAsync($"Interview {id} unbekannt oder nicht im eigenen Bereich", cancellationToken);
        return (null, texts);
    }

    // PostgreSQL keeps microseconds: the first answer must show the time exactly as it is read back later.
    private DateTimeOffset Now()
    {
        var now = clock.GetUtcNow();
        return now.AddTicks(-(now.Ticks % (TimeSpan.TicksPerMillisecond / 1000)));
    }

    private static InterviewResult? Refusal(InterviewDocument document, uint? version, InputErrors errors, Func<SubmittedChange> submitted)
    {
        if (version is null)
        {
            errors.Add("version", "Bitte geben Sie die zuletzt gelesene Version des Interviews an (Feld version).");
        }

        if (errors.Any)
        {
            return InterviewResult.Invalid(errors);
        }

        if (document.Interview.Status == Interview.Withdrawn)
        {
            return InterviewResult.Conflict("Das Interview wurde zurückgezogen und kann nicht mehr geändert werden.", document.View(), submitted());
        }

        return version != document.Interview.Version ? InterviewResult.Conflict(ConflictMessage, document.View(), submitted()) : null;
    }

    private async Task<InterviewResult> SaveAsync(
        InterviewDocument document, uint version, IReadOnlyDictionary<string, AnswerValue> answers, AuditEvent? audited, Func<SubmittedChange> submitted,
        CancellationToken cancellationToken)
    {
        if (await store.UpdateAsync(document, version, answers, audited, cancellationToken) is not { } stored)
        {
            // Changed by someone else between reading and writing: nothing was written; the client gets both versions.
            var current = await store.LoadAsync(document.Interview.Id, cancellationToken);
            return current is null ? InterviewResult.NotFound() : InterviewResult.Conflict(ConflictMessage, current.View(), submitted());
        }

        document.Interview.Version = stored;
        return new InterviewResult(InterviewResultKind.Ok, (document with { Answers = answers }).View());
    }

    private static Dictionary<string, AnswerValue> Merge(IReadOnlyDictionary<string, AnswerValue> stored, Dictionary<string, AnswerValue?> given)
    {
        var merged = new Dictionary<string, AnswerValue>(stored, StringComparer.Ordinal);
        foreach (var (name, answer) in given)
        {
            if (answer is null)
            {
                merged.Remove(name);
            }
            else
            {
                merged[name] = answer;
            }
        }

        return merged;
    }

    private static List<AnswerChange> Changes(InterviewDocument document, IReadOnlyDictionary<string, AnswerValue> answers)
    {
        var definition = document.Questionnaire.Definition;
        var before = InterviewAnswerJson.Write(document.Answers, definition);
        var after = InterviewAnswerJson.Write(answers, definition);
        return [.. document.Answers.Keys.Union(answers.Keys).Order(StringComparer.Ordinal)
            .Where(q => !Equals(document.Answers.GetValueOrDefault(q), answers.GetValueOrDefault(q)))
            .Select(q => new AnswerChange(q, before.GetValueOrDefault(q), after.GetValueOrDefault(q)))];
    }

    /// <summary>
    /// The engine's errors under the request's field names: "answers.{question}" or "answers.{question}.{row}", the
    /// same form as errors about an answer's JSON shape (<see cref="InterviewAnswerJson"/>).
    /// </summary>
    internal static InputErrors ErrorsOf(ValidationResult validation)
    {
        var errors = new InputErrors();
        foreach (var error in validation.Errors)
        {
            errors.Add(AnswerField(error.Question, error.Item), error.Message);
        }

        return errors;
    }

    public const string AnswersPrefix = "answers.";

    internal static string AnswerField(string question, string? item = null) =>
        item is null ? AnswersPrefix + question : $"{AnswersPrefix}{question}.{item}";

    private async Task<int?> NetworkAsync(string? key, InputErrors errors, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            if (scope.NetworkId is null)
            {
                errors.Add("network", "Bitte geben Sie den Verbund an.");
            }

            return scope.NetworkId;
        }

        var id = await db.Networks.Where(n => n.Key == key.Trim()).Select(n => (int?)n.Id).SingleOrDefaultAsync(cancellationToken);
        if (id is null || !scope.CanReadNetwork(id.Value))
        {
            errors.Add("network", $"Den Verbund „{key}“ gibt es nicht oder Sie gehören ihm nicht an.");
            return null;
        }

        return id;
    }

    /// <summary>The consent as given, with the text version the respondent agreed to (the newest when none was named).</summary>
    private static ConsentInput? Consent(ConsentInput? consent, ConsentTextLookup texts, InputErrors errors)
    {
        if (consent is null)
        {
            return null;
        }

        var textVersion = consent.TextVersion?.Trim();
        if (string.IsNullOrEmpty(textVersion))
        {
            textVersion = texts.Newest;
        }
        else if (!texts.RequestedExists)
        {
            errors.Add("consent.textVersion", $"Einen Einwilligungstext der Fassung „{textVersion}“ gibt es nicht.");
        }

        return consent with { TextVersion = textVersion };
    }

    private static void ApplyConsent(Interview interview, ConsentInput? consent, DateTimeOffset now)
    {
        if (consent is null || (consent.Given == interview.ConsentGiven && consent.TextVersion == interview.ConsentTextVersion))
        {
            return;
        }

        interview.ConsentGiven = consent.Given;
        interview.ConsentGivenAt = consent.Given ? now : null;
        interview.ConsentTextVersion = consent.Given ? consent.TextVersion : null;
    }
}

/// <summary>One changed answer of a completed interview, as the audit log keeps it.</summary>
public sealed record AnswerChange(string Question, object? Old, object? New);
