using System.Globalization;
using System.Text.RegularExpressions;
using Bedarfsanalyse.Core.Formatting;
using Bedarfsanalyse.Core.Questionnaires.Answers;
using Bedarfsanalyse.Core.Questionnaires.Expressions;

namespace Bedarfsanalyse.Core.Questionnaires.Evaluation;

/// <summary>
/// Brings one submitted answer into its normalised shape (see <see cref="AnswerValue"/>) and checks what needs no
/// other answers: type, codes, bounds, length. Returns null when the answer is missing or invalid.
/// </summary>
internal static partial class AnswerNormaliser
{
    public static AnswerValue? Normalise(CompiledNode node, AnswerValue input, List<AnswerError> errors)
    {
        var question = node.Question!;
        return question switch
        {
            MultipleChoiceQuestion => Multiple(node, input, errors),
            RankingQuestion => Ranking(node, input, errors),
            ChoiceQuestion => Single(node, input, errors),
            MatrixQuestion matrix => Matrix(node, matrix, input, errors),
            NumberQuestion number => Number(node, number, input, errors),
            ShortTextQuestion => Text(node, input, errors, ShortTextQuestion.MaxLength, singleLine: true),
            LongTextQuestion => Text(node, input, errors, LongTextQuestion.MaxLength, singleLine: false),
            DateQuestion => Date(node, input, errors),
            _ => null,
        };
    }

    /// <summary>The value expressions see for a normalised answer.</summary>
    public static Value RuntimeValue(CompiledNode node, AnswerValue? answer) => answer switch
    {
        null => Value.Empty,
        ChoiceAnswer choice when node.ValueType.Kind == DataKind.ChoiceSet => Value.Of(choice.Codes),
        ChoiceAnswer choice => Value.Of(choice.Codes.IsEmpty ? null : choice.Codes[0]),
        NumberAnswer number => Value.Of(number.Value),
        TextAnswer text => Value.Of(text.Value),
        DateAnswer date => Value.Of(date.Value),
        _ => Value.Empty,
    };

    private static void Add(List<AnswerError> errors, CompiledNode node, string code, string message, string? item = null) =>
        errors.Add(new AnswerError(node.Name, item, code, message));

    private static List<string>? Codes(CompiledNode node, AnswerValue input, List<AnswerError> errors)
    {
        switch (input)
        {
            case ChoiceAnswer choice:
                return [.. choice.Codes.Select(c => c?.Trim() ?? "").Where(c => c.Length > 0)];
            case TextAnswer text:
                // XLSForm writes several codes separated by spaces.
                return [.. text.Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)];
            default:
                Add(errors, node, AnswerErrorCodes.WrongType, "Bitte wählen Sie eine Antwort aus den vorgegebenen Möglichkeiten.");
                return null;
        }
    }

    private static bool IsKnown(CompiledNode node, ChoiceList list, string code) =>
        list.Find(code) is not null || (node.Other is not null && code == OtherOption.Code);

    private static bool CheckKnown(CompiledNode node, ChoiceList list, IEnumerable<string> codes, List<AnswerError> errors, string? item = null)
    {
        var unknown = codes.Where(c => !IsKnown(node, list, c)).ToList();
        if (unknown.Count == 0)
        {
            return true;
        }

        Add(errors, node, AnswerErrorCodes.UnknownChoice, unknown.Count == 1
            ? $"„{unknown[0]}“ ist keine Antwortmöglichkeit dieser Frage."
            : $"{string.Join(", ", unknown.Select(c => $"„{c}“"))} sind keine Antwortmöglichkeiten dieser Frage.", item);
        return false;
    }

    private static AnswerValue? Single(CompiledNode node, AnswerValue input, List<AnswerError> errors)
    {
        if (Codes(node, input, errors) is not { } codes || codes.Count == 0)
        {
            return null;
        }

        var distinct = codes.Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count > 1)
        {
            Add(errors, node, AnswerErrorCodes.TooManyChoices, "Bitte wählen Sie nur eine Antwort.");
            return null;
        }

        return CheckKnown(node, node.List!, distinct, errors) ? new ChoiceAnswer([distinct[0]]) : null;
    }

    private static AnswerValue? Multiple(CompiledNode node, AnswerValue input, List<AnswerError> errors)
    {
        if (Codes(node, input, errors) is not { } codes || codes.Count == 0)
        {
            return null;
        }

        var list = node.List!;
        var distinct = codes.Distinct(StringComparer.Ordinal).ToList();
        if (!CheckKnown(node, list, distinct, errors) || !CheckExclusive(node, list, distinct, errors))
        {
            return null;
        }

        return new ChoiceAnswer([.. distinct.OrderBy(c => ListIndex(list, c))]);
    }

    /// <summary>"weiß nicht" and "keine Angabe" say that there is no answer; they cannot be ticked next to one.</summary>
    private static bool CheckExclusive(CompiledNode node, ChoiceList list, List<string> codes, List<AnswerError> errors, string? item = null)
    {
        if (codes.Count < 2)
        {
            return true;
        }

        var exclusive = codes.Select(list.Find).FirstOrDefault(c => c is { NonSubstantive: true });
        if (exclusive is null)
        {
            return true;
        }

        Add(errors, node, AnswerErrorCodes.ExclusiveChoice, $"„{exclusive.Label.Default}“ kann nicht zusammen mit anderen Antworten gewählt werden.", item);
        return false;
    }

    private static int ListIndex(ChoiceList list, string code)
    {
        for (var i = 0; i < list.Choices.Count; i++)
        {
            if (list.Choices[i].Code == code)
            {
                return i;
            }
        }

        return int.MaxValue; // "other" comes last
    }

    private static AnswerValue? Ranking(CompiledNode node, AnswerValue input, List<AnswerError> errors)
    {
        if (Codes(node, input, errors) is not { } codes || codes.Count == 0)
        {
            return null;
        }

        if (codes.Distinct(StringComparer.Ordinal).Count() != codes.Count)
        {
            Add(errors, node, AnswerErrorCodes.DuplicateChoice, "Jede Antwortmöglichkeit darf in der Rangfolge nur einmal vorkommen.");
            return null;
        }

        return CheckKnown(node, node.List!, codes, errors) ? new ChoiceAnswer([.. codes]) : null;
    }

    private static AnswerValue? Matrix(CompiledNode node, MatrixQuestion matrix, AnswerValue input, List<AnswerError> errors)
    {
        if (input is not MatrixAnswer answer)
        {
            Add(errors, node, AnswerErrorCodes.WrongType, "Bitte beantworten Sie die Matrix zeilenweise.");
            return null;
        }

        var rows = node.List!;
        var scale = node.ScaleList!;
        var kept = new List<KeyValuePair<string, ValueList<string>>>();
        foreach (var (row, given) in answer.Rows)
        {
            var codes = given.Select(c => c?.Trim() ?? "").Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).ToList();
            if (codes.Count == 0)
            {
                continue;
            }

            if (rows.Find(row) is null)
            {
                Add(errors, node, AnswerErrorCodes.UnknownRow, $"Die Zeile „{row}“ gibt es in dieser Matrix nicht.", row);
                continue;
            }

            if (!matrix.MultipleAnswers && codes.Count > 1)
            {
                Add(errors, node, AnswerErrorCodes.TooManyChoices, "Bitte wählen Sie in dieser Zeile nur eine Antwort.", row);
                continue;
            }

            var unknown = codes.Where(c => scale.Find(c) is null).ToList();
            if (unknown.Count > 0)
            {
                Add(errors, node, AnswerErrorCodes.UnknownChoice, $"„{unknown[0]}“ ist keine Antwortmöglichkeit dieser Matrix.", row);
                continue;
            }

            if (!CheckExclusive(node, scale, codes, errors, row))
            {
                continue;
            }

            kept.Add(new(row, [.. codes.OrderBy(c => ListIndex(scale, c))]));
        }

        return kept.Count == 0 ? null : new MatrixAnswer(new ValueMap<ValueList<string>>(kept));
    }

    private static AnswerValue? Number(CompiledNode node, NumberQuestion question, AnswerValue input, List<AnswerError> errors)
    {
        decimal value;
        switch (input)
        {
            case NumberAnswer number:
                value = number.Value;
                break;
            case TextAnswer text when string.IsNullOrWhiteSpace(text.Value):
                return null;
            case TextAnswer text:
                switch (ReadNumber(text.Value, question is IntegerQuestion, out value))
                {
                    case NumberReading.Ambiguous:
                        Add(errors, node, AnswerErrorCodes.AmbiguousNumber,
                            $"„{text.Value.Trim()}“ ist nicht eindeutig: Bitte schreiben Sie Tausender ohne Punkt (z. B. 2500) und Nachkommastellen mit Komma (z. B. 2,5).");
                        return null;
                    case NumberReading.Invalid:
                        Add(errors, node, AnswerErrorCodes.WrongType, question is IntegerQuestion ? "Bitte geben Sie eine ganze Zahl ein." : "Bitte geben Sie eine Zahl ein.");
                        return null;
                }

                break;
            default:
                Add(errors, node, AnswerErrorCodes.WrongType, question is IntegerQuestion ? "Bitte geben Sie eine ganze Zahl ein." : "Bitte geben Sie eine Zahl ein.");
                return null;
        }

        if (question is IntegerQuestion)
        {
            if (value != decimal.Truncate(value))
            {
                Add(errors, node, AnswerErrorCodes.NotAnInteger, "Bitte geben Sie eine ganze Zahl ein (ohne Nachkommastellen).");
                return null;
            }

            value = decimal.Truncate(value);
        }

        if (value < question.Min)
        {
            Add(errors, node, AnswerErrorCodes.BelowMinimum, $"Der Wert muss mindestens {UnitText.Amount(question.Min.Value, question.Unit?.Default)} betragen.");
            return null;
        }

        if (value > question.Max)
        {
            Add(errors, node, AnswerErrorCodes.AboveMaximum, $"Der Wert darf höchstens {UnitText.Amount(question.Max.Value, question.Unit?.Default)} betragen.");
            return null;
        }

        return new NumberAnswer(value);
    }

    internal enum NumberReading
    {
        Number,
        Invalid,
        Ambiguous,
    }

    /// <summary>
    /// Numbers typed as text: "42,5", "1.234" and "1.234,5" as a German types them, "42.5" as a program writes it.
    /// "2.500" alone could be either (2500 typed, or 2.5 as .NET writes the decimal 2.500): for a whole number only
    /// 2500 makes sense, for a decimal it is refused rather than guessed, since a wrong guess is a factor of 1,000.
    /// Several groups ("1.234.567") can only be thousands.
    /// </summary>
    internal static NumberReading ReadNumber(string text, bool integer, out decimal value)
    {
        var compact = string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
        var thousands = GermanThousands().IsMatch(compact);
        if (thousands && !integer && compact.Count(c => c == '.') == 1)
        {
            value = 0;
            return NumberReading.Ambiguous;
        }

        var german = compact.Contains(',') || thousands;
        var styles = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | (german ? NumberStyles.AllowThousands : NumberStyles.None);
        return decimal.TryParse(compact, styles, german ? GermanFigureFormat.InputFormat : CultureInfo.InvariantCulture, out value)
            ? NumberReading.Number
            : NumberReading.Invalid;
    }

    // A first group starting with 0 ("0.500") is never a thousands group.
    [GeneratedRegex(@"^[-+]?[1-9]\d{0,2}(\.\d{3})+$")]
    private static partial Regex GermanThousands();

    private static AnswerValue? Text(CompiledNode node, AnswerValue input, List<AnswerError> errors, int maxLength, bool singleLine)
    {
        if (input is not TextAnswer text)
        {
            Add(errors, node, AnswerErrorCodes.WrongType, "Bitte geben Sie einen Text ein.");
            return null;
        }

        var value = text.Value.Replace("\r\n", "\n").Replace('\r', '\n');
        if (singleLine)
        {
            value = value.Replace('\n', ' ');
        }

        value = value.Trim();
        if (value.Length == 0)
        {
            return null;
        }

        if (value.Length > maxLength)
        {
            Add(errors, node, AnswerErrorCodes.TooLong, $"Der Text ist zu lang: höchstens {GermanFigureFormat.Count(maxLength)} Zeichen, eingegeben {GermanFigureFormat.Count(value.Length)}.");
            return null;
        }

        return new TextAnswer(value);
    }

    private static AnswerValue? Date(CompiledNode node, AnswerValue input, List<AnswerError> errors)
    {
        switch (input)
        {
            case DateAnswer date:
                return date;
            case TextAnswer text when string.IsNullOrWhiteSpace(text.Value):
                return null;
            case TextAnswer text when DateOnly.TryParseExact(text.Value.Trim(), ["yyyy-MM-dd", "d.M.yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed):
                return new DateAnswer(parsed);
            default:
                Add(errors, node, AnswerErrorCodes.WrongType, "Bitte geben Sie ein Datum im Format TT.MM.JJJJ ein.");
                return null;
        }
    }
}
