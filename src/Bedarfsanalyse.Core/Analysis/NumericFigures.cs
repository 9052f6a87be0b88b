using Bedarfsanalyse.Core.Disclosure;
using Bedarfsanalyse.Core.Formatting;
using Bedarfsanalyse.Core.Statistics;

namespace Bedarfsanalyse.Core.Analysis;

/// <summary>One numeric figure: mean and median with their intervals, and the sum (where the item is a magnitude).</summary>
public sealed record NumericFigure(Estimate Mean, Estimate Median, TableCell? Sum, CellStatus Status)
{
    public bool ShowsValue => Status.ShowsValue && Mean.HasData;

    /// <summary>"p" or "r" as for shares (<see cref="Figure.Revision"/>).</summary>
    public FigureRevision Revision { get; init; } = FigureRevision.Final;
}

/// <summary>The values of one respondent group in one district: each distinct value with its respondents and weight.</summary>
internal sealed class ValueCounts
{
    public List<(double Value, int Count, double Weight)> Values { get; } = [];

    public int N => Values.Sum(v => v.Count);
}

/// <summary>
/// Means and medians of a numeric item (a number question, or a Likert scale by its positions) per district, for the
/// network and per respondent group. Means rest on sums, which a reader gets back as mean × n: the district sums are
/// a line with the network sum as total and are protected like counts, with the dominance rule for magnitudes
/// (headcount, money) and what a reader knows of each hidden sum (n × the item's smallest and largest value).
/// </summary>
public sealed class NumericFigures
{
    private readonly NumericFigure[] _district;
    private readonly NumericFigure[] _group;

    private NumericFigures(ItemDescription item, AnalysisPeriod period, int districts, int groups)
    {
        Item = item;
        Period = period;
        _district = new NumericFigure[districts];
        _group = new NumericFigure[groups];
    }

    public ItemDescription Item { get; }

    public AnalysisPeriod Period { get; }

    public NumericFigure Network { get; private set; } = null!;

    public NumericFigure District(int district) => _district[district];

    public NumericFigure NetworkGroup(int group) => _group[group];

    /// <param name="values">[district, group] → the item's values.</param>
    /// <param name="isMagnitude">Headcount or money: sums are shown and the dominance rule applies.</param>
    /// <param name="minimum">The smallest value the item allows (what a reader knows of a hidden sum), if any.</param>
    /// <param name="maximum">The largest, if any.</param>
    internal static NumericFigures Build(
        ItemDescription item, AnalysisPeriod period, ValueCounts[,] values, bool weighted, bool isMagnitude, double? minimum, double? maximum,
        PeriodRevision revision, AnalysisSettings settings)
    {
        int d = values.GetLength(0), g = values.GetLength(1);
        var rules = new PrimarySuppression(settings.Disclosure);
        var figures = new NumericFigures(item, period, d, g);
        var districts = Enumerable.Range(0, d).Select(di => Enumerable.Range(0, g).SelectMany(gi => values[di, gi].Values).ToList()).ToList();
        var groups = Enumerable.Range(0, g).Select(gi => Enumerable.Range(0, d).SelectMany(di => values[di, gi].Values).ToList()).ToList();
        var network = districts.SelectMany(v => v).ToList();

        CountCell Cell(List<(double Value, int Count, double Weight)> list, CellRole role)
        {
            var n = list.Sum(v => v.Count);
            var status = Primary(list, n);
            return new CountCell(ScaledSum(list), n, status, role);
        }

        CellStatus Primary(List<(double Value, int Count, double Weight)> list, int n)
        {
            var status = rules.ForMean(n);
            if (isMagnitude && status.ShowsValue)
            {
                var contributions = list.SelectMany(v => Enumerable.Repeat((decimal)v.Value, v.Count)).ToList();
                var sum = rules.ForSum(contributions);
                if (sum.IsSecret)
                {
                    status = sum;
                }
            }

            return status;
        }

        var parts = districts.Select(list => Cell(list, CellRole.Interior)).ToList();
        var total = Cell(network, CellRole.Total);
        var statuses = Protect(parts, total, minimum, maximum, settings, out var withheld);
        for (var di = 0; di < d; di++)
        {
            figures._district[di] = Figure(districts[di], statuses[di], withheld, weighted, isMagnitude, revision.District(di), settings);
        }

        figures.Network = Figure(network, statuses[d], withheld, weighted, isMagnitude, revision.Network, settings);

        // Groups of the network: their sums add up to the network's; withheld when that total is hidden.
        if (g == 1)
        {
            figures._group[0] = figures.Network;
        }
        else
        {
            var groupParts = groups.Select(list => Cell(list, CellRole.Interior)).ToList();
            var networkKnown = figures.Network.Status.ShowsValue || figures.Network.Status.Symbol == CellSymbol.Nothing;
            var groupTotal = total with { Status = CellStatus.Published, Role = CellRole.Fixed };
            var groupWithheld = !networkKnown;
            var groupStatuses = groupWithheld
                ? Enumerable.Repeat(ProtectedGrid.Withheld(settings), g + 1).ToArray()
                : Protect(groupParts, groupTotal, minimum, maximum, settings, out groupWithheld);
            for (var gi = 0; gi < g; gi++)
            {
                figures._group[gi] = Figure(groups[gi], groupStatuses[gi], groupWithheld, weighted, isMagnitude, revision.Network, settings);
            }
        }

        return figures;
    }

    private static CellStatus[] Protect(List<CountCell> parts, CountCell total, double? minimum, double? maximum, AnalysisSettings settings, out bool withheld)
    {
        // Sums are scaled to whole cents; a reader knows n × minimum ≤ sum ≤ n × maximum.
        var table = AdditiveTable.OneWay(parts.Select(p => Bounded(p, minimum, maximum)).ToList(), Bounded(total, minimum, maximum));
        var secrets = parts.Select((p, i) => (p, i))
            .Where(x => x.p.Hidden && x.p.Status.Reason is SuppressionReason.TooFewCases or SuppressionReason.Dominance)
            .Select(x => table.Parts[x.i])
            .ToList();
        if (total.Hidden && total.Status.Reason is SuppressionReason.TooFewCases or SuppressionReason.Dominance)
        {
            secrets.Add(table.Total);
        }

        var result = TableProtection.Protect(table.Table, secrets, settings.Disclosure);
        withheld = result.Withheld;
        return table.Parts.Select(i => result.Statuses[i]).Append(result.Statuses[table.Total]).ToArray();
    }

    /// <summary>The sum with what a reader knows of it once hidden: n × the smallest and largest value the item allows.</summary>
    private static AdditiveCell Bounded(CountCell cell, double? minimum, double? maximum)
    {
        var lower = minimum is { } min ? (long)Math.Floor(min * 100 * cell.Base) : long.MinValue / 4;
        long? upper = maximum is { } max ? (long)Math.Ceiling(max * 100 * cell.Base) : null;
        return new AdditiveCell(cell.Value, cell.Status, Math.Min(lower, cell.Value), upper is { } u ? Math.Max(u, cell.Value) : null, cell.Role);
    }

    private static long ScaledSum(List<(double Value, int Count, double Weight)> values) =>
        (long)Math.Round(values.Sum(v => v.Value * v.Count) * 100);

    private static NumericFigure Figure(
        List<(double Value, int Count, double Weight)> list, CellStatus status, bool withheld, bool weighted, bool isMagnitude,
        FigureRevision revision, AnalysisSettings settings)
    {
        if (withheld && status.Symbol is not (CellSymbol.Nothing or CellSymbol.Secret or CellSymbol.NotReliable))
        {
            status = ProtectedGrid.Withheld(settings);
        }

        if (status.Symbol is CellSymbol.Secret or CellSymbol.NotReliable)
        {
            var n = list.Sum(v => v.Count);
            return new NumericFigure(
                ChoiceFigures.Hidden(EstimateKind.Mean, n, n, weighted, settings), ChoiceFigures.Hidden(EstimateKind.Median, n, n, weighted, settings),
                isMagnitude ? new TableCell(0, status) : null, status) { Revision = revision };
        }

        var level = settings.Intervals.ConfidenceLevel;
        var expanded = list.SelectMany(v => Enumerable.Repeat(v.Value, v.Count)).ToList();
        Estimate mean, median;
        if (weighted)
        {
            var weights = list.SelectMany(v => Enumerable.Repeat(v.Weight, v.Count)).ToList();
            mean = MeanEstimator.EstimateWeighted(expanded, weights, level);
            median = MedianEstimator.EstimateWeighted(expanded, weights, level);
        }
        else
        {
            mean = MeanEstimator.Estimate(expanded, level);
            median = MedianEstimator.Estimate(expanded, level);
        }

        var sum = isMagnitude ? new TableCell((decimal)expanded.Sum(), status) : null;
        return new NumericFigure(mean, median, sum, status) { Revision = revision };
    }
}
