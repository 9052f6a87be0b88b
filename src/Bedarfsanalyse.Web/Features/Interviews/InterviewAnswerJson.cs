using System.Runtime.CompilerServices;
using System.Text.Json;
using Bedarfsanalyse.Core.Questionnaires;
using Bedarfsanalyse.Core.Questionnaires.Answers;

namespace Bedarfsanalyse.Web.Features.Interviews;

/// <summary>
/// Answers as JSON clients send and read them: a string (code, text, number or date as typed), a number, an array of
/// codes (multiple choice, ranking) or an object of matrix rows (row → code or array of codes); null removes an answer.
/// The engine normalises what is loose, so this only maps shapes.
/// </summary>
public static class InterviewAnswerJson
{
    // Which questions answer with lists, per definition: every response writes answers, and walking the definition for it each time showed in the profile.
    private static readonly ConditionalWeakTable<QuestionnaireDefinition, ListQuestions> ListAnswers = new();

    /// <summary>The submitted answers; null values are returned as null (meaning "remove"). Shapes no question takes are errors.</summary>
    public static Dictionary<string, AnswerValue?> Read(IReadOnlyDictionary<string, JsonElement>? answers, InputErrors errors)
    {
        var result = new Dictionary<string, AnswerValue?>(StringComparer.Ordinal);
        foreach (var (name, value) in answers ?? new Dictionary<string, JsonElement>())
        {
            var answer = ToAnswer(value);
            if (answer is Shape.Invalid)
            {
                errors.Add(InterviewCapture.AnswerField(name), $"Die Antwort auf „{name}“ hat eine unbrauchbare Form: erwartet wird Text, eine Zahl, eine Liste von Codes oder für Matrixfragen ein Objekt je Zeile.");
                continue;
            }

            result[name] = answer is Shape.Remove ? null : ((Shape.Value)answer).Answer;
        }

        return result;
    }

    private static Shape ToAnswer(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Null or JsonValueKind.Undefined:
                return new Shape.Remove();
            case JsonValueKind.String:
                return new Shape.Value(new TextAnswer(value.GetString()!));
            case JsonValueKind.Number when value.TryGetDecimal(out var number):
                return new Shape.Value(new NumberAnswer(number));
            case JsonValueKind.Array when Codes(value) is { } codes:
                return new Shape.Value(new ChoiceAnswer(codes));
            case JsonValueKind.Object:
                var rows = new List<KeyValuePair<string, ValueList<string>>>();
                foreach (var row in value.EnumerateObject())
                {
                    if (row.Value.ValueKind == JsonValueKind.String)
                    {
                        rows.Add(new(row.Name, [row.Value.GetString()!]));
                    }
                    else if (row.Value.ValueKind == JsonValueKind.Array && Codes(row.Value) is { } rowCodes)
                    {
                        rows.Add(new(row.Name, rowCodes));
                    }
                    else if (row.Value.ValueKind != JsonValueKind.Null)
                    {
                        return new Shape.Invalid();
                    }
                }

                return new Shape.Value(new MatrixAnswer(new ValueMap<ValueList<string>>(rows)));
            default:
                return new Shape.Invalid();
        }
    }

    private static ValueList<string>? Codes(JsonElement array)
    {
        var codes = new List<string>();
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                return null;
            }

            codes.Add(item.GetString()!);
        }

        return [.. codes];
    }

    /// <summary>Normalised answers for a JSON response: one code as a string for single-answer questions, lists otherwise.</summary>
    public static Dictionary<string, object> Write(IReadOnlyDictionary<string, AnswerValue> answers, QuestionnaireDefinition definition)
    {
        var (multiple, multipleMatrix) = ListAnswers.GetValue(definition, d => new ListQuestions(
            d.Questions().Where(q => q is MultipleChoiceQuestion or RankingQuestion).Select(q => q.Name).ToHashSet(StringComparer.Ordinal),
            d.Questions().OfType<MatrixQuestion>().Where(q => q.MultipleAnswers).Select(q => q.Name).ToHashSet(StringComparer.Ordinal)));
        var result = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (name, answer) in answers.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            result[name] = answer switch
            {
                ChoiceAnswer choice when multiple.Contains(name) || choice.Codes.Count != 1 => choice.Codes.ToArray(),
                ChoiceAnswer choice => choice.Codes[0],
                MatrixAnswer matrix => matrix.Rows.ToDictionary(
                    r => r.Key, r => multipleMatrix.Contains(name) || r.Value.Count != 1 ? (object)r.Value.ToArray() : r.Value[0], StringComparer.Ordinal),
                NumberAnswer number => number.Value,
                TextAnswer text => text.Value,
                DateAnswer date => date.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                _ => throw new ArgumentException($"Unknown answer type for {name}.", nameof(answers)),
            };
        }

        return result;
    }

    /// <summary>Answers as a client sent them (null: remove), for a conflict answer to repeat.</summary>
    public static Dictionary<string, object?> WriteSubmitted(IReadOnlyDictionary<string, AnswerValue?> answers, QuestionnaireDefinition definition)
    {
        var present = Write(answers.Where(a => a.Value is not null).ToDictionary(a => a.Key, a => a.Value!, StringComparer.Ordinal), definition);
        return answers.OrderBy(a => a.Key, StringComparer.Ordinal).ToDictionary(a => a.Key, a => present.GetValueOrDefault(a.Key), StringComparer.Ordinal);
    }

    private sealed record ListQuestions(HashSet<string> Multiple, HashSet<string> MultipleMatrix);

    private abstract record Shape
    {
        public sealed record Value(AnswerValue Answer) : Shape;

        public sealed record Remove : Shape;

        public sealed record Invalid : Shape;
    }
}
