using System.Collections.Concurrent;
using Bedarfsanalyse.Core.Formatting;
using Bedarfsanalyse.Core.Periods;
using Bedarfsanalyse.Core.Questionnaires;
using Bedarfsanalyse.Core.Questionnaires.Versions;
using Bedarfsanalyse.Core.Statistics;

namespace Bedarfsanalyse.Core.Analysis;

/// <summary>One analysable item: a question, or a row of a matrix; numeric items give means, the others shares.</summary>
public sealed record AnalysableItem(string Questionnaire, string Question, string Item, bool IsNumeric);

/// <summary>A questionnaire version whose answers to a question were left out, and why (German).</summary>
public sealed record ExcludedVersion(int Number, string Reason);

/// <summary>
/// The analysis engine's model of one network around one report quarter: every district, the network, the report
/// quarter and the quarters before it (trend, same quarter a year earlier, rolling four-quarter values). Figures are
/// computed on first use and kept, so the reports of all districts of a quarterly run share one model and one count.
/// Counting happened in PostgreSQL (<see cref="QuarterCounts"/>); here are only statistics over counts: shares with
/// Wilson or Clopper-Pearson intervals, weighted where margins exist, means and medians, Newcombe's interval for
/// changes, and disclosure control that every figure passes before anyone sees it.
/// </summary>
public sealed class AnalysisModel
{
    private static readonly string[] EmployeeGroups =
        [RespondentGroups.OlderEmployees, RespondentGroups.YoungerEmployees, RespondentGroups.Apprentices, RespondentGroups.ImmigrationHistory];

    private static readonly string[] SizeQuestion = ["a_groessenklasse"];
    private static readonly string[] SectorQuestion = ["a_wirtschaftsgruppe"];

    private readonly Dictionary<Quarter, QuarterCounts> _counts;
    private readonly Dictionary<string, int> _districtIndex;
    private readonly ConcurrentDictionary<string, Lazy<object>> _memo = new();
    private readonly Dictionary<string, VersionInfo> _reference = [];

    public AnalysisModel(AnalysisInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        Input = input;
        _counts = input.Counts.GroupBy(c => c.Quarter).ToDictionary(g => g.Key, g => g.Last());
        _districtIndex = input.Districts.Select((d, i) => (d.Key, i)).ToDictionary(x => x.Key, x => x.i);
        SizeClasses = Labels(SizeQuestion[0]);
        SectorGroups = Labels(SectorQuestion[0]);

        // The reference version of each questionnaire: the newest with interviews in the report quarter, else the newest
        // with interviews at all, else the newest published. Other versions count where they are comparable with it.
        var present = input.Counts.SelectMany(c => c.Interviews).Select(i => i.VersionId).ToHashSet();
        var inQuarter = Counts(input.Quarter).Interviews.Select(i => i.VersionId).ToHashSet();
        foreach (var questionnaire in input.Versions.GroupBy(v => v.Questionnaire))
        {
            var ordered = questionnaire.OrderByDescending(v => v.Number).ToList();
            _reference[questionnaire.Key] = ordered.FirstOrDefault(v => inQuarter.Contains(v.Id))
                ?? ordered.FirstOrDefault(v => present.Contains(v.Id))
                ?? ordered[0];
        }

        Field = new FieldFigures(
            input.Districts, [RespondentGroups.Establishment, .. EmployeeGroups], SizeClasses.Select(o => o.Code).ToList(),
            SectorGroups.Select(o => o.Code).ToList(), Counts(input.Quarter).Interviews, input.Targets, input.Settings);
    }

    public AnalysisInput Input { get; }

    public Quarter Quarter => Input.Quarter;

    public IReadOnlyList<DistrictInfo> Districts => Input.Districts;

    public AnalysisSettings Settings => Input.Settings;

    public FieldFigures Field { get; }

    public IReadOnlyList<OptionInfo> SizeClasses { get; }

    public IReadOnlyList<OptionInfo> SectorGroups { get; }

    /// <summary>Whether the report quarter has any completed interview.</summary>
    public bool HasData => !Counts(Quarter).IsEmpty;

    /// <summary>The report quarter's figures are provisional ("p") until <see cref="AnalysisSettings.ProvisionalDays"/> after its end.</summary>
    public bool IsProvisional => !PeriodRevision.IsClosed(Quarter, Input);

    /// <summary>The quarters whose counts the model needs for a report quarter: the trend, and three before it for rolling values.</summary>
    public static IReadOnlyList<Quarter> QuartersNeeded(Quarter quarter, AnalysisSettings? settings = null)
    {
        var trend = Math.Max((settings ?? AnalysisSettings.Default).TrendQuarters, 5);
        var first = quarter.AddQuarters(-(trend - 1 + 3));
        return Enumerable.Range(0, trend + 3).Select(first.AddQuarters).ToList();
    }

    /// <summary>The quarters of the trend, oldest first, ending with the report quarter.</summary>
    public IReadOnlyList<Quarter> TrendQuarters =>
        Enumerable.Range(0, Settings.TrendQuarters).Select(i => Quarter.AddQuarters(i - Settings.TrendQuarters + 1)).ToList();

    public int DistrictIndex(string key) =>
        _districtIndex.TryGetValue(key, out var index) ? index : throw new AnalysisException($"Der Kreis {key} gehört nicht zum Verbund {Input.NetworkName}.");

    /// <summary>The respondent groups a questionnaire's figures are about, in the order of the field report.</summary>
    public IReadOnlyList<string> Groups(string questionnaire) =>
        Reference(questionnaire).Definition.RespondentGroups.Contains(RespondentGroups.Establishment) ? [RespondentGroups.Establishment] : EmployeeGroups;

    public bool IsEmployerQuestionnaire(string questionnaire) => Groups(questionnaire)[0] == RespondentGroups.Establishment;

    /// <summary>Version numbers of the questionnaire with interviews in the report quarter.</summary>
    public IReadOnlyList<int> VersionNumbers(string questionnaire)
    {
        var ids = Counts(Quarter).Interviews.Select(i => i.VersionId).ToHashSet();
        return Input.Versions.Where(v => v.Questionnaire == questionnaire && ids.Contains(v.Id)).Select(v => v.Number).Order().ToList();
    }

    /// <summary>Versions with interviews whose answers to the question are left out, as not comparable with the reference.</summary>
    public IReadOnlyList<ExcludedVersion> ExcludedVersions(string questionnaire, string question) =>
        Memo($"excluded|{questionnaire}|{question}", () =>
        {
            var reference = Reference(questionnaire);
            var present = _counts.Values.SelectMany(c => c.Interviews).Select(i => i.VersionId).ToHashSet();
            var result = new List<ExcludedVersion>();
            foreach (var version in Input.Versions.Where(v => v.Questionnaire == questionnaire && v.Id != reference.Id && present.Contains(v.Id)).OrderBy(v => v.Number))
            {
                var (older, newer) = version.Number < reference.Number ? (version, reference) : (reference, version);
                var change = QuestionnaireDiff.Compare(older.Definition, newer.Definition)[question];
                if (change is { Comparable: false })
                {
                    result.Add(new ExcludedVersion(version.Number, change.Reasons.Count > 0 ? string.Join("; ", change.Reasons) : "nicht vergleichbar"));
                }
            }

            return (IReadOnlyList<ExcludedVersion>)result;
        });

    public PeriodWeights Weights(AnalysisPeriod period) =>
        Memo($"weights|{period}", () => PeriodWeights.Compute(Input, period, period.Quarters.SelectMany(q => Counts(q).Interviews)));

    /// <summary>The analysable item as the reference version describes it.</summary>
    public ItemDescription Describe(string questionnaire, string question, string item = "") =>
        Memo($"item|{questionnaire}|{question}|{item}", () => DescribeItem(questionnaire, question, item));

    /// <summary>The shares of a choice item (question, or matrix row) for the questionnaire's respondents in a period.</summary>
    public ChoiceFigures Choice(string questionnaire, string question, AnalysisPeriod period, string item = "") =>
        Memo($"choice|{questionnaire}|{question}|{item}|{period}", () =>
        {
            var description = Describe(questionnaire, question, item);
            var groups = Groups(questionnaire);
            var weights = Weights(period);
            var weighted = IsEmployerQuestionnaire(questionnaire) ? weights.EstablishmentsWeighted : weights.EmployeesWeighted;
            var counts = new ItemCounts(Districts.Count, groups.Count, description.Options.Count, SizeClasses.Count, SectorGroups.Count);
            var versions = ComparableVersions(questionnaire, question);
            foreach (var quarter in period.Quarters)
            {
                foreach (var row in Rows(quarter, question, item))
                {
                    if (row.Code is null || !versions.Contains(row.VersionId)
                        || !_districtIndex.TryGetValue(row.District, out var d) || IndexOf(groups, row.Group) is not (>= 0 and var g))
                    {
                        continue;
                    }

                    var weight = weights.Weight(row.Group, row.District, row.SizeClass, row.SectorGroup);
                    var size = IndexOf(SizeClasses, row.SizeClass);
                    var sector = IndexOf(SectorGroups, row.SectorGroup);
                    counts.Answered[d, g].Add(row.First, weight);
                    Category(counts.BySize, size)?.Answered(row.First, weight);
                    Category(counts.BySector, sector)?.Answered(row.First, weight);
                    if (description.NonSubstantiveCodes.Contains(row.Code))
                    {
                        counts.NonSubstantive[d, g].Add(row.Respondents, weight);
                        Category(counts.BySize, size)?.NonSubstantive(row.Respondents, weight);
                        Category(counts.BySector, sector)?.NonSubstantive(row.Respondents, weight);
                        continue;
                    }

                    var option = description.OptionIndex(row.Code);
                    if (option < 0)
                    {
                        // Comparable versions share their options; a code the reference does not list counts for no option.
                        continue;
                    }

                    counts.Options[d, g, option].Add(row.Respondents, weight);
                    Category(counts.BySize, size)?.Option(option, row.Respondents, weight);
                    Category(counts.BySector, sector)?.Option(option, row.Respondents, weight);
                }
            }

            var components = period.IsRolling ? period.Quarters.Select(q => Choice(questionnaire, question, AnalysisPeriod.Of(q), item)).ToList() : [];
            return ChoiceFigures.Build(description, period, counts, IsEmployerQuestionnaire(questionnaire), weighted, Revision(period), Settings, components);
        });

    /// <summary>Means and medians of a number question, or of a Likert item by its scale positions.</summary>
    public NumericFigures Numeric(string questionnaire, string question, AnalysisPeriod period, string item = "") =>
        Memo($"numeric|{questionnaire}|{question}|{item}|{period}", () =>
        {
            var definition = FindQuestion(questionnaire, question);
            var groups = Groups(questionnaire);
            var weights = Weights(period);
            var weighted = IsEmployerQuestionnaire(questionnaire) ? weights.EstablishmentsWeighted : weights.EmployeesWeighted;
            var versions = ComparableVersions(questionnaire, question);
            var values = new ValueCounts[Districts.Count, groups.Count];
            for (var d = 0; d < Districts.Count; d++)
            {
                for (var g = 0; g < groups.Count; g++)
                {
                    values[d, g] = new ValueCounts();
                }
            }

            double? minimum, maximum;
            Func<AnswerCount, double?> value;
            string label;
            switch (definition.Question)
            {
                case NumberQuestion number:
                    (minimum, maximum) = ((double?)number.Min, (double?)number.Max);
                    value = row => row.Number is { } n ? (double)n : null;
                    label = number.Label?.Default ?? question;
                    break;
                case LikertQuestion likert:
                    // A scale's value is its code where the codes are numbers ("5" sehr zufrieden … "1"), else its position.
                    var scale = definition.Version.Definition.FindChoiceList(likert.ListName)?.Choices.Where(c => !c.NonSubstantive).Select(c => c.Code).ToList() ?? [];
                    var numeric = scale.Count > 0 && scale.All(c => int.TryParse(c, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _));
                    var points = scale.Select((c, i) => (c, v: numeric ? int.Parse(c, System.Globalization.CultureInfo.InvariantCulture) : i + 1)).ToDictionary(x => x.c, x => (double)x.v);
                    (minimum, maximum) = points.Count == 0 ? ((double?)null, (double?)null) : (points.Values.Min(), points.Values.Max());
                    value = row => row.Code is { } code && points.TryGetValue(code, out var point) ? point : null;
                    label = likert.Label?.Default ?? question;
                    break;
                default:
                    throw new AnalysisException($"„{question}“ im Fragebogen „{questionnaire}“ ist weder eine Zahlenfrage noch eine Skala; Mittelwerte gibt es dafür nicht.");
            }

            foreach (var quarter in period.Quarters)
            {
                foreach (var row in Rows(quarter, question, item))
                {
                    if (!versions.Contains(row.VersionId)
                        || !_districtIndex.TryGetValue(row.District, out var d) || IndexOf(groups, row.Group) is not (>= 0 and var g)
                        || value(row) is not { } v)
                    {
                        continue;
                    }

                    values[d, g].Values.Add((v, row.Respondents, weights.Weight(row.Group, row.District, row.SizeClass, row.SectorGroup)));
                }
            }

            var description = new ItemDescription(questionnaire, question, item, label, ItemLayout.SingleChoice, [], []);
            return NumericFigures.Build(description, period, values, weighted, definition.Question is NumberQuestion, minimum, maximum, Revision(period), Settings);
        });

    /// <summary>Every analysable item of a questionnaire (choice questions, matrix rows, numbers, scales), in document order.</summary>
    public IReadOnlyList<AnalysableItem> Items(string questionnaire) =>
        Memo($"items|{questionnaire}", () =>
        {
            var definition = Reference(questionnaire).Definition;
            var items = new List<AnalysableItem>();
            foreach (var question in definition.Questions())
            {
                switch (question)
                {
                    case MatrixQuestion matrix:
                        items.AddRange((definition.FindChoiceList(matrix.RowListName)?.Choices ?? []).Select(row => new AnalysableItem(questionnaire, matrix.Name, row.Code, IsNumeric: false)));
                        break;
                    case LikertQuestion:
                        items.Add(new AnalysableItem(questionnaire, question.Name, "", IsNumeric: false));
                        items.Add(new AnalysableItem(questionnaire, question.Name, "", IsNumeric: true));
                        break;
                    case ChoiceQuestion:
                        items.Add(new AnalysableItem(questionnaire, question.Name, "", IsNumeric: false));
                        break;
                    case NumberQuestion:
                        items.Add(new AnalysableItem(questionnaire, question.Name, "", IsNumeric: true));
                        break;
                    case CalculatedQuestion when Input.CodeLabels.Any(l => l.Question == question.Name):
                        items.Add(new AnalysableItem(questionnaire, question.Name, "", IsNumeric: false));
                        break;
                }
            }

            return (IReadOnlyList<AnalysableItem>)items;
        });

    /// <summary>The periods every figure is compared over: the quarter, the one before, a year before, and the rolling values now and a year before.</summary>
    public IReadOnlyList<AnalysisPeriod> ComparisonPeriods =>
    [
        AnalysisPeriod.Of(Quarter), AnalysisPeriod.Of(Quarter.Previous()), AnalysisPeriod.Of(Quarter.SameQuarterPreviousYear()),
        AnalysisPeriod.Rolling(Quarter), AnalysisPeriod.Rolling(Quarter.SameQuarterPreviousYear()),
    ];

    /// <summary>Computes every item of every questionnaire for every comparison period (the complete model); returns how many tables.</summary>
    public int ComputeAll()
    {
        var tables = 0;
        foreach (var questionnaire in _reference.Keys)
        {
            foreach (var item in Items(questionnaire))
            {
                foreach (var period in ComparisonPeriods)
                {
                    if (item.IsNumeric)
                    {
                        Numeric(questionnaire, item.Question, period, item.Item);
                    }
                    else
                    {
                        Choice(questionnaire, item.Question, period, item.Item);
                    }

                    tables++;
                }
            }
        }

        return tables;
    }

    /// <summary>
    /// The change between two shares in percentage points with Newcombe's interval; none where either may not be shown
    /// (a hidden figure has no value, so no change can give it away).
    /// </summary>
    public DifferenceEstimate? Change(Figure current, Figure previous)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(previous);
        return current.ShowsValue && previous.ShowsValue
            ? NewcombeDifference.Compute(current.Estimate, previous.Estimate, Settings.Intervals.ConfidenceLevel)
            : null;
    }

    private PeriodRevision Revision(AnalysisPeriod period) =>
        Memo($"revision|{period}", () => PeriodRevision.Compute(Input, period, period.Quarters.Select(Counts)));

    private QuarterCounts Counts(Quarter quarter) => _counts.TryGetValue(quarter, out var counts) ? counts : QuarterCounts.Empty(quarter);

    /// <summary>The answer counts of one question (and matrix row) in a quarter; the rows are grouped once per quarter.</summary>
    private IReadOnlyList<AnswerCount> Rows(Quarter quarter, string question, string item)
    {
        var index = Memo($"rows|{quarter}", () => Counts(quarter).Answers.GroupBy(a => (a.Question, a.Item)).ToDictionary(g => g.Key, g => (IReadOnlyList<AnswerCount>)g.ToList()));
        return index.TryGetValue((question, item), out var rows) ? rows : [];
    }

    private VersionInfo Reference(string questionnaire) =>
        _reference.TryGetValue(questionnaire, out var version) ? version : throw new AnalysisException($"Einen Fragebogen „{questionnaire}“ gibt es in diesem Verbund nicht.");

    private HashSet<int> ComparableVersions(string questionnaire, string question) =>
        Memo($"versions|{questionnaire}|{question}", () =>
        {
            var excluded = ExcludedVersions(questionnaire, question).Select(e => e.Number).ToHashSet();
            return Input.Versions.Where(v => v.Questionnaire == questionnaire && !excluded.Contains(v.Number)).Select(v => v.Id).ToHashSet();
        });

    /// <summary>The question in the reference version, or in the newest version that has it.</summary>
    private (VersionInfo Version, Question Question) FindQuestion(string questionnaire, string question)
    {
        var reference = Reference(questionnaire);
        foreach (var version in Input.Versions.Where(v => v.Questionnaire == questionnaire).OrderByDescending(v => v.Id == reference.Id).ThenByDescending(v => v.Number))
        {
            if (version.Definition.Questions().FirstOrDefault(q => q.Name == question) is { } found)
            {
                return (version, found);
            }
        }

        throw new AnalysisException($"Die Frage „{question}“ gibt es in keiner Version des Fragebogens „{questionnaire}“.");
    }

    private ItemDescription DescribeItem(string questionnaire, string question, string item)
    {
        var (version, found) = FindQuestion(questionnaire, question);
        var definition = version.Definition;
        IReadOnlyList<Choice> List(string name) => definition.FindChoiceList(name)?.Choices ?? [];

        ItemDescription FromChoices(string label, ItemLayout layout, IReadOnlyList<Choice> choices, OtherOption? other)
        {
            var options = choices.Where(c => !c.NonSubstantive).Select(c => new OptionInfo(c.Code, c.Label.Default)).ToList();
            if (other is not null)
            {
                options.Add(new OptionInfo(OtherOption.Code, other.Label.Default));
            }

            return new ItemDescription(questionnaire, question, item, label, layout, options, choices.Where(c => c.NonSubstantive).Select(c => c.Code).ToList());
        }

        if (item.Length > 0 && found is not MatrixQuestion)
        {
            throw new AnalysisException($"„{question}“ ist keine Matrixfrage und hat keine Zeile „{item}“.");
        }

        return found switch
        {
            SingleChoiceQuestion single => FromChoices(single.Label?.Default ?? question, ItemLayout.SingleChoice, List(single.ListName), single.Other),
            MultipleChoiceQuestion multiple => FromChoices(multiple.Label?.Default ?? question, ItemLayout.MultipleChoice, List(multiple.ListName), multiple.Other),
            RankingQuestion ranking => FromChoices(ranking.Label?.Default ?? question, ItemLayout.MultipleChoice, List(ranking.ListName), null),
            ChoiceQuestion choice => FromChoices(choice.Label?.Default ?? question, ItemLayout.SingleChoice, List(choice.ListName), null),
            MatrixQuestion matrix when item.Length == 0 => throw new AnalysisException($"Die Matrixfrage „{question}“ wird zeilenweise ausgewertet; bitte eine Zeile angeben."),
            MatrixQuestion matrix => List(matrix.RowListName).FirstOrDefault(r => r.Code == item) is { } row
                ? FromChoices($"{matrix.Label?.Default ?? question}: {row.Label.Default}", matrix.MultipleAnswers ? ItemLayout.MultipleChoice : ItemLayout.SingleChoice, List(matrix.ScaleListName), null)
                : throw new AnalysisException($"Die Matrixfrage „{question}“ hat keine Zeile „{item}“."),
            CalculatedQuestion calculated when Input.CodeLabels.Any(l => l.Question == question) =>
                new ItemDescription(questionnaire, question, item, calculated.Label?.Default is { Length: > 0 } text ? text : LabelOfCalculated(question), ItemLayout.SingleChoice, Labels(question), []),
            _ => throw new AnalysisException($"„{question}“ im Fragebogen „{questionnaire}“ ist eine Frage ohne Antwortliste; Anteile gibt es dafür nicht."),
        };
    }

    private static string LabelOfCalculated(string question) => question switch
    {
        "a_groessenklasse" => "Größenklasse",
        "a_wirtschaftsgruppe" => "Wirtschaftszweig",
        _ => question,
    };

    private IReadOnlyList<OptionInfo> Labels(string question) =>
        Input.CodeLabels.Where(l => l.Question == question).OrderBy(l => l.Order).Select(l => new OptionInfo(l.Code, l.Label)).ToList();

    private T Memo<T>(string key, Func<T> compute) where T : class =>
        (T)_memo.GetOrAdd(key, _ => new Lazy<object>(compute, LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    private static CategoryAccumulator? Category(ItemCounts.CategoryCounts counts, int index) => index < 0 ? null : new CategoryAccumulator(counts, index);

    private static int IndexOf(IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == value)
            {
                return i;
            }
        }

        return -1;
    }

    private static int IndexOf(IReadOnlyList<OptionInfo> list, string code)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i].Code == code)
            {
                return i;
            }
        }

        return -1;
    }

    private readonly struct CategoryAccumulator(ItemCounts.CategoryCounts counts, int index)
    {
        public void Answered(int n, double weight) => counts.Answered[index].Add(n, weight);

        public void NonSubstantive(int n, double weight) => counts.NonSubstantive[index].Add(n, weight);

        public void Option(int option, int n, double weight) => counts.Options[index, option].Add(n, weight);
    }
}
