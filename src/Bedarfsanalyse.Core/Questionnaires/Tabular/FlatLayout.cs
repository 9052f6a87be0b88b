using Bedarfsanalyse.Core.Questionnaires.Answers;

namespace Bedarfsanalyse.Core.Questionnaires.Tabular;

/// <summary>
/// The analyst's flat layout of a questionnaire: one row per interview, one column per variable. A multiple choice is
/// split into one 0/1 column per option, a matrix into one column per row (or per row and option when a row takes
/// several), a ranking into one rank column per option. The same layout is written by the export and read by the
/// bulk import, so an exported file can be imported again.
/// </summary>
public sealed class FlatLayout
{
    /// <summary>The suffix of the column that holds the "Sonstiges, bitte angeben" text.</summary>
    public const string OtherTextSuffix = "_other_text";

    private readonly Dictionary<string, FlatColumn> _byName;

    private FlatLayout(IReadOnlyList<FlatColumn> columns)
    {
        Columns = columns;
        _byName = columns.ToDictionary(c => c.Name, StringComparer.Ordinal);
    }

    public IReadOnlyList<FlatColumn> Columns { get; }

    public FlatColumn? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>The layout of one questionnaire version.</summary>
    public static FlatLayout For(QuestionnaireDefinition definition, int version) => For([(version, definition)]);

    /// <summary>
    /// The union of several versions' layouts. Variables are matched by name; the newest version decides order and
    /// labels, variables that only older versions have follow at the end. Each column lists the versions it exists in.
    /// </summary>
    public static FlatLayout For(IEnumerable<(int Version, QuestionnaireDefinition Definition)> versions)
    {
        var ordered = versions.OrderByDescending(v => v.Version).ToList();
        if (ordered.Count == 0)
        {
            throw new ArgumentException("A layout needs at least one questionnaire version.", nameof(versions));
        }

        var columns = new List<FlatColumn>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (version, definition) in ordered)
        {
            foreach (var column in ColumnsOf(definition, version))
            {
                if (index.TryGetValue(column.Name, out var at))
                {
                    var known = columns[at];
                    if (known.Question != column.Question || known.Kind != column.Kind)
                    {
                        throw new InvalidOperationException(
                            $"Variable {column.Name} means different things in version {version} and version {known.Versions[0]} of {definition.Key}.");
                    }

                    columns[at] = known with { Versions = [version, .. known.Versions] };
                }
                else
                {
                    index[column.Name] = columns.Count;
                    columns.Add(column);
                }
            }
        }

        return new FlatLayout(columns);
    }

    private static List<FlatColumn> ColumnsOf(QuestionnaireDefinition definition, int version)
    {
        var columns = new List<FlatColumn>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        IReadOnlyList<int> versions = [version];

        void Add(FlatColumn column)
        {
            if (!names.Add(column.Name))
            {
                throw new InvalidOperationException(
                    $"Version {version} of {definition.Key} yields the variable {column.Name} twice; rename a question or an option.");
            }

            columns.Add(column);
        }

        foreach (var question in definition.Questions())
        {
            var label = question.Label?.Default ?? question.Name;
            switch (question)
            {
                case NoteQuestion:
                    break;
                case MultipleChoiceQuestion multiple:
                    foreach (var choice in Options(definition, multiple.ListName, multiple.Other))
                    {
                        Add(new FlatColumn(multiple.Name + "_" + choice.Code, multiple.Name, "", choice.Code, FlatColumnKind.Flag,
                            label + ": " + choice.Label.Default, question.Type, FlagLabels, versions));
                    }

                    if (multiple.Other is not null)
                    {
                        Add(OtherText(multiple.Name, label, question.Type, versions));
                    }

                    break;
                case RankingQuestion ranking:
                    foreach (var choice in Options(definition, ranking.ListName, null))
                    {
                        Add(new FlatColumn(ranking.Name + "_" + choice.Code, ranking.Name, "", choice.Code, FlatColumnKind.Rank,
                            label + ": " + choice.Label.Default + " (Rang)", question.Type, [], versions));
                    }

                    break;
                case ChoiceQuestion choiceQuestion:
                    var other = (choiceQuestion as SingleChoiceQuestion)?.Other;
                    Add(new FlatColumn(choiceQuestion.Name, choiceQuestion.Name, "", null, FlatColumnKind.Code, label, question.Type,
                        [.. Options(definition, choiceQuestion.ListName, other).Select(c => new ValueLabel(c.Code, c.Label.Default))], versions));
                    if (other is not null)
                    {
                        Add(OtherText(choiceQuestion.Name, label, question.Type, versions));
                    }

                    break;
                case MatrixQuestion matrix:
                    var scale = Options(definition, matrix.ScaleListName, null);
                    foreach (var row in Options(definition, matrix.RowListName, null))
                    {
                        var rowLabel = label + ": " + row.Label.Default;
                        if (matrix.MultipleAnswers)
                        {
                            foreach (var choice in scale)
                            {
                                Add(new FlatColumn(matrix.Name + "_" + row.Code + "_" + choice.Code, matrix.Name, row.Code, choice.Code,
                                    FlatColumnKind.Flag, rowLabel + ": " + choice.Label.Default, question.Type, FlagLabels, versions));
                            }
                        }
                        else
                        {
                            Add(new FlatColumn(matrix.Name + "_" + row.Code, matrix.Name, row.Code, null, FlatColumnKind.Code, rowLabel,
                                question.Type, [.. scale.Select(c => new ValueLabel(c.Code, c.Label.Default))], versions));
                        }
                    }

                    break;
                default:
                    Add(new FlatColumn(question.Name, question.Name, "", null, KindOf(question.Type), label, question.Type, [], versions));
                    break;
            }
        }

        return columns;
    }

    private static FlatColumn OtherText(string question, string label, QuestionType type, IReadOnlyList<int> versions) =>
        new(question + OtherTextSuffix, OtherOption.SpecifyName(question), "", null, FlatColumnKind.Text,
            label + ": " + OtherOption.Default.Label.Default, type, [], versions);

    private static IReadOnlyList<ValueLabel> FlagLabels { get; } = [new("0", "nicht genannt"), new("1", "genannt")];

    private static FlatColumnKind KindOf(QuestionType type) => type switch
    {
        QuestionType.Integer or QuestionType.Decimal => FlatColumnKind.Number,
        QuestionType.ShortText or QuestionType.LongText => FlatColumnKind.Text,
        QuestionType.Date => FlatColumnKind.Date,
        QuestionType.Calculated => FlatColumnKind.Calculated,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "No flat column kind for this question type."),
    };

    private static List<Choice> Options(QuestionnaireDefinition definition, string listName, OtherOption? other)
    {
        var list = definition.FindChoiceList(listName)
            ?? throw new InvalidOperationException($"{definition.Key} names the choice list {listName}, which it does not define.");
        var options = list.Choices.ToList();
        if (other is not null && options.All(c => c.Code != OtherOption.Code))
        {
            options.Add(new Choice(OtherOption.Code, other.Label));
        }

        return options;
    }

    /// <summary>
    /// The cells of one interview, in column order: a code (string), 0/1 (int), a rank (int), a number (decimal),
    /// a text (string) or a date (DateOnly); null where the question was not answered.
    /// </summary>
    public object?[] Cells(IReadOnlyDictionary<string, AnswerValue> answers)
    {
        var cells = new object?[Columns.Count];
        for (var i = 0; i < Columns.Count; i++)
        {
            var column = Columns[i];
            if (!answers.TryGetValue(column.Question, out var answer))
            {
                continue;
            }

            cells[i] = (column.Kind, answer) switch
            {
                (FlatColumnKind.Flag, ChoiceAnswer choice) => choice.Codes.Contains(column.Option!) ? 1 : 0,
                (FlatColumnKind.Flag, MatrixAnswer matrix) => matrix.Rows.TryGetValue(column.Item, out var chosen)
                    ? chosen.Contains(column.Option!) ? 1 : 0
                    : null,
                (FlatColumnKind.Rank, ChoiceAnswer ranking) => RankOf(ranking, column.Option!),
                (FlatColumnKind.Code, ChoiceAnswer choice) => choice.Codes.Count > 0 ? choice.Codes[0] : null,
                (FlatColumnKind.Code, MatrixAnswer matrix) => matrix.Rows.TryGetValue(column.Item, out var codes) && codes.Count > 0 ? codes[0] : null,
                (_, NumberAnswer number) => number.Value,
                (_, TextAnswer text) => text.Value,
                (_, DateAnswer date) => date.Value,
                _ => null,
            };
        }

        return cells;
    }

    private static int? RankOf(ChoiceAnswer ranking, string option)
    {
        var rank = 0;
        foreach (var code in ranking.Codes)
        {
            rank++;
            if (code == option)
            {
                return rank;
            }
        }

        return null;
    }
}
