using Bedarfsanalyse.Core.Formatting;
using Bedarfsanalyse.Core.Periods;

namespace Bedarfsanalyse.Core.Analysis;

/// <summary>
/// Whether the figures of one period are final, provisional ("p") or revised ("r"), for each district and the network.
/// A quarter is closed once the day "Stand" lies after its close day (<see cref="AnalysisSettings.CloseDay"/>). A period
/// with a quarter not yet closed is provisional. Otherwise a figure is revised when a completed interview of its scope
/// in one of the period's quarters was edited or completed after that quarter's close day: a district's figures look
/// at the district's interviews, the network's (and its groups', size classes' and sector groups') at all of them.
/// </summary>
internal sealed class PeriodRevision
{
    private readonly FigureRevision[] _districts;

    private PeriodRevision(FigureRevision[] districts, FigureRevision network)
    {
        _districts = districts;
        Network = network;
    }

    public FigureRevision Network { get; }

    public FigureRevision District(int district) => _districts[district];

    /// <param name="counts">The counts of each quarter of the period.</param>
    public static PeriodRevision Compute(AnalysisInput input, AnalysisPeriod period, IEnumerable<QuarterCounts> counts)
    {
        var settings = input.Settings;
        if (period.Quarters.Any(q => !IsClosed(q, input)))
        {
            return new PeriodRevision(input.Districts.Select(_ => FigureRevision.Provisional).ToArray(), FigureRevision.Provisional);
        }

        // Districts with an interview changed after its quarter had closed; a change's day is read in its own offset.
        var changed = counts
            .SelectMany(c => c.LastChangeByDistrict
                .Where(change => DateOnly.FromDateTime(change.Value.DateTime) > settings.CloseDay(c.Quarter))
                .Select(change => change.Key))
            .ToHashSet(StringComparer.Ordinal);
        var districts = input.Districts.Select(d => changed.Contains(d.Key) ? FigureRevision.Revised : FigureRevision.Final).ToArray();
        return new PeriodRevision(districts, changed.Count > 0 ? FigureRevision.Revised : FigureRevision.Final);
    }

    /// <summary>Whether the quarter's figures were final on the day the counts were read.</summary>
    public static bool IsClosed(Quarter quarter, AnalysisInput input) => input.AsOf > input.Settings.CloseDay(quarter);
}
