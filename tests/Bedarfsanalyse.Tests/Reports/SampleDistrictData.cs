using Bedarfsanalyse.Core.Disclosure;
using Bedarfsanalyse.Core.Formatting;
using Bedarfsanalyse.Core.Periods;
using Bedarfsanalyse.Core.Questionnaires;
using Bedarfsanalyse.Core.Questionnaires.Network;
using Bedarfsanalyse.Core.Statistics;
using Bedarfsanalyse.Reports.Quarterly;

namespace Bedarfsanalyse.Tests.Reports;

/// <summary>
/// Figures for Holzminden, 3rd quarter 2026, made by hand as the analysis engine would deliver them: shares with n
/// and interval, some suppressed. A suppressed share carries the value 77,7 % so a test can prove it never appears. The
/// report quarter's trend figures are provisional ("p"), as the engine marks them until 30 days after the quarter;
/// <see cref="CurrentRevision"/> marks every other figure of the report quarter too.
/// </summary>
internal sealed class SampleDistrictData : IDistrictReportData
{
    public const double SecretPoint = 0.777;

    public static readonly CellStatus Secret = new(CellSymbol.Secret, SuppressionReason.TooFewCases, "weniger als 3 Fälle");
    public static readonly CellStatus NotReliable = new(CellSymbol.NotReliable, SuppressionReason.BaseTooSmall, "Basis unter 10");
    public static readonly CellStatus Limited = new(CellSymbol.LimitedReliability, SuppressionReason.LimitedReliability, "Basis 10 bis 29");

    private readonly int _districts;

    /// <param name="districts">How many districts the network has (3, or e.g. 45 like Niedersachsen in the L dataset).</param>
    public SampleDistrictData(int employerInterviews = 134, int employeeInterviews = 212, int districts = 3)
    {
        EmployerInterviews = employerInterviews;
        EmployeeInterviews = employeeInterviews;
        _districts = districts;
    }

    /// <summary>The revision of the report quarter's shares and numbers outside the trend (final unless a test says otherwise).</summary>
    public FigureRevision CurrentRevision { get; init; } = FigureRevision.Final;

    public string NetworkKey => "mehrwert";

    public string NetworkName => "Weiterbildungsverbund MehrWert";

    public string DistrictKey => "03255";

    public string DistrictName => "Holzminden";

    public Quarter Quarter => new(2026, 3);

    public DateOnly AsOf => new(2026, 10, 5);

    public bool IsWeighted => false;

    public DisclosureRules Disclosure { get; init; } = DisclosureRules.Default;

    public int EmployerInterviews { get; }

    public int EmployeeInterviews { get; }

    /// <summary>Other field-report lines than the default five groups.</summary>
    public IReadOnlyList<FieldTargetLine>? FieldTargetLines { get; init; }

    public IReadOnlyList<FieldTargetLine> FieldTargets => FieldTargetLines ??
    [
        new("Befragte Unternehmen", EmployerInterviews, 150, IsEmployers: true),
        new("Ältere Beschäftigte (55 und älter)", 60, 50),
        new("Jüngere Beschäftigte (unter 25)", 52, 50),
        new("Auszubildende", 48, null),
        new("Beschäftigte mit Einwanderungsgeschichte", 52, 50),
    ];

    public static ShareFigure Figure(string label, double point, int n, CellStatus? status = null) => new(label, new Estimate
    {
        Kind = EstimateKind.Share,
        Point = point,
        Interval = new ConfidenceInterval(Math.Max(0, point - 0.08), Math.Min(1, point + 0.08)),
        Method = IntervalMethod.Wilson,
        ConfidenceLevel = 0.95,
        UnweightedN = n,
        EffectiveN = n,
        UnweightedCount = (int)Math.Round(point * n),
    }, status ?? CellStatus.Published);

    public IReadOnlyList<CountFigure> Distribution(string questionnaire, string question) =>
    [
        new("A Land- und Forstwirtschaft", new TableCell(2, Secret)),
        new("B–F Produzierendes Gewerbe", new TableCell(41, CellStatus.Published)),
        new("G–I Handel, Verkehr, Gastgewerbe", new TableCell(47, CellStatus.Published)),
        new("J–N Dienstleistungen", new TableCell(30, Secret)),
        new("O–U Öffentliche und sonstige Dienstleistungen", new TableCell(14, CellStatus.Published)),
    ];

    public IReadOnlyList<ShareFigure> Shares(string questionnaire, string question)
    {
        var definition = NetworkQuestionnaires.All.Single(q => q.Key == questionnaire);
        var choices = definition.FindChoiceList(((ChoiceQuestion)definition.Questions().Single(q => q.Name == question)).ListName)!.Choices;
        return choices.Select((choice, i) => Current(i switch
        {
            1 => Figure(choice.Label.Default, SecretPoint, 134, Secret),
            3 => Figure(choice.Label.Default, 0.25, 24, Limited),
            _ => Figure(choice.Label.Default, 0.62 - i * 0.03, 134),
        })).ToList();
    }

    /// <summary>Each indicator its own share and n, so a figure printed in the wrong place shows.</summary>
    public static readonly IReadOnlyDictionary<string, (double Point, int N)> Indicators = new Dictionary<string, (double, int)>
    {
        ["b_gefoerdert"] = (0.425, 134),
        ["f_offene_stellen"] = (0.317, 126),
        ["b_bildet_aus"] = (0.238, 130),
    };

    public ShareFigure Share(string questionnaire, string question, string value) =>
        Current(Indicators.TryGetValue(question, out var figure) ? Figure(value, figure.Point, figure.N) : Figure(value, 0.153, 97));

    private ShareFigure Current(ShareFigure figure) => figure with { Revision = CurrentRevision };

    /// <summary>Vacancies in brackets (n 10–29), contracts plain, unfilled places secret by dominance, dissolved contracts "/".</summary>
    public NumberFigure Number(string questionnaire, string question) => (question switch
    {
        "f_anzahl_stellen" => Numbers("Stellen", 57, 2.375, 2, 24, Limited),
        "b_vertraege_neu" => Numbers("Verträge", 1248, 1.6, 1, 780, CellStatus.Published),
        "b_plaetze_unbesetzt" => Numbers("Plätze", 777, 77.7, 77, 31, Dominated),
        "b_vertraege_geloest" => Numbers("gelöst", 777, 77.7, 77, 5, NotReliable),
        _ => Numbers(question, 10, 1, 1, 10, Limited),
    }) with { Revision = CurrentRevision };

    public static readonly CellStatus Dominated = new(CellSymbol.Secret, SuppressionReason.Dominance, "von ein oder zwei Betrieben bestimmt");

    private static NumberFigure Numbers(string label, decimal sum, double mean, double median, int n, CellStatus status)
    {
        Estimate Of(EstimateKind kind, double point) => new()
        {
            Kind = kind, Point = point, Interval = new ConfidenceInterval(point * 0.8, point * 1.2), Method = IntervalMethod.StudentT,
            ConfidenceLevel = 0.95, UnweightedN = n, EffectiveN = n,
        };

        return new NumberFigure(label, Of(EstimateKind.Mean, mean), Of(EstimateKind.Median, median), new TableCell(sum, status), status);
    }

    /// <summary>Urgency per topic: "KI" most urgent, "IT-Sicherheit" with a hidden share, "Führung" named by nobody.</summary>
    public MatrixFigures Matrix(string questionnaire, string question)
    {
        MatrixLine Line(string label, int n, params double[] shares) =>
            new(label, shares.Select((share, k) => Current(Figure(new[] { "jetzt", "in 1–2 Jahren", "in 3–5 Jahren" }[k], share, n))).ToList());

        return new MatrixFigures(
            ["jetzt", "in 1–2 Jahren", "in 3–5 Jahren"],
            [
                Line("Digitale Grundkenntnisse", 48, 0.25, 0.5, 0.25),
                Line("Künstliche Intelligenz", 61, 0.59, 0.31, 0.10),
                new("IT-Sicherheit", [Figure("jetzt", SecretPoint, 12, Secret), Figure("in 1–2 Jahren", 0.2, 12, Limited), Figure("in 3–5 Jahren", 0.023, 12, Limited)]),
                new("Führung", [Figure("jetzt", 0, 0, NoCases), Figure("in 1–2 Jahren", 0, 0, NoCases), Figure("in 3–5 Jahren", 0, 0, NoCases)]),
            ]);
    }

    public static readonly CellStatus NoCases = new(CellSymbol.Nothing, SuppressionReason.NoCases, "keine Fälle");

    public GroupMatrix ByEmployeeGroup(string question)
    {
        var groups = new[] { "Ältere", "Jüngere", "Auszubildende", "Einwanderungsgeschichte" };
        var topics = Shares(NetworkQuestionnaires.EmployeeKey, question).Take(8).ToList();
        return new GroupMatrix(
            groups.Select(g => new GroupColumn(g, 52)).ToList(),
            topics.Select((t, r) => new GroupMatrixRow(t.Label, groups.Select((_, c) => Current(r == 2 && c == 1 ? Figure(t.Label, SecretPoint, 52, Secret) : Figure(t.Label, 0.2 + 0.05 * r + 0.03 * c, 52))).ToList())).ToList());
    }

    public IReadOnlyList<ComparisonLine> Compare(string employerQuestion, string employeeQuestion) =>
        Shares(NetworkQuestionnaires.EmployerKey, employerQuestion)
            .Zip(Shares(NetworkQuestionnaires.EmployeeKey, employeeQuestion), (e, b) => new ComparisonLine(e.Label, e, b with { Estimate = b.Estimate with { UnweightedN = 212 } }))
            .ToList();

    /// <summary>Holzminden against the network; not secured unless a test says otherwise.</summary>
    public DifferenceEstimate NetworkDifference { get; init; } = new()
    {
        Point = -0.043, Interval = new ConfidenceInterval(-0.13, 0.05), Method = IntervalMethod.NewcombeHybridScore, ConfidenceLevel = 0.95,
        IsStatisticallySecured = false, CurrentUnweightedN = 134, PreviousUnweightedN = 905,
    };

    public DifferenceEstimate? CompareWithNetwork(string questionnaire, string question, string value) => NetworkDifference;

    /// <summary>Changes against Q3/2025 per question; a question not listed did not change in a secured way.</summary>
    public IReadOnlyDictionary<string, (double Previous, double Change)> SecuredChanges { get; init; } = new Dictionary<string, (double, double)>();

    public YearOnYearFigures YearOnYear(string questionnaire, string question, string value)
    {
        var current = Share(questionnaire, question, value);
        var (previous, change, secured) = SecuredChanges.TryGetValue(question, out var c) ? (c.Previous, c.Change, true) : (0.394, 0.031, false);
        return new YearOnYearFigures(current, Figure("Q3/2025", previous, 120), new DifferenceEstimate
        {
            Point = change, Interval = new ConfidenceInterval(change - 0.05, change + 0.05), Method = IntervalMethod.NewcombeHybridScore, ConfidenceLevel = 0.95,
            IsStatisticallySecured = secured, CurrentUnweightedN = 134, PreviousUnweightedN = 120,
        });
    }

    public RegionalFigures Regional(string questionnaire, string question, string value) => new(
        Current(Figure("Verbund", 0.468, 905)),
        [
            new("03255", "Holzminden", Current(Figure("Holzminden", 0.425, 134)), true),
            new("03252", "Hameln-Pyrmont", Current(Figure("Hameln-Pyrmont", 0.51, 160)), false),
            new("03257", "Schaumburg", Current(Figure("Schaumburg", SecretPoint, 8, NotReliable)), false),
            .. Enumerable.Range(4, Math.Max(0, _districts - 3)).Select(i =>
                new RegionalLine($"03{i:000}", $"Landkreis {i}", Current(Figure($"Landkreis {i}", 0.30 + 0.005 * i, 60 + i)), false)),
        ]);

    public TrendFigures Trend(string questionnaire, string question, string value) => new(
        [
            new(new Quarter(2025, 3), Figure("", 0.394, 120), null),
            new(new Quarter(2025, 4), Figure("", 0.41, 118), null),
            new(new Quarter(2026, 1), Figure("", SecretPoint, 6, NotReliable), null),
            new(new Quarter(2026, 2), Figure("", 0.44, 128), Figure("", 0.415, 372)),
            new(new Quarter(2026, 3), Figure("", 0.425, 134) with { Revision = FigureRevision.Provisional }, Figure("", 0.43, 386) with { Revision = FigureRevision.Provisional }),
        ],
        new DifferenceEstimate
        {
            Point = 0.031, Interval = new ConfidenceInterval(-0.087, 0.148), Method = IntervalMethod.NewcombeHybridScore, ConfidenceLevel = 0.95,
            IsStatisticallySecured = false, CurrentUnweightedN = 134, PreviousUnweightedN = 120,
        },
        new DifferenceEstimate { Point = -0.015, Interval = new ConfidenceInterval(-0.13, 0.1), IsStatisticallySecured = false, CurrentUnweightedN = 134, PreviousUnweightedN = 128 });
}
