using Bedarfsanalyse.Core.Disclosure;
using Bedarfsanalyse.Core.Formatting;
using Bedarfsanalyse.Core.Periods;
using Bedarfsanalyse.Core.Statistics;
using Bedarfsanalyse.Reports.Pdf.Charts;

namespace Bedarfsanalyse.Reports.Quarterly;

/// <summary>
/// One share as the analysis engine delivered it, with its label: the estimate (n, interval) and what disclosure
/// control lets the report show. The report only formats it; a suppressed share never reaches the page as a number.
/// </summary>
public sealed record ShareFigure(string Label, Estimate Estimate, CellStatus Status)
{
    /// <summary>"p" while the quarter's field work may still change the share, "r" once it was corrected; as the engine says.</summary>
    public FigureRevision Revision { get; init; } = FigureRevision.Final;

    /// <summary>
    /// "42,5 %", "(42,5 %)", "42,5 % p", ".", "/" or "–": the share as every table and sentence of the report prints it,
    /// with the mark of a provisional or revised share; a symbol stays unmarked.
    /// </summary>
    public string Text => GermanFigureFormat.WithRevision(TableCellText.Share(Estimate, Status), ShownRevision);

    /// <summary>The revision the reader sees: a share that is not shown carries no mark.</summary>
    public FigureRevision ShownRevision => ShownPercent is null ? FigureRevision.Final : Revision;

    /// <summary>"38,1–46,9 %", or empty where the value is not shown or has no interval.</summary>
    public string IntervalText => Status.ShowsValue && Estimate.Interval is { } interval ? GermanFigureFormat.PercentInterval(interval) : "";

    /// <summary>
    /// The interval as a table cell: the interval, or where the share is not shown its symbol (".", "/", "–"), so that a
    /// hidden row reads the same in every column.
    /// </summary>
    public string IntervalCellText => ShownPercent is null ? Marker ?? "–" : IntervalText;

    /// <summary>The unweighted n, "1.234".</summary>
    public string NText => GermanFigureFormat.Count(Estimate.UnweightedN);

    /// <summary>The share in percent where it may be shown, for ordering and charts.</summary>
    public double? ShownPercent => Status.ShowsValue && Estimate.Point is { } point ? point * 100.0 : null;

    internal BarChartItem ToBar(string? label = null)
    {
        var shown = ShownPercent;
        var interval = shown is null ? null : Estimate.Interval;
        return new BarChartItem(
            label ?? Label,
            shown,
            Estimate.UnweightedN,
            interval?.Lower * 100.0,
            interval?.Upper * 100.0,
            Marker,
            GermanFigureFormat.RevisionMark(ShownRevision));
    }

    // A hidden figure carries no value (the engine masks it), so its symbol decides; "–" only where there is nothing.
    private string? Marker => Status.Symbol switch
    {
        CellSymbol.None => Estimate.HasData ? null : "–",
        _ => Status.SymbolText,
    };

    internal HeatMapCell ToHeatMapCell() =>
        new(ShownPercent, Marker, GermanFigureFormat.RevisionMark(ShownRevision));
}

/// <summary>
/// A number question (vacancies, apprenticeship contracts) as the engine delivered it: the sum over the respondents
/// (checked with the dominance rule), mean and median with n, and what disclosure control lets the report show. A
/// hidden figure carries no value, so its symbol is all that can be printed.
/// </summary>
public sealed record NumberFigure(string Label, Estimate Mean, Estimate Median, TableCell? Sum, CellStatus Status)
{
    /// <summary>Provisional ("p") or revised ("r") as the engine says; marks every shown value of the figure.</summary>
    public FigureRevision Revision { get; init; } = FigureRevision.Final;

    /// <summary>The revision the reader sees: a figure that is not shown carries no mark.</summary>
    public FigureRevision ShownRevision => Status.ShowsValue && Mean.HasData ? Revision : FigureRevision.Final;

    /// <summary>"1.234", "(1.234)", "1.234 p", ".", "/" or "–"; the sum is rounded to whole units.</summary>
    public string SumText => Sum is null
        ? "–"
        : GermanFigureFormat.WithRevision(TableCellText.Figure(Status, Status.ShowsValue && Mean.HasData ? GermanFigureFormat.Number(Sum.Value, 0) : null), ShownRevision);

    /// <summary>"3,4", "(3,4)", "3,4 p", ".", "/" or "–".</summary>
    public string MeanText => GermanFigureFormat.WithRevision(TableCellText.Mean(Mean, Status), ShownRevision);

    public string MedianText => GermanFigureFormat.WithRevision(TableCellText.Mean(Median, Status), ShownRevision);

    /// <summary>"2,9–3,9", or empty where the mean is not shown or has no interval.</summary>
    public string MeanIntervalText => Status.ShowsValue && Mean.Interval is { } interval ? GermanFigureFormat.Interval(interval) : "";

    /// <summary>The mean's interval as a table cell: the interval, or where the mean is not shown its symbol, like the other columns.</summary>
    public string MeanIntervalCellText => Status.ShowsValue && Mean.Point is not null ? MeanIntervalText : TableCellText.Mean(Mean, Status);

    /// <summary>The unweighted n (respondents with a value), "1.234".</summary>
    public string NText => GermanFigureFormat.Count(Mean.UnweightedN);
}

/// <summary>
/// A matrix question (c_dringlichkeit: urgency per topic): the answers of its scale, and per row the share of each
/// answer among the respondents of that row, as the engine gives them for the row's item.
/// </summary>
public sealed record MatrixFigures(IReadOnlyList<string> Scale, IReadOnlyList<MatrixLine> Rows);

/// <summary>One row of a matrix question with the shares of the scale's answers, in scale order.</summary>
public sealed record MatrixLine(string Label, IReadOnlyList<ShareFigure> Shares)
{
    /// <summary>Respondents of the row (its base).</summary>
    public int N => Shares.Count == 0 ? 0 : Shares[0].Estimate.UnweightedN;

    /// <summary>
    /// The first share disclosure control hides, or null: where there is one, no share of the row may be shown, since
    /// 100 % minus the others would tell it. An answer nobody gave ("–") hides nothing.
    /// </summary>
    public ShareFigure? HiddenShare => Shares.FirstOrDefault(s => s.ShownPercent is null && s.Status.Symbol != CellSymbol.Nothing);

    /// <summary>
    /// The bar of a stacked chart: every share of the row or none, because one hidden segment could be recomputed as
    /// 100 % minus the others; the symbol of the first hidden share then stands for the row. An answer nobody gave
    /// ("–") is a segment of 0 %: it hides nothing.
    /// </summary>
    internal Pdf.Charts.StackedBarItem ToStackedBar()
    {
        var hidden = HiddenShare;
        return hidden is null
            ? new Pdf.Charts.StackedBarItem(Label, N, Shares.Select(s => s.ShownPercent ?? 0).ToList())
            : new Pdf.Charts.StackedBarItem(Label, N, [], hidden.Status.SymbolText is { Length: > 0 } symbol ? symbol : "–");
    }
}

/// <summary>A count of interviews (e.g. by sector group) with its disclosure status.</summary>
public sealed record CountFigure(string Label, TableCell Cell)
{
    public string Text => TableCellText.Count(Cell);
}

/// <summary>
/// The disclosure thresholds the figures were suppressed by, so that the methods and the symbol table name the rules
/// that were applied, not the usual ones (they are configuration).
/// </summary>
public sealed record DisclosureRules(int MinimumCases, int MinimumShareBase, int FullReliabilityBase, int DominanceContributors, decimal DominancePercent)
{
    public static DisclosureRules Default { get; } = Of(Core.Disclosure.DisclosureSettings.Default);

    public static DisclosureRules Of(Core.Disclosure.DisclosureSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new(settings.MinimumCases, settings.MinimumShareBase, settings.FullReliabilityBase, settings.DominanceContributors, settings.DominancePercent);
    }
}

/// <summary>
/// Interviews of one respondent group against the field target (Soll/Ist); no target, no percentage.
/// <paramref name="IsEmployers"/> marks the establishments' line (the employer interview), whatever its label says.
/// </summary>
public sealed record FieldTargetLine(string Group, int Interviews, int? Target, bool IsEmployers = false);

/// <summary>A topic × employee-group table of shares; each column with its n.</summary>
public sealed record GroupMatrix(IReadOnlyList<GroupColumn> Groups, IReadOnlyList<GroupMatrixRow> Rows);

public sealed record GroupColumn(string Label, int N);

public sealed record GroupMatrixRow(string Label, IReadOnlyList<ShareFigure> Cells);

/// <summary>One topic of the shared topic list, as employers and as employees see it.</summary>
public sealed record ComparisonLine(string Label, ShareFigure Employers, ShareFigure Employees);

/// <summary>The district beside the network total and the other districts of the network.</summary>
public sealed record RegionalFigures(ShareFigure Network, IReadOnlyList<RegionalLine> Districts);

public sealed record RegionalLine(string DistrictKey, string DistrictName, ShareFigure Share, bool IsReportDistrict);

/// <summary>A share in the report's quarter and a year earlier; the change is null where either may not be shown.</summary>
public sealed record YearOnYearFigures(ShareFigure Current, ShareFigure Previous, DifferenceEstimate? Change);

/// <summary>A share over the quarters up to the report's quarter, with the rolling four-quarter value and the changes.</summary>
public sealed record TrendFigures(
    IReadOnlyList<TrendPoint> Points,
    DifferenceEstimate? ChangeToSameQuarterPreviousYear,
    DifferenceEstimate? ChangeToPreviousQuarter);

public sealed record TrendPoint(Quarter Quarter, ShareFigure Quarterly, ShareFigure? Rolling);
