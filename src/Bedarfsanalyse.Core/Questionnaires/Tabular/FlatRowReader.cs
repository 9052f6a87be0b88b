using System.Globalization;
using Bedarfsanalyse.Core.Formatting;
using Bedarfsanalyse.Core.Questionnaires.Answers;

namespace Bedarfsanalyse.Core.Questionnaires.Tabular;

/// <summary>A cell of a flat row that cannot be an answer, in German, with the column it is in.</summary>
public sealed record FlatCellError(string Column, string Message);

/// <summary>The answers read from one flat row, or what is wrong with its cells.</summary>
public sealed record FlatRow(IReadOnlyDictionary<string, AnswerValue> Answers, IReadOnlyList<FlatCellError> Errors);

/// <summary>
/// Reads one row of the flat layout (cell texts by column name, as a CSV or workbook gives them) back into answers.
/// It checks only what the layout itself says (0/1, ranks, numbers, dates, known codes); whether the answers make a
/// valid interview is the engine's decision afterwards.
/// </summary>
public static class FlatRowReader
{
    private static readonly string[] DateFormats = ["dd.MM.yyyy", "d.M.yyyy", "yyyy-MM-dd"];

    public static FlatRow Read(FlatLayout layout, IReadOnlyDictionary<string, string?> cells)
    {
        var errors = new List<FlatCellError>();
        var codes = new Dictionary<string, List<(int Order, string Code)>>(StringComparer.Ordinal);
        var matrixCodes = new Dictionary<string, Dictionary<string, List<string>>>(StringComparer.Ordinal);
        var answered = new HashSet<string>(StringComparer.Ordinal);
        var answers = new Dictionary<string, AnswerValue>(StringComparer.Ordinal);

        foreach (var (name, raw) in cells)
        {
            var column = layout.Find(name);
            var text = raw?.Trim() ?? "";
            if (column is null || text.Length == 0)
            {
                continue;
            }

            switch (column.Kind)
            {
                case FlatColumnKind.Flag:
                    if (text is not ("0" or "1"))
                    {
                        errors.Add(new(name, $"„{text}“ ist kein gültiger Wert; erlaubt sind 0 (nicht genannt) und 1 (genannt)."));
                    }
                    else if (column.Item.Length > 0)
                    {
                        var rows = matrixCodes.TryGetValue(column.Question, out var m) ? m : matrixCodes[column.Question] = [];
                        var chosen = rows.TryGetValue(column.Item, out var list) ? list : rows[column.Item] = [];
                        if (text == "1")
                        {
                            chosen.Add(column.Option!);
                        }
                    }
                    else
                    {
                        answered.Add(column.Question);
                        if (text == "1")
                        {
                            Codes(codes, column.Question).Add((OptionOrder(column), column.Option!));
                        }
                    }

                    break;
                case FlatColumnKind.Rank:
                    if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var rank) || rank < 1)
                    {
                        errors.Add(new(name, $"„{text}“ ist kein Rang; erwartet wird eine ganze Zahl ab 1."));
                    }
                    else
                    {
                        Codes(codes, column.Question).Add((rank, column.Option!));
                    }

                    break;
                case FlatColumnKind.Code:
                    if (column.ValueLabels.All(v => v.Code != text))
                    {
                        errors.Add(new(name, $"„{text}“ ist keine Antwortmöglichkeit; erlaubt sind: {string.Join(", ", column.ValueLabels.Select(v => v.Code))}."));
                    }
                    else if (column.Item.Length > 0)
                    {
                        var rows = matrixCodes.TryGetValue(column.Question, out var m) ? m : matrixCodes[column.Question] = [];
                        rows[column.Item] = [text];
                    }
                    else
                    {
                        answers[column.Question] = AnswerValue.Choice(text);
                    }

                    break;
                case FlatColumnKind.Number:
                    if (TryNumber(text, out var number))
                    {
                        answers[column.Question] = AnswerValue.Number(number);
                    }
                    else
                    {
                        errors.Add(new(name, $"„{text}“ ist keine Zahl."));
                    }

                    break;
                case FlatColumnKind.Date:
                    if (DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                    {
                        answers[column.Question] = AnswerValue.Date(date);
                    }
                    else
                    {
                        errors.Add(new(name, $"„{text}“ ist kein Datum; erwartet wird TT.MM.JJJJ."));
                    }

                    break;
                case FlatColumnKind.Text:
                    answers[column.Question] = AnswerValue.Text(text);
                    break;
                case FlatColumnKind.Calculated:
                    // The engine computes calculated values again from the answers; what the file says does not count.
                    break;
            }
        }

        foreach (var question in answered.Union(codes.Keys))
        {
            var chosen = codes.TryGetValue(question, out var list) ? list : [];
            answers[question] = new ChoiceAnswer([.. chosen.OrderBy(c => c.Order).Select(c => c.Code)]);
        }

        foreach (var (question, rows) in matrixCodes)
        {
            answers[question] = new MatrixAnswer(new ValueMap<ValueList<string>>(rows
                .Where(r => r.Value.Count > 0)
                .Select(r => new KeyValuePair<string, ValueList<string>>(r.Key, [.. r.Value]))));
        }

        return new FlatRow(answers, errors);

        int OptionOrder(FlatColumn column)
        {
            for (var i = 0; i < layout.Columns.Count; i++)
            {
                if (ReferenceEquals(layout.Columns[i], column))
                {
                    return i;
                }
            }

            return int.MaxValue;
        }
    }

    private static List<(int Order, string Code)> Codes(Dictionary<string, List<(int Order, string Code)>> codes, string question) =>
        codes.TryGetValue(question, out var list) ? list : codes[question] = [];

    /// <summary>
    /// A decimal comma means German ("1234,5", "1.234,5"); without a comma the text is read as a program writes it
    /// ("1234.5"), so that an exported file, which has no thousands separators, reads back unchanged.
    /// </summary>
    private static bool TryNumber(string text, out decimal number) =>
        text.Contains(',', StringComparison.Ordinal)
            ? decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands,
                GermanFigureFormat.InputFormat, out number)
            : decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number);
}
