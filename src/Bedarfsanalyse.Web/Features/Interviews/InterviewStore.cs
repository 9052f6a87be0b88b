using Bedarfsanalyse.Core.Questionnaires.Answers;
using Bedarfsanalyse.Core.Questionnaires.Evaluation;
using Bedarfsanalyse.Data;
using Bedarfsanalyse.Data.Interviews;
using Bedarfsanalyse.Web.Features.Questionnaires;
using Microsoft.EntityFrameworkCore;

namespace Bedarfsanalyse.Web.Features.Interviews;

/// <summary>An interview loaded for work: the row (tracked), its compiled questionnaire and its stored answers.</summary>
public sealed record InterviewDocument(
    Interview Interview, string NetworkKey, string QuestionnaireKey, int QuestionnaireNumber,
    CompiledQuestionnaire Questionnaire, IReadOnlyDictionary<string, AnswerValue> Answers)
{
    public InterviewView View(bool withAnswers = true) => InterviewStore.ViewOf(
        Interview, NetworkKey, QuestionnaireKey, QuestionnaireNumber, withAnswers ? InterviewAnswerJson.Write(Answers, Questionnaire.Definition) : null);
}

/// <summary>Loads interviews with what working on them needs, and writes their answers as rows (docs/adr/0002-answer-storage.md).</summary>
public sealed class InterviewStore(BedarfsanalyseDb db, CompiledQuestionnaires questionnaires)
{
    /// <summary>The interview, tracked for changes, or null when there is none with this id.</summary>
    public async Task<InterviewDocument?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var row = await db.Interviews
            .Where(i => i.Id == id)
            .Select(i => new { Interview = i, Network = i.Network!.Key, Questionnaire = i.QuestionnaireVersion!.Questionnaire!.Key, Number = i.QuestionnaireVersion.Number })
            .SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        var compiled = await questionnaires.GetAsync(row.Interview.QuestionnaireVersionId, cancellationToken)
            ?? throw new InvalidOperationException($"Questionnaire version {row.Interview.QuestionnaireVersionId} of interview {id} is missing.");
        return new InterviewDocument(row.Interview, row.Network, row.Questionnaire, row.Number, compiled, await AnswersAsync(id, cancellationToken));
    }

    public async Task<IReadOnlyDictionary<string, AnswerValue>> AnswersAsync(Guid id, CancellationToken cancellationToken)
    {
        var rows = await db.Answers.AsNoTracking().Where(a => a.InterviewId == id)
            .Select(a => new AnswerRow(a.Question, a.Item, a.Position, a.Code, a.Number, a.Text, a.Date))
            .ToListAsync(cancellationToken);
        return AnswerRowMapping.FromRows(rows);
    }

    /// <summary>Stages the answer rows of a new interview (written by the caller's SaveChanges).</summary>
    public void AddAnswers(Guid id, IReadOnlyDictionary<string, AnswerValue> answers) =>
        db.Answers.AddRange(AnswerRowMapping.ToRows(answers).Select(r => ToEntity(id, r)));

    /// <summary>
    /// Replaces the stored answers and saves the interview row in one transaction; the row's concurrency token must
    /// still be <paramref name="expectedVersion"/>, otherwise <see cref="DbUpdateConcurrencyException"/> and nothing changes.
    /// </summary>
    public async Task SaveAsync(Interview interview, uint expectedVersion, IReadOnlyDictionary<string, AnswerValue> answers, CancellationToken cancellationToken)
    {
        db.Entry(interview).Property(i => i.Version).OriginalValue = expectedVersion;
        db.Entry(interview).Property(i => i.UpdatedAt).IsModified = true;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The row is updated (and so locked) first: a second writer of the same interview waits for this transaction
        // and then fails the version check, so two writers never interleave their answers.
        await db.SaveChangesAsync(cancellationToken);
        await db.Answers.Where(a => a.InterviewId == interview.Id).ExecuteDeleteAsync(cancellationToken);
        AddAnswers(interview.Id, answers);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static Answer ToEntity(Guid id, AnswerRow row) => new()
    {
        InterviewId = id,
        Question = row.Question,
        Item = row.Item,
        Position = row.Position,
        Code = row.Code,
        Number = row.Number,
        Text = row.Text,
        Date = row.Date,
    };

    internal static InterviewView ViewOf(Interview i, string network, string questionnaire, int number, IReadOnlyDictionary<string, object>? answers) => new(
        i.Id, network, questionnaire, number, i.RespondentGroupCode, i.DistrictKey, i.EstablishmentId, i.InterviewerId, i.ConductedOn,
        i.Status, i.ConsentGiven, i.ConsentTextVersion, i.CreatedAt, i.UpdatedAt, i.CompletedAt, i.WithdrawnAt, i.WithdrawalReason,
        i.DurationSeconds, i.EditsAfterCompletion, i.NonSubstantiveAnswers, i.Version, answers);
}
