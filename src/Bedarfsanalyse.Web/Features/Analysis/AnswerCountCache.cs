using System.Collections.Concurrent;
using Bedarfsanalyse.Core.Analysis;
using Bedarfsanalyse.Core.Periods;
using Bedarfsanalyse.Data;
using Bedarfsanalyse.Data.Interviews;
using Microsoft.EntityFrameworkCore;

namespace Bedarfsanalyse.Web.Features.Analysis;

/// <summary>
/// The counts of each network and quarter, kept while the quarter's stamp (completed interviews per district: how many,
/// latest change, latest completion) stays the same. A quarterly run counts every quarter once for all its districts and
/// the workbook; the next quarter's run counts only the new quarter; a changed interview is seen by the next model. The
/// stamp's latest change per district goes with the counts, so that the model can tell revised figures from final ones.
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
        var stale = quarters.Where(q => !_entries.TryGetValue((networkId, q), out var entry) || entry.Stamp != stamps[q].Text).ToList();
        if (stale.Count > 0)
        {
            foreach (var counts in await counter.CountAsync(networkId, stale, cancellationToken))
            {
                var stamp = stamps[counts.Quarter];
                _entries[(networkId, counts.Quarter)] = new Entry(stamp.Text, counts with { LastChangeByDistrict = stamp.LastChangeByDistrict }, DateTimeOffset.UtcNow);
            }

            Trim();
        }

        var result = quarters.Select(q => _entries.TryGetValue((networkId, q), out var entry) ? entry.Counts : QuarterCounts.Empty(q)).ToList();
        return (result, string.Join(";", quarters.Select(q => stamps[q].Text)));
    }

    /// <summary>Drops the counts of the quarters (all of them when none are named), so that the next model counts them again.</summary>
    public void Forget(int networkId, params Quarter[] quarters)
    {
        foreach (var key in _entries.Keys.Where(k => k.Network == networkId && (quarters.Length == 0 || quarters.Contains(k.Quarter))).ToList())
        {
            _entries.TryRemove(key, out _);
        }
    }

    /// <summary>
    /// One grouped query over the interviews (no answers): per quarter and district the completed interviews, their
    /// latest change and latest completion. Per district, so that a change in one district alters its quarter's stamp
    /// even where another district holds the quarter's latest change. Interviews withdrawn after they had been completed
    /// left the counts: their withdrawal is a change of the district's figures too, so it counts as the latest change
    /// (a second, small query over the partial index of withdrawn interviews; one query for both was slower, ADR 0028).
    /// </summary>
    private static async Task<Dictionary<Quarter, Stamp>> StampsAsync(BedarfsanalyseDb db, int networkId, IReadOnlyList<Quarter> quarters, CancellationToken cancellationToken)
    {
        var from = quarters.Min().FirstDay;
        var to = quarters.Max().NextFirstDay;
        var rows = await db.Interviews.AsNoTracking()
            .Where(i => i.NetworkId == networkId && i.Status == Interview.Completed && i.ConductedOn >= from && i.ConductedOn < to)
            .GroupBy(i => new { i.ConductedOn.Year, Quarter = (i.ConductedOn.Month + 2) / 3, i.DistrictKey })
            .Select(g => new { g.Key.Year, g.Key.Quarter, g.Key.DistrictKey, Count = g.Count(), Updated = g.Max(i => i.UpdatedAt), Completed = g.Max(i => i.CompletedAt) })
            .ToListAsync(cancellationToken);
        var withdrawals = await db.Interviews.AsNoTracking()
            .Where(i => i.NetworkId == networkId && i.Status == Interview.Withdrawn && i.CompletedAt != null && i.ConductedOn >= from && i.ConductedOn < to)
            .GroupBy(i => new { i.ConductedOn.Year, Quarter = (i.ConductedOn.Month + 2) / 3, i.DistrictKey })
            .Select(g => new { g.Key.Year, g.Key.Quarter, g.Key.DistrictKey, Withdrawn = g.Max(i => i.WithdrawnAt) })
            .ToListAsync(cancellationToken);

        var changes = rows.Select(r => (Quarter: new Quarter(r.Year, r.Quarter), r.DistrictKey, Change: r.Completed is { } completed && completed > r.Updated ? completed : r.Updated))
            .Concat(withdrawals.Where(w => w.Withdrawn is not null).Select(w => (Quarter: new Quarter(w.Year, w.Quarter), w.DistrictKey, Change: w.Withdrawn!.Value)))
            .GroupBy(c => c.Quarter)
            .ToDictionary(
                q => q.Key,
                q => (IReadOnlyDictionary<string, DateTimeOffset>)q.GroupBy(c => c.DistrictKey, StringComparer.Ordinal)
                    .ToDictionary(d => d.Key, d => GermanTime.ToLocal(d.Max(c => c.Change)), StringComparer.Ordinal));
        var texts = rows.GroupBy(r => new Quarter(r.Year, r.Quarter)).ToDictionary(
            q => q.Key,
            q => string.Join(",", q.OrderBy(r => r.DistrictKey, StringComparer.Ordinal).Select(r => $"{r.DistrictKey}:{r.Count}|{r.Updated.UtcTicks}|{r.Completed?.UtcTicks}")));
        return quarters.ToDictionary(
            q => q,
            q => new Stamp(texts.GetValueOrDefault(q, "0"), changes.GetValueOrDefault(q) ?? new Dictionary<string, DateTimeOffset>()));
    }

    private void Trim()
    {
        foreach (var old in _entries.OrderByDescending(e => e.Value.StoredAt).Skip(MaximumEntries).Select(e => e.Key).ToList())
        {
            _entries.TryRemove(old, out _);
        }
    }

    private sealed record Entry(string Stamp, QuarterCounts Counts, DateTimeOffset StoredAt);

    /// <summary>A quarter's stamp, and the latest change of its completed interviews per district (German time).</summary>
    private sealed record Stamp(string Text, IReadOnlyDictionary<string, DateTimeOffset> LastChangeByDistrict);
}
