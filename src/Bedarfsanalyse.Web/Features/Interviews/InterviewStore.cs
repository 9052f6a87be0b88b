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
    /// <summary>The stored answer rows, tracked, so that saving writes only what changed.</summary>
    internal IReadOnlyList<Answer> Rows { get; init; } = [];

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
        var rows = await db.Answers.Where(a => a.InterviewId == id).ToListAsync(cancellationToken);
        var answers = AnswerRowMapping.FromRows(rows.Select(a => new AnswerRow(a.Question, a.Item, a.Position, a.Code, a.Number, a.Text, a.Date)));
        return new InterviewDocument(row.Interview, row.Network, row.Questionnaire, row.Number, compiled, answers) { Rows = rows };
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
    /// Writes the answers and the interview row in one statement batch (one transaction): rows that disappeared are
    /// deleted, changed ones updated, new ones inserted, unchanged ones left alone, so a page save touches only its
    /// page. The row's concurrency token must still be <paramref name="expectedVersion"/>, otherwise
    /// <see cref="DbUpdateConcurrencyException"/> (or, when a concurrent writer inserted the same answer first, a unique
    /// violation) and nothing changes.
    /// </summary>
    public async Task SaveAsync(InterviewDocument document, uint expectedVersion, IReadOnlyDictionary<string, AnswerValue> answers, CancellationToken cancellationToken)
    {
        var interview = document.Interview;
        db.Entry(interview).Property(i => i.Version).OriginalValue = expectedVersion;
        db.Entry(interview).Property(i => i.UpdatedAt).IsModified = true;
        var stored = document.Rows.ToDictionary(a => (a.Question, a.Item, a.Position));
        foreach (var row in AnswerRowMapping.ToRows(answers))
        {
            if (stored.Remove((row.Question, row.Item, row.Position), out var existing))
            {
                if (existing.Code != row.Code || existing.Number != row.Number || existing.Text != row.Text || existing.Date != row.Date)
                {
                    (existing.Code, existing.Number, existing.Text, existing.Date) = (row.Code, row.Number, row.Text, row.Date);
                }
            }
            else
            {
                db.Answers.Add(ToEntity(interview.Id, row));
            }
        }

        db.Answers.RemoveRange(stored.Values);
        await db.SaveChangesAsync(cancellationToken);
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
