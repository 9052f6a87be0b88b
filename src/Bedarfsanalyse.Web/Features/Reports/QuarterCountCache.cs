using System.Collections.Concurrent;
using Bedarfsanalyse.Core.Periods;

namespace Bedarfsanalyse.Web.Features.Reports;

/// <summary>
/// The counted answers of one network and quarter, kept while a stamp of the quarter's interviews (count, latest
/// change) stays the same: the reports of all districts of a quarter share them, and a changed interview is seen on
/// the next report.
/// </summary>
public sealed class QuarterCountCache
{
    private readonly ConcurrentDictionary<(int Network, Quarter Quarter), (string Stamp, QuarterCounts Counts)> _entries = new();

    public async Task<QuarterCounts> GetAsync(int networkId, Quarter quarter, Func<Task<string>> stamp, Func<Task<QuarterCounts>> count)
    {
        var current = await stamp();
        if (_entries.TryGetValue((networkId, quarter), out var entry) && entry.Stamp == current)
        {
            return entry.Counts;
        }

        var counts = await count();
        _entries[(networkId, quarter)] = (current, counts);
        return counts;
    }
}

/// <summary>Answer counts, respondent bases and interview totals by district, quarter and respondent group.</summary>
public sealed record QuarterCounts(IReadOnlyList<CountRow> Codes, IReadOnlyList<CountRow> Bases, IReadOnlyList<CountRow> Totals);
