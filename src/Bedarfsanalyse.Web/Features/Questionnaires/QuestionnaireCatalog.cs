using Bedarfsanalyse.Core.Questionnaires;
using Bedarfsanalyse.Core.Questionnaires.Checking;
using Bedarfsanalyse.Core.Questionnaires.Json;
using Bedarfsanalyse.Core.Questionnaires.Versions;
using Bedarfsanalyse.Data;
using Bedarfsanalyse.Data.Questionnaires;
using Bedarfsanalyse.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Bedarfsanalyse.Web.Features.Questionnaires;

/// <summary>
/// Questionnaires and their versions in the database. A draft may change; publishing runs the static checks and
/// freezes the version (the database refuses any later change); a change after that becomes a new version.
/// </summary>
public sealed class QuestionnaireCatalog(BedarfsanalyseDb db, AuditLog audit, TimeProvider clock)
{
    public async Task<IReadOnlyList<QuestionnaireSummary>> ListAsync(bool includeDrafts, CancellationToken cancellationToken)
    {
        var questionnaires = await db.Questionnaires.Include(q => q.Versions).OrderBy(q => q.Key).ToListAsync(cancellationToken);
        return questionnaires
            .Select(q => new QuestionnaireSummary(q.Key, q.Title, q.Versions
                .Where(v => includeDrafts || v.Status == QuestionnaireVersion.Published)
                .OrderByDescending(v => v.Number)
                .Select(v => new VersionSummary(v.Number, v.Status, v.PublishedAt))
                .ToList()))
            .Where(q => q.Versions.Count > 0)
            .ToList();
    }

    /// <summary>The stored version, or null.</summary>
    public async Task<QuestionnaireVersion?> FindAsync(string key, int number, CancellationToken cancellationToken) =>
        await db.QuestionnaireVersions.Include(v => v.Questionnaire)
            .SingleOrDefaultAsync(v => v.Questionnaire!.Key == key && v.Number == number, cancellationToken);

    /// <summary>The newest published version of a questionnaire, or null.</summary>
    public async Task<QuestionnaireVersion?> LatestPublishedAsync(string key, CancellationToken cancellationToken) =>
        await db.QuestionnaireVersions.Include(v => v.Questionnaire)
            .Where(v => v.Questionnaire!.Key == key && v.Status == QuestionnaireVersion.Published)
            .OrderByDescending(v => v.Number)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>The questionnaire's open (unpublished) draft, or null.</summary>
    public async Task<OpenDraft?> FindOpenDraftAsync(string key, CancellationToken cancellationToken) =>
        await db.QuestionnaireVersions
            .Where(v => v.Questionnaire!.Key == key && v.Status == QuestionnaireVersion.Draft)
            .Select(v => new OpenDraft(key, v.Number))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// Stores a definition as the questionnaire's next version, or replaces its open draft when
    /// <paramref name="replaceDraft"/> says so (an open draft is never replaced unasked: it may be someone's work).
    /// With <paramref name="publish"/> the version is published in the same save, so a refused or failed publication
    /// leaves nothing behind. Findings of the static checks stop publishing, not a draft.
    /// </summary>
    public async Task<StoreOutcome> StoreAsync(QuestionnaireDefinition definition, bool publish, bool replaceDraft, CancellationToken cancellationToken)
    {
        var problems = QuestionnaireChecker.Check(definition);
        if (publish && !QuestionnaireChecker.CanBePublished(problems))
        {
            return ErrorsOf(problems);
        }

        if (problems.Any(p => p.Code is "invalid_key" or "title_too_long"))
        {
            // A draft may have errors, but not a key or title the table cannot hold.
            return ErrorsOf(problems);
        }

        var questionnaire = await db.Questionnaires.Include(q => q.Versions).SingleOrDefaultAsync(q => q.Key == definition.Key, cancellationToken);
        if (questionnaire is null)
        {
            questionnaire = new Questionnaire { Key = definition.Key, Title = definition.Title, CreatedAt = clock.GetUtcNow() };
            db.Questionnaires.Add(questionnaire);
        }

        var latest = questionnaire.Versions.MaxBy(v => v.Number);
        if (latest is { Status: QuestionnaireVersion.Draft } && !replaceDraft)
        {
            return new OpenDraft(definition.Key, latest.Number);
        }

        questionnaire.Title = definition.Title;
        var json = QuestionnaireJson.Serialize(definition);
        QuestionnaireVersion version;
        if (latest is { Status: QuestionnaireVersion.Draft })
        {
            version = latest;
            version.Definition = json;
        }
        else
        {
            version = new QuestionnaireVersion { Number = (latest?.Number ?? 0) + 1, Definition = json, CreatedAt = clock.GetUtcNow() };
            questionnaire.Versions.Add(version);
        }

        audit.Add(AuditActions.QuestionnaireSaved, "questionnaire", $"{definition.Key}/{version.Number}", new { definition.Title, questions = definition.Questions().Count() });
        if (publish)
        {
            version.Status = QuestionnaireVersion.Published;
            version.PublishedAt = clock.GetUtcNow();
            audit.Add(AuditActions.QuestionnairePublished, "questionnaire", $"{definition.Key}/{version.Number}");
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Someone stored a version of the same questionnaire at the same moment; nothing of this one was saved.
            db.ChangeTracker.Clear();
            return InputErrors.Of("version", $"„{definition.Key}“ wurde gerade gleichzeitig geändert; es wurde nichts gespeichert. Bitte versuchen Sie es erneut.");
        }

        return new SavedVersion(definition.Key, version.Number, version.Status, problems, await ChangesSincePublishedAsync(questionnaire.Id, definition, version.Number, cancellationToken));
    }

    private static InputErrors ErrorsOf(IReadOnlyList<DefinitionProblem> problems)
    {
        var errors = new InputErrors();
        foreach (var problem in problems.Where(p => p.Severity == ProblemSeverity.Error))
        {
            errors.Add("definition", problem.Message);
        }

        return errors;
    }

    /// <summary>Publishes a draft after the static checks; errors refuse it and leave it a draft.</summary>
    public async Task<Outcome<SavedVersion>> PublishAsync(string key, int number, CancellationToken cancellationToken)
    {
        var version = await FindAsync(key, number, cancellationToken);
        if (version is null)
        {
            return InputErrors.Of("version", $"Den Fragebogen „{key}“ in Version {number} gibt es nicht.");
        }

        var definition = QuestionnaireJson.Deserialize(version.Definition);
        var problems = QuestionnaireChecker.Check(definition);
        if (version.Status == QuestionnaireVersion.Published)
        {
            return new SavedVersion(key, number, version.Status, problems, null);
        }

        if (!QuestionnaireChecker.CanBePublished(problems))
        {
            return ErrorsOf(problems);
        }

        version.Status = QuestionnaireVersion.Published;
        version.PublishedAt = clock.GetUtcNow();
        audit.Add(AuditActions.QuestionnairePublished, "questionnaire", $"{key}/{number}");
        await db.SaveChangesAsync(cancellationToken);
        return new SavedVersion(key, number, version.Status, problems, await ChangesSincePublishedAsync(version.QuestionnaireId, definition, number, cancellationToken));
    }

    /// <summary>Replaces a draft's definition; a published version is refused with the reason.</summary>
    public async Task<Outcome<SavedVersion>> UpdateDraftAsync(string key, int number, QuestionnaireDefinition definition, CancellationToken cancellationToken)
    {
        var version = await FindAsync(key, number, cancellationToken);
        if (version is null)
        {
            return InputErrors.Of("version", $"Den Fragebogen „{key}“ in Version {number} gibt es nicht.");
        }

        if (version.Status == QuestionnaireVersion.Published)
        {
            return InputErrors.Of("version",
                $"Version {number} von „{key}“ ist veröffentlicht und unveränderlich: Interviews sind mit ihr geführt worden. " +
                "Laden Sie die Änderung als neue Version hoch (sie wird Version " + (number + 1) + " oder höher).");
        }

        if (definition.Key != key)
        {
            return InputErrors.Of("key", $"Der Schlüssel „{definition.Key}“ passt nicht zu „{key}“.");
        }

        // The caller names this draft by its number: replacing it is what was asked for.
        var stored = await StoreAsync(definition, publish: false, replaceDraft: true, cancellationToken);
        return stored.Saved is { } saved ? saved : stored.Errors ?? InputErrors.Of("version", stored.Draft!.Message(""));
    }

    private async Task<QuestionnaireDiff?> ChangesSincePublishedAsync(int questionnaireId, QuestionnaireDefinition definition, int number, CancellationToken cancellationToken)
    {
        var previous = await db.QuestionnaireVersions
            .Where(v => v.QuestionnaireId == questionnaireId && v.Status == QuestionnaireVersion.Published && v.Number < number)
            .OrderByDescending(v => v.Number)
            .Select(v => v.Definition)
            .FirstOrDefaultAsync(cancellationToken);
        return previous is null ? null : QuestionnaireDiff.Compare(QuestionnaireJson.Deserialize(previous), definition);
    }
}

public sealed record QuestionnaireSummary(string Key, string Title, IReadOnlyList<VersionSummary> Versions);

public sealed record VersionSummary(int Number, string Status, DateTimeOffset? PublishedAt);

/// <summary>An unpublished draft that storing another definition would replace.</summary>
public sealed record OpenDraft(string Key, int Number)
{
    /// <summary>The German refusal; <paramref name="howToReplace"/> says how the caller's interface asks for a replacement.</summary>
    public string Message(string howToReplace) =>
        $"Für „{Key}“ gibt es schon einen unveröffentlichten Entwurf (Version {Number}). Er wird nicht ungefragt ersetzt, damit keine Arbeit verloren geht: " +
        $"Veröffentlichen Sie ihn zuerst{(howToReplace.Length > 0 ? ", oder " + howToReplace : "")}.";
}

/// <summary>The result of storing a definition: the stored version, what is wrong with the definition, or the open draft in the way.</summary>
public sealed record StoreOutcome(SavedVersion? Saved, InputErrors? Errors, OpenDraft? Draft)
{
    public bool Succeeded => Saved is not null;

    public static implicit operator StoreOutcome(SavedVersion saved) => new(saved, null, null);

    public static implicit operator StoreOutcome(InputErrors errors) => new(null, errors, null);

    public static implicit operator StoreOutcome(OpenDraft draft) => new(null, null, draft);
}

/// <summary>A stored version, the findings of the static checks, and what changed since the last published version.</summary>
public sealed record SavedVersion(string Key, int Number, string Status, IReadOnlyList<DefinitionProblem> Problems, QuestionnaireDiff? Changes)
{
    public bool Publishable => QuestionnaireChecker.CanBePublished(Problems);
}
