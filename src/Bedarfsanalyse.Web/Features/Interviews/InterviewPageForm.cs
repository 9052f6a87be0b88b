using Bedarfsanalyse.Core.Questionnaires;
using Bedarfsanalyse.Core.Questionnaires.Answers;
using Bedarfsanalyse.Core.Questionnaires.Evaluation;
using Microsoft.Extensions.Primitives;

namespace Bedarfsanalyse.Web.Features.Interviews;

/// <summary>
/// The HTML form of one questionnaire page: field names per question and the posted form turned into answers. Every
/// answerable question of the page is in the form (hidden while not relevant), so a missing value means "no answer".
/// The values are passed to the engine as typed, which normalises German numbers and dates and reports what is wrong.
/// </summary>
public static class InterviewPageForm
{
    public const string Prefix = "q.";

    public static string FieldName(string question) => Prefix + question;

    public static string FieldName(string question, string item) => $"{Prefix}{question}.{item}";

    /// <summary>The answerable questions of a page, nested groups included, in page order.</summary>
    public static IEnumerable<ElementState> Questions(IEnumerable<ElementState> elements) =>
        elements.SelectMany(e => e.Element is Group ? Questions(e.Elements) : e.IsAnswerable ? [e] : []);

    /// <summary>Errors of a change keyed by question (and "question.row") as the screens show them, without the API's "answers." prefix.</summary>
    public static IReadOnlyDictionary<string, List<string>> ErrorsByQuestion(InputErrors errors) =>
        errors.ByField.ToDictionary(
            e => e.Key.StartsWith(InterviewCapture.AnswersPrefix, StringComparison.Ordinal) ? e.Key[InterviewCapture.AnswersPrefix.Length..] : e.Key,
            e => e.Value,
            StringComparer.Ordinal);

    public static Dictionary<string, AnswerValue?> Read(PageState page, QuestionnaireDefinition definition, IFormCollection form)
    {
        var answers = new Dictionary<string, AnswerValue?>(StringComparer.Ordinal);
        foreach (var question in Questions(page.Elements))
        {
            answers[question.Name] = Read(question.Element, definition, form);
        }

        return answers;
    }

    private static AnswerValue? Read(Element element, QuestionnaireDefinition definition, IFormCollection form)
    {
        var name = element.Name;
        switch (element)
        {
            case MultipleChoiceQuestion:
                var codes = Values(form[FieldName(name)]);
                return codes.Count == 0 ? null : new ChoiceAnswer([.. codes]);
            case RankingQuestion ranking:
                var ranks = new List<(decimal Rank, string Code)>();
                foreach (var choice in definition.FindChoiceList(ranking.ListName)?.Choices ?? [])
                {
                    var text = form[FieldName(name, choice.Code)].ToString().Trim();
                    if (text.Length > 0)
                    {
                        // A rank that is not a number keeps its place at the end; the engine then reports the incomplete ranking.
                        ranks.Add((decimal.TryParse(text, out var rank) ? rank : decimal.MaxValue, choice.Code));
                    }
                }

                return ranks.Count == 0 ? null : new ChoiceAnswer([.. ranks.OrderBy(r => r.Rank).Select(r => r.Code)]);
            case MatrixQuestion matrix:
                var rows = new List<KeyValuePair<string, ValueList<string>>>();
                foreach (var row in definition.FindChoiceList(matrix.RowListName)?.Choices ?? [])
                {
                    var cells = Values(form[FieldName(name, row.Code)]);
                    if (cells.Count > 0)
                    {
                        rows.Add(new(row.Code, [.. cells]));
                    }
                }

                return rows.Count == 0 ? null : new MatrixAnswer(new ValueMap<ValueList<string>>(rows));
            case ChoiceQuestion:
                var code = form[FieldName(name)].ToString().Trim();
                return code.Length == 0 ? null : new ChoiceAnswer([code]);
            default:
                var value = form[FieldName(name)].ToString();
                return string.IsNullOrWhiteSpace(value) ? null : new TextAnswer(value.Trim());
        }
    }

    private static List<string> Values(StringValues values) =>
        [.. values.Select(v => v?.Trim() ?? "").Where(v => v.Length > 0).Distinct(StringComparer.Ordinal)];

    /// <summary>Stored answers with a page's posted answers laid over them (null removes).</summary>
    public static Dictionary<string, AnswerValue> Merge(IReadOnlyDictionary<string, AnswerValue> stored, IReadOnlyDictionary<string, AnswerValue?> posted)
    {
        var merged = new Dictionary<string, AnswerValue>(stored, StringComparer.Ordinal);
        foreach (var (name, answer) in posted)
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
}
