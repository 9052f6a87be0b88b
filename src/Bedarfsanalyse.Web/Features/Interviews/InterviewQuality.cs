using Bedarfsanalyse.Core.Questionnaires;
using Bedarfsanalyse.Core.Questionnaires.Answers;

namespace Bedarfsanalyse.Web.Features.Interviews;

/// <summary>Quality signals kept with each interview.</summary>
public static class InterviewQuality
{
    /// <summary>
    /// Answers that say nothing about the subject: chosen options marked non-substantive in the questionnaire
    /// ("weiß nicht", "keine Angabe"), one per question or matrix row, whatever their code is in a given list.
    /// </summary>
    public static int NonSubstantiveAnswers(QuestionnaireDefinition definition, IReadOnlyDictionary<string, AnswerValue> answers)
    {
        var count = 0;
        foreach (var question in definition.Questions())
        {
            if (!answers.TryGetValue(question.Name, out var answer))
            {
                continue;
            }

            switch (question, answer)
            {
                case (ChoiceQuestion choice, ChoiceAnswer chosen) when definition.FindChoiceList(choice.ListName) is { } list:
                    count += chosen.Codes.Any(c => list.Find(c)?.NonSubstantive == true) ? 1 : 0;
                    break;
                case (MatrixQuestion matrix, MatrixAnswer rows) when definition.FindChoiceList(matrix.ScaleListName) is { } scale:
                    count += rows.Rows.Count(r => r.Value.Any(c => scale.Find(c)?.NonSubstantive == true));
                    break;
            }
        }

        return count;
    }

    /// <summary>Seconds from the first save to completion (never negative, capped at what the column holds).</summary>
    public static int DurationSeconds(DateTimeOffset createdAt, DateTimeOffset completedAt) =>
        (int)Math.Clamp((completedAt - createdAt).TotalSeconds, 0, int.MaxValue);
}
