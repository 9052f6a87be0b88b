using System.Collections.Concurrent;
using Bedarfsanalyse.Core.Analysis;
using Bedarfsanalyse.Core.Periods;
using Bedarfsanalyse.Data;
using Bedarfsanalyse.Data.Interviews;
using Microsoft.EntityFrameworkCore;

namespace Bedarfsanalyse.Web.Features.Analysis;

/// <summary>
/// The counts of each network and quarter, kept while the quarter's stamp (completed interviews: how many, latest
/// change, latest completion) stays the same. A quarterly run counts every quarter once for all its districts and the
/// workbook; the next quarter's run counts only the new quarter; a changed interview is seen by the next model.
/// </summary>
public sealed class AnswerCountCache
{
    // Four networks of eight quarters: a quarterly run and the workbook of the largest, with room to spare.
    private const int MaximumEntries = 32;

    private readonly ConcurrentDictionary<(int Network, Quarter Quarter), Entry> _entries = new();

    /// <summary>The counts of the quarters, counting (in one pass) only those whose interviews changed.</summary>
    public async Task<(IReadOnlyList<QuarterCounts> Counts, string Stamp)> GetAsync(
        BedarfsanalyseDb db, AnswerCounter counter, int networkId, IReadOnlyList<Quarter> quarters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(counter);
        var stamps = await StampsAsync(db, networkId, quarters, cancellationToken);
        var stale = quarters.Where(q => !_entries.TryGetValue((networkId, q), out var entry) || entry.Stamp != stamps[q]).ToList();
        if (stale.Count > 0)
        {
            foreach (var counts in await counter.CountAsync(networkId, stale, cancellationToken))
            {
                _entries[(networkId, counts.Quarter)] = new Entry(stamps[counts.Quarter], counts, DateTimeOffset.UtcNow);
            }

            Trim();
        }

        var result = quarters.Select(q => _entries.TryGetValue((networkId, q), out var entry) ? entry.Counts : QuarterCounts.Empty(q)).ToList();
        return (result, string.Join(";", quarters.Select(q => stamps[q])));
    }

    /// <summary>Drops the counts of the quarters (all of them when none are named), so that the next model counts them again.</summary>
    public void Forget(int networkId, params Quarter[] quarters)
    {
        foreach (var key in _entries.Keys.Where(k => k.Network == networkId && (quarters.Length == 0 || quarters.Contains(k.Quarter))).ToList())
        {
            _entries.TryRemove(key, out _);
        }
    }

    private static async Task<Dictionary<Quarter, string>> StampsAsync(BedarfsanalyseDb db, int networkId, IReadOnlyList<Quarter> quarters, CancellationToken cancellationToken)
    {
        var from = quarters.Min().FirstDay;
        var to = quarters.Max().NextFirstDay;
        var rows = await db.Interviews.AsNoTracking()
            .Where(i => i.NetworkId == networkId && i.Status == Interview.Completed && i.ConductedOn >= from && i.ConductedOn < to)
            .GroupBy(i => new { i.ConductedOn.Year, Quarter = (i.ConductedOn.Month + 2) / 3 })
            .Select(g => new { g.Key.Year, g.Key.Quarter, Count = g.Count(), Updated = g.Max(i => i.UpdatedAt), Completed = g.Max(i => i.CompletedAt) })
            .ToListAsync(cancellationToken);
        var stamps = quarters.ToDictionary(q => q, _ => "0");
        foreach (var row in rows)
        {
            stamps[new Quarter(row.Year, row.Quarter)] = $"{row.Count}|{row.Updated.UtcTicks}|{row.Completed?.UtcTicks}";
        }

        return stamps;
    }

    private void Trim()
    {
        foreach (var old in _entries.OrderByDescending(e => e.Value.StoredAt).Skip(MaximumEntries).Select(e => e.Key).ToList())
        {
            _entries.TryRemove(old, out _);
        }
    }

    private sealed record Entry(string Stamp, QuarterCounts Counts, DateTimeOffset StoredAt);
}
