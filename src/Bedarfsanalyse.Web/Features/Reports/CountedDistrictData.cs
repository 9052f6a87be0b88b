using Bedarfsanalyse.Core.Disclosure;
using Bedarfsanalyse.Core.Periods;
using Bedarfsanalyse.Core.Questionnaires;
using Bedarfsanalyse.Core.Questionnaires.Network;
using Bedarfsanalyse.Core.Statistics;
using Bedarfsanalyse.Data.ReferenceData;
using Bedarfsanalyse.Reports.Quarterly;

namespace Bedarfsanalyse.Web.Features.Reports;

/// <summary>
/// The report's figures from <see cref="ReportCounts"/>: shares and intervals from Core's <see cref="ShareEstimator"/>,
/// changes from <see cref="NewcombeDifference"/>, symbols from <see cref="PrimarySuppression"/>. Employer questions
/// count establishment interviews, employee questions the four employee groups.
/// </summary>
internal sealed class CountedDistrictData : IDistrictReportData
{
    private static readonly string[] EmployeeGroups =
        [RespondentGroup.OlderEmployees, RespondentGroup.YoungerEmployees, RespondentGroup.Apprentices, RespondentGroup.ImmigrationHistory];

    private readonly ReportCounts _counts;
    private readonly Quarter _quarter;
    private readonly PrimarySuppression _suppression = new();
    private readonly Dictionary<(string District, Quarter Quarter, string Group, string Question, string Item, string Code), int> _codes = [];
    private readonly Dictionary<(string District, Quarter Quarter, string Group, string Question, string Item), int> _bases = [];
    private readonly Dictionary<(string District, Quarter Quarter, string Group), int> _interviews = [];

    public CountedDistrictData(ReportCounts counts)
    {
        _counts = counts;
        _quarter = Quarter.Parse(counts.Quarter);
        foreach (var row in counts.Codes)
        {
            _codes[(row.District, new Quarter(row.Year, row.Quarter), row.Group, row.Question, row.Item, row.Code)] = row.Count;
        }

        foreach (var row in counts.Bases)
        {
            _bases[(row.District, new Quarter(row.Year, row.Quarter), row.Group, row.Question, row.Item)] = row.Count;
        }

        foreach (var row in counts.Interviews)
        {
            _interviews[(row.District, new Quarter(row.Year, row.Quarter), row.Group)] = row.Count;
        }
    }

    public string NetworkKey => _counts.NetworkKey;

    public string NetworkName => _counts.NetworkName;

    public string DistrictKey => _counts.DistrictKey;

    public string DistrictName => _counts.DistrictName;

    public Quarter Quarter => _quarter;

    public DateOnly AsOf => _counts.AsOf;

    public bool IsWeighted => false;

    public int EmployerInterviews => Interviews([DistrictKey], [_quarter], [RespondentGroup.Establishment]);

    public int EmployeeInterviews => Interviews([DistrictKey], [_quarter], EmployeeGroups);

    public IReadOnlyList<FieldTargetLine> FieldTargets =>
        new[] { RespondentGroup.Establishment }.Concat(EmployeeGroups)
            .Select(group => new FieldTargetLine(
                GroupLabel(group),
                Interviews([DistrictKey], [_quarter], [group]),
                _counts.Targets.Where(t => t.Group == group).Select(t => (int?)t.Target).SingleOrDefault()))
            .Where(line => line.Interviews > 0 || line.Target is not null)
            .ToList();

    public IReadOnlyList<CountFigure> Distribution(string questionnaire, string question)
    {
        var groups = Groups(questionnaire);
        var known = _counts.Labels.Where(l => l.Question == question).OrderBy(l => l.Order).ToList();
        var codes = known.Count > 0
            ? known.Select(l => (l.Code, l.Label)).ToList()
            : _codes.Keys
                .Where(k => k.District == DistrictKey && k.Quarter == _quarter && groups.Contains(k.Group) && k.Question == question && k.Item.Length == 0)
                .Select(k => k.Code)
                .Distinct()
                .Order(StringComparer.Ordinal)
                .Select(code => (code, Label(questionnaire, question, code)))
                .ToList();
        return codes.Select(c =>
            {
                var count = Codes([DistrictKey], [_quarter], groups, question, c.Item1);
                return new CountFigure(c.Item2, new TableCell(count, _suppression.ForCount(count)));
            })
            .ToList();
    }

    public IReadOnlyList<ShareFigure> Shares(string questionnaire, string question) =>
        Choices(questionnaire, question).Select(choice => Figure(choice.Label.Default, [DistrictKey], [_quarter], Groups(questionnaire), question, choice.Code)).ToList();

    public ShareFigure Share(string questionnaire, string question, string value) =>
        Figure(Label(questionnaire, question, value), [DistrictKey], [_quarter], Groups(questionnaire), question, value);

    public GroupMatrix ByEmployeeGroup(string question)
    {
        var columns = EmployeeGroups.Select(g => new GroupColumn(GroupLabel(g), Base([DistrictKey], [_quarter], [g], question))).ToList();
        var rows = Choices(NetworkQuestionnaires.EmployeeKey, question)
            .Select(choice => new GroupMatrixRow(choice.Label.Default, EmployeeGroups.Select(g => Figure(choice.Label.Default, [DistrictKey], [_quarter], [g], question, choice.Code)).ToList()))
            .ToList();
        return new GroupMatrix(columns, rows);
    }

    public IReadOnlyList<ComparisonLine> Compare(string employerQuestion, string employeeQuestion) =>
        Choices(NetworkQuestionnaires.EmployerKey, employerQuestion)
            .Select(choice => new ComparisonLine(
                choice.Label.Default,
                Figure(choice.Label.Default, [DistrictKey], [_quarter], [RespondentGroup.Establishment], employerQuestion, choice.Code),
                Figure(choice.Label.Default, [DistrictKey], [_quarter], EmployeeGroups, employeeQuestion, choice.Code)))
            .ToList();

    public RegionalFigures Regional(string questionnaire, string question, string value)
    {
        var groups = Groups(questionnaire);
        var all = _counts.Districts.Select(d => d.Key).ToArray();
        return new RegionalFigures(
            Figure(NetworkName, all, [_quarter], groups, question, value),
            _counts.Districts.Select(d => new RegionalLine(d.Key, d.Name, Figure(d.Name, [d.Key], [_quarter], groups, question, value), d.Key == DistrictKey)).ToList());
    }

    public TrendFigures Trend(string questionnaire, string question, string value)
    {
        var groups = Groups(questionnaire);
        var points = Enumerable.Range(0, CountedDistrictReportSource.TrendQuarters)
            .Select(i => _quarter.AddQuarters(i - (CountedDistrictReportSource.TrendQuarters - 1)))
            .Select(q => new TrendPoint(
                q,
                Figure(q.ToGermanShortString(), [DistrictKey], [q], groups, question, value),
                RollingOrNull(q, groups, question, value)))
            .ToList();
        return new TrendFigures(
            points,
            Change(_quarter.SameQuarterPreviousYear(), groups, question, value),
            Change(_quarter.Previous(), groups, question, value));
    }

    private ShareFigure? RollingOrNull(Quarter quarter, string[] groups, string question, string value)
    {
        var quarters = Enumerable.Range(0, 4).Select(i => quarter.AddQuarters(-i)).ToArray();
        return Base([DistrictKey], quarters, groups, question) == 0 ? null : Figure("", [DistrictKey], quarters, groups, question, value);
    }

    private DifferenceEstimate? Change(Quarter previous, string[] groups, string question, string value)
    {
        var currentBase = Base([DistrictKey], [_quarter], groups, question);
        var previousBase = Base([DistrictKey], [previous], groups, question);
        if (currentBase == 0 || previousBase == 0)
        {
            return null;
        }

        // A change is printed only where both shares may be printed.
        var current = Codes([DistrictKey], [_quarter], groups, question, value);
        var before = Codes([DistrictKey], [previous], groups, question, value);
        if (!_suppression.ForShare(current, currentBase).ShowsValue || !_suppression.ForShare(before, previousBase).ShowsValue)
        {
            return null;
        }

        return NewcombeDifference.Compute(current, currentBase, before, previousBase);
    }

    private ShareFigure Figure(string label, string[] districts, Quarter[] quarters, string[] groups, string question, string code)
    {
        var count = Codes(districts, quarters, groups, question, code);
        var n = Base(districts, quarters, groups, question);
        var estimate = n == 0 ? Estimate.NoData(EstimateKind.Share, 0.95) : ShareEstimator.Estimate(count, n);
        return new ShareFigure(label, estimate, _suppression.ForShare(count, n));
    }

    private int Codes(string[] districts, Quarter[] quarters, string[] groups, string question, string code)
    {
        var sum = 0;
        foreach (var district in districts)
        {
            foreach (var quarter in quarters)
            {
                foreach (var group in groups)
                {
                    sum += _codes.GetValueOrDefault((district, quarter, group, question, "", code));
                }
            }
        }

        return sum;
    }

    private int Base(string[] districts, Quarter[] quarters, string[] groups, string question)
    {
        var sum = 0;
        foreach (var district in districts)
        {
            foreach (var quarter in quarters)
            {
                foreach (var group in groups)
                {
                    sum += _bases.GetValueOrDefault((district, quarter, group, question, ""));
                }
            }
        }

        return sum;
    }

    private int Interviews(string[] districts, Quarter[] quarters, string[] groups) =>
        districts.Sum(d => quarters.Sum(q => groups.Sum(g => _interviews.GetValueOrDefault((d, q, g)))));

    private static string[] Groups(string questionnaire) =>
        questionnaire == NetworkQuestionnaires.EmployerKey ? [RespondentGroup.Establishment] : EmployeeGroups;

    private static IReadOnlyList<Choice> Choices(string questionnaire, string question)
    {
        var definition = NetworkQuestionnaires.All.Single(q => q.Key == questionnaire);
        return definition.Questions().FirstOrDefault(q => q.Name == question) is ChoiceQuestion choice
            ? definition.FindChoiceList(choice.ListName)?.Choices ?? []
            : [];
    }

    private static string Label(string questionnaire, string question, string code) =>
        Choices(questionnaire, question).FirstOrDefault(c => c.Code == code)?.Label.Default ?? code;

    private static string GroupLabel(string group) => group == RespondentGroup.Establishment
        ? "Betriebe"
        : Label(NetworkQuestionnaires.EmployeeKey, "p_gruppe", group);
}
