using Bedarfsanalyse.Core.Analysis;
using Bedarfsanalyse.Core.Disclosure;
using Bedarfsanalyse.Core.Periods;
using Bedarfsanalyse.Core.Questionnaires;
using Bedarfsanalyse.Core.Questionnaires.Network;
using Bedarfsanalyse.Reports.Quarterly;
using Bedarfsanalyse.Web.Features.Analysis;

namespace Bedarfsanalyse.Web.Features.Reports;

/// <summary>
/// One district's view of the analysis engine's <see cref="AnalysisModel"/>, in the shape the quarterly report and the
/// workbook read: it selects and labels the model's figures and computes none.
/// </summary>
public sealed class ModelDistrictData : IDistrictReportData
{
    private readonly AnalysisModel _model;
    private readonly int _district;

    public ModelDistrictData(AnalysisModel model, string districtKey)
    {
        ArgumentNullException.ThrowIfNull(model);
        _model = model;
        _district = model.DistrictIndex(districtKey);
    }

    public AnalysisModel Model => _model;

    public string NetworkKey => _model.Input.NetworkKey;

    public string NetworkName => _model.Input.NetworkName;

    public string DistrictKey => _model.Districts[_district].Key;

    public string DistrictName => _model.Districts[_district].Name;

    public Quarter Quarter => _model.Quarter;

    public DateOnly AsOf => _model.Input.AsOf;

    public bool IsWeighted
    {
        get
        {
            var weights = _model.Weights(AnalysisPeriod.Of(Quarter));
            return weights.EstablishmentsWeighted || weights.EmployeesWeighted;
        }
    }

    public DisclosureRules Disclosure => DisclosureRules.Of(_model.Settings.Disclosure);

    public int EmployerInterviews => _model.Field.Interviews(_district, RespondentGroups.Establishment);

    public int EmployeeInterviews => _model.Field.Groups.Where(g => g != RespondentGroups.Establishment).Sum(g => _model.Field.Interviews(_district, g));

    public IReadOnlyList<FieldTargetLine> FieldTargets =>
        _model.Field.Lines(_district)
            .Where(line => line.Interviews > 0 || line.Target is not null)
            .Select(line => new FieldTargetLine(GroupLabel(line.Group), line.Interviews, line.Target, line.Group == RespondentGroups.Establishment))
            .ToList();

    public IReadOnlyList<CountFigure> Distribution(string questionnaire, string question)
    {
        if (question == AnswerCounter.SizeClassQuestion)
        {
            return _model.SizeClasses.Select((o, i) => new CountFigure(o.Label, _model.Field.SizeMix(_district, i))).ToList();
        }

        if (question == AnswerCounter.SectorGroupQuestion)
        {
            return _model.SectorGroups.Select((o, i) => new CountFigure(o.Label, _model.Field.SectorMix(_district, i))).ToList();
        }

        // Respondents per answer: the counts behind the shares, hidden wherever the share is.
        var figures = Current(questionnaire, question);
        return figures.Item.Options
            .Select((o, i) => figures.District(_district, i))
            .Select((f, i) => new CountFigure(figures.Item.Options[i].Label, new TableCell(f.Estimate.UnweightedCount ?? 0, f.ShowsValue ? CellStatus.Published : f.Status)))
            .ToList();
    }

    public IReadOnlyList<ShareFigure> Shares(string questionnaire, string question)
    {
        var figures = Current(questionnaire, question);
        return figures.Item.Options.Select((o, i) => Share(o.Label, figures.District(_district, i))).ToList();
    }

    public ShareFigure Share(string questionnaire, string question, string value)
    {
        var figures = Current(questionnaire, question);
        var option = Option(figures.Item, value);
        return Share(figures.Item.Options[option].Label, figures.District(_district, option));
    }

    public NumberFigure Number(string questionnaire, string question)
    {
        var figures = _model.Numeric(questionnaire, question, AnalysisPeriod.Of(Quarter));
        var figure = figures.District(_district);
        return new NumberFigure(figures.Item.Label, figure.Mean, figure.Median, figure.Sum, figure.Status) { Revision = figure.Revision };
    }

    public MatrixFigures Matrix(string questionnaire, string question)
    {
        var rows = _model.Items(questionnaire).Where(i => i.Question == question && !i.IsNumeric).Select(i => Current(questionnaire, question, i.Item)).ToList();
        var scale = rows.Count == 0 ? [] : rows[0].Item.Options.Select(o => o.Label).ToList();
        return new MatrixFigures(
            scale,
            rows.Select(figures =>
            {
                // The engine labels a row "question: row"; the chart names the row only.
                var label = figures.Item.Label;
                var colon = label.IndexOf(": ", StringComparison.Ordinal);
                label = colon >= 0 ? label[(colon + 2)..] : label;
                return new MatrixLine(label, figures.Item.Options.Select((o, k) => Share(o.Label, figures.District(_district, k))).ToList());
            }).ToList());
    }

    public GroupMatrix ByEmployeeGroup(string question)
    {
        var figures = Current(NetworkQuestionnaires.EmployeeKey, question);
        var groups = _model.Groups(NetworkQuestionnaires.EmployeeKey);
        var columns = groups.Select((g, gi) => new GroupColumn(GroupLabel(g), figures.Item.Options.Count == 0 ? 0 : figures.DistrictGroup(_district, gi, 0).Estimate.UnweightedN)).ToList();
        var rows = figures.Item.Options
            .Select((o, k) => new GroupMatrixRow(o.Label, groups.Select((_, gi) => Share(o.Label, figures.DistrictGroup(_district, gi, k))).ToList()))
            .ToList();
        return new GroupMatrix(columns, rows);
    }

    public IReadOnlyList<ComparisonLine> Compare(string employerQuestion, string employeeQuestion)
    {
        var employers = Current(NetworkQuestionnaires.EmployerKey, employerQuestion);
        var employees = Current(NetworkQuestionnaires.EmployeeKey, employeeQuestion);
        return employers.Item.Options
            .Select((o, k) => (o, k, e: employees.Item.OptionIndex(o.Code)))
            .Where(x => x.e >= 0)
            .Select(x => new ComparisonLine(x.o.Label, Share(x.o.Label, employers.District(_district, x.k)), Share(x.o.Label, employees.District(_district, x.e))))
            .ToList();
    }

    public Core.Statistics.DifferenceEstimate? CompareWithNetwork(string questionnaire, string question, string value)
    {
        var figures = Current(questionnaire, question);
        var option = Option(figures.Item, value);
        return _model.Change(figures.District(_district, option), figures.Network(option));
    }

    public YearOnYearFigures YearOnYear(string questionnaire, string question, string value)
    {
        var option = Option(Current(questionnaire, question).Item, value);
        var current = Current(questionnaire, question).District(_district, option);
        var previous = _model.Choice(questionnaire, question, AnalysisPeriod.Of(Quarter.SameQuarterPreviousYear())).District(_district, option);
        return new YearOnYearFigures(Share(Quarter.ToGermanShortString(), current), Share(Quarter.SameQuarterPreviousYear().ToGermanShortString(), previous), _model.Change(current, previous));
    }

    public RegionalFigures Regional(string questionnaire, string question, string value)
    {
        var figures = Current(questionnaire, question);
        var option = Option(figures.Item, value);
        return new RegionalFigures(
            Share(NetworkName, figures.Network(option)),
            _model.Districts.Select((d, i) => new RegionalLine(d.Key, d.Name, Share(d.Name, figures.District(i, option)), i == _district)).ToList());
    }

    public TrendFigures Trend(string questionnaire, string question, string value)
    {
        var option = Option(Current(questionnaire, question).Item, value);
        ShareFigure At(AnalysisPeriod period) => Share(period.Label, _model.Choice(questionnaire, question, period).District(_district, option));
        var points = _model.TrendQuarters
            .Select(q =>
            {
                var rolling = _model.Choice(questionnaire, question, AnalysisPeriod.Rolling(q)).District(_district, option);
                return new TrendPoint(q, At(AnalysisPeriod.Of(q)), rolling.Estimate.UnweightedN == 0 ? null : Share("", rolling));
            })
            .ToList();
        var current = _model.Choice(questionnaire, question, AnalysisPeriod.Of(Quarter)).District(_district, option);
        return new TrendFigures(
            points,
            _model.Change(current, _model.Choice(questionnaire, question, AnalysisPeriod.Of(Quarter.SameQuarterPreviousYear())).District(_district, option)),
            _model.Change(current, _model.Choice(questionnaire, question, AnalysisPeriod.Of(Quarter.Previous())).District(_district, option)));
    }

    private ChoiceFigures Current(string questionnaire, string question, string item = "") => _model.Choice(questionnaire, question, AnalysisPeriod.Of(Quarter), item);

    private static int Option(ItemDescription item, string value)
    {
        var option = item.OptionIndex(value);
        return option >= 0
            ? option
            : throw new AnalysisException($"Die Frage „{item.Question}“ hat keine Antwort „{value}“ (vorhanden: {string.Join(", ", item.Options.Select(o => o.Code))}).");
    }

    private static ShareFigure Share(string label, Figure figure) => new(label, figure.Estimate, figure.Status) { Revision = figure.Revision };

    private string GroupLabel(string group)
    {
        if (group == RespondentGroups.Establishment)
        {
            return "Betriebe";
        }

        try
        {
            var groups = _model.Describe(NetworkQuestionnaires.EmployeeKey, "p_gruppe");
            return groups.OptionIndex(group) is var i and >= 0 ? groups.Options[i].Label : group;
        }
        catch (AnalysisException)
        {
            return group;
        }
    }
}
