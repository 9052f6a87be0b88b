namespace Bedarfsanalyse.Core.Questionnaires.Answers;

/// <summary>
/// Turns normalised answers into answer rows and back. Needs no questionnaire: a row's Item tells a matrix apart,
/// its value column the kind of answer, its Position the order of codes.
/// </summary>
public static class AnswerRowMapping
{
    public static IReadOnlyList<AnswerRow> ToRows(IEnumerable<KeyValuePair<string, AnswerValue>> answers)
    {
        var rows = new List<AnswerRow>();
        foreach (var (question, answer) in answers)
        {
            switch (answer)
            {
                case ChoiceAnswer choice:
                    AddCodes(rows, question, "", choice.Codes);
                    break;
                case MatrixAnswer matrix:
                    foreach (var (row, codes) in matrix.Rows)
                    {
                        if (row.Length == 0)
                        {
                            throw new ArgumentException($"Matrix answer {question} has a row without a code.", nameof(answers));
                        }

                        AddCodes(rows, question, row, codes);
                    }

                    break;
                case NumberAnswer number:
                    rows.Add(AnswerRow.ForNumber(question, number.Value));
                    break;
                case TextAnswer text:
                    rows.Add(AnswerRow.ForText(question, text.Value));
                    break;
                case DateAnswer date:
                    rows.Add(AnswerRow.ForDate(question, date.Value));
                    break;
                default:
                    throw new ArgumentException($"Unknown answer type {answer?.GetType().Name} for {question}.", nameof(answers));
            }
        }

        return rows;
    }

    private static void AddCodes(List<AnswerRow> rows, string question, string item, ValueList<string> codes)
    {
        if (codes.Count > short.MaxValue)
        {
            throw new ArgumentException($"Answer {question} has more codes than a row position can number.", nameof(codes));
        }

        for (var i = 0; i < codes.Count; i++)
        {
            rows.Add(AnswerRow.ForCode(question, item, (short)i, codes[i]));
        }
    }

    /// <summary>Answers from rows in any order. Throws <see cref="ArgumentException"/> for rows that no answer could have produced.</summary>
    public static IReadOnlyDictionary<string, AnswerValue> FromRows(IEnumerable<AnswerRow> rows)
    {
        var answers = new Dictionary<string, AnswerValue>(StringComparer.Ordinal);
        foreach (var group in rows.GroupBy(r => r.Question, StringComparer.Ordinal))
        {
            var list = group.ToList();
            var setColumns = list.Select(ValueColumn).Distinct().ToList();
            if (setColumns.Count != 1 || setColumns[0] == Invalid)
            {
                throw new ArgumentException($"The rows of {group.Key} mix value columns or set none or several per row.", nameof(rows));
            }

            answers[group.Key] = setColumns[0] switch
            {
                nameof(AnswerRow.Code) => CodesFrom(group.Key, list),
                _ when list.Count != 1 || list[0].Item.Length != 0 || list[0].Position != 0 =>
                    throw new ArgumentException($"{group.Key} has {list.Count} rows for a single value.", nameof(rows)),
                nameof(AnswerRow.Number) => new NumberAnswer(list[0].Number!.Value),
                nameof(AnswerRow.Text) => new TextAnswer(list[0].Text!),
                _ => new DateAnswer(list[0].Date!.Value),
            };
        }

        return answers;
    }

    private static AnswerValue CodesFrom(string question, List<AnswerRow> rows)
    {
        if (rows.All(r => r.Item.Length == 0))
        {
            return new ChoiceAnswer(OrderedCodes(question, rows));
        }

        if (rows.Any(r => r.Item.Length == 0))
        {
            throw new ArgumentException($"{question} mixes matrix rows and plain codes.", nameof(rows));
        }

        return new MatrixAnswer(new ValueMap<ValueList<string>>(rows.GroupBy(r => r.Item, StringComparer.Ordinal)
            .Select(g => new KeyValuePair<string, ValueList<string>>(g.Key, OrderedCodes(question, g.ToList())))));
    }

    private static ValueList<string> OrderedCodes(string question, List<AnswerRow> rows)
    {
        var ordered = rows.OrderBy(r => r.Position).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            if (ordered[i].Position != i)
            {
                throw new ArgumentException($"The positions of {question} are not 0..{ordered.Count - 1}.", nameof(rows));
            }
        }

        return [.. ordered.Select(r => r.Code!)];
    }

    private static string ValueColumn(AnswerRow row) =>
        (row.Code, row.Number, row.Text, row.Date) switch
        {
            (not null, null, null, null) => nameof(AnswerRow.Code),
            (null, not null, null, null) => nameof(AnswerRow.Number),
            (null, null, not null, null) => nameof(AnswerRow.Text),
            (null, null, null, not null) => nameof(AnswerRow.Date),
            _ => Invalid,
        };

    private const string Invalid = "invalid";
}
