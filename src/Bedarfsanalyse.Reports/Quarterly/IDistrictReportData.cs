using Bedarfsanalyse.Core.Periods;

namespace Bedarfsanalyse.Reports.Quarterly;

/// <summary>
/// What the quarterly district report reads from the analysis engine's model, looked up by the question names of the
/// template. Implementations only select and label figures of the model; none computes a statistic.
/// </summary>
public interface IDistrictReportData
{
    string NetworkKey { get; }

    string NetworkName { get; }

    string DistrictKey { get; }

    string DistrictName { get; }

    Quarter Quarter { get; }

    /// <summary>The day the data were read ("Stand").</summary>
    DateOnly AsOf { get; }

    bool IsWeighted { get; }

    /// <summary>The disclosure thresholds of the figures.</summary>
    DisclosureRules Disclosure { get; }

    int EmployerInterviews { get; }

    int EmployeeInterviews { get; }

    /// <summary>Interviews by respondent group against the field targets.</summary>
    IReadOnlyList<FieldTargetLine> FieldTargets { get; }

    /// <summary>Interviews by the answers of a question (sector group, size class).</summary>
    IReadOnlyList<CountFigure> Distribution(string questionnaire, string question);

    /// <summary>The share of each answer of a choice question, in the order of the answer list.</summary>
    IReadOnlyList<ShareFigure> Shares(string questionnaire, string question);

    /// <summary>The share of one answer (e.g. "ja").</summary>
    ShareFigure Share(string questionnaire, string question, string value);

    /// <summary>Sum, mean and median of a number question (e.g. f_anzahl_stellen).</summary>
    NumberFigure Number(string questionnaire, string question);

    /// <summary>The shares of the scale's answers for every row of a matrix question (urgency per topic).</summary>
    MatrixFigures Matrix(string questionnaire, string question);

    /// <summary>The shares of a question of the employee interview, by employee group.</summary>
    GroupMatrix ByEmployeeGroup(string question);

    /// <summary>The shared topic list: employer question beside employee question.</summary>
    IReadOnlyList<ComparisonLine> Compare(string employerQuestion, string employeeQuestion);

    /// <summary>
    /// The district's share minus the network's, in percentage points with Newcombe's interval; null where either may
    /// not be shown. The district is part of the network, so treating them as independent makes the interval wider,
    /// never narrower: "gesichert" stays safe.
    /// </summary>
    Core.Statistics.DifferenceEstimate? CompareWithNetwork(string questionnaire, string question, string value);

    /// <summary>One share now and in the same quarter of the previous year, with the change (Newcombe).</summary>
    YearOnYearFigures YearOnYear(string questionnaire, string question, string value);

    RegionalFigures Regional(string questionnaire, string question, string value);

    TrendFigures Trend(string questionnaire, string question, string value);
}
