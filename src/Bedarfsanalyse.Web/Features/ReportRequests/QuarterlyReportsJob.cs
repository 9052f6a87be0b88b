using Bedarfsanalyse.Core.Periods;
using Bedarfsanalyse.Data;
using Bedarfsanalyse.Data.Reports;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace Bedarfsanalyse.Web.Features.ReportRequests;

/// <summary>
/// At the start of a quarter (each network's own schedule): the previous quarter's report for every district of the
/// network and the network's workbook, each its own request and job, so that one failure stops none of the others.
/// Running it again for the same quarter (a Hangfire retry after a failure half-way, a second trigger) adds only what
/// is missing: a report the schedule already asked for and that did not fail is neither queued nor made again.
/// </summary>
public sealed class QuarterlyReportsJob(
    BedarfsanalyseDb db, ReportRequestService requests, IRecurringJobManager recurring, TimeProvider clock, ILogger<QuarterlyReportsJob> logger)
{
    /// <summary>First key of the session advisory lock that lets one run per network decide what is missing.</summary>
    private const int LockSpace = 0x51_42_45_52;

    public static string RecurringId(string networkKey) => "quartalsberichte-" + networkKey;

    /// <summary>Queues the requests; <paramref name="quarter"/> null means the quarter before today's.</summary>
    [AutomaticRetry(Attempts = 3)]
    [JobDisplayName("Quartalsberichte {0}")]
    public async Task<IReadOnlyList<Guid>> RunAsync(string networkKey, string? quarter, CancellationToken cancellationToken)
    {
        var period = quarter is null ? Quarter.Of(DateOnly.FromDateTime(clock.GetLocalNow().DateTime)).Previous() : Quarter.Parse(quarter);
        var network = await db.Networks.AsNoTracking().Where(n => n.Key == networkKey).Select(n => new { n.Id }).SingleOrDefaultAsync(cancellationToken);
        if (network is null)
        {
            // The network was deleted after the run was scheduled: there is nothing to report on, retrying cannot help,
            // and its schedule must not fire again.
            logger.LogWarning("Quarterly reports for unknown network {Network} skipped; its schedule is removed", networkKey);
            recurring.RemoveIfExists(RecurringId(networkKey));
            return [];
        }

        var districts = await db.NetworkDistricts.AsNoTracking().Where(d => d.NetworkId == network.Id)
            .OrderBy(d => d.DistrictKey).Select(d => d.DistrictKey).ToListAsync(cancellationToken);

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            // Two runs at once (a retry overlapping a manual trigger) would both see a report as missing.
            await db.Database.ExecuteSqlAsync($"select pg_advisory_lock({LockSpace}, {network.Id})", cancellationToken);
            var ids = new List<Guid>();
            foreach (var (district, kind) in districts.Select(d => ((string?)d, "pdf")).Append((null, "xlsx")))
            {
                ids.Add(await ExistingAsync(network.Id, district, kind, period, cancellationToken)
                    ?? (await requests.EnqueueAsync(network.Id, district, kind, period.FirstDay, period.NextFirstDay, null, cancellationToken)).Id);
            }

            return ids;
        }
        finally
        {
            try
            {
                await db.Database.ExecuteSqlAsync($"select pg_advisory_unlock({LockSpace}, {network.Id})", CancellationToken.None);
            }
            catch (Npgsql.NpgsqlException)
            {
                // Usually the connection is gone, and with it the lock. Should it still be open (a timeout), it must not
                // go back to the pool holding the lock: pooled connections are not reset (DatabaseServices).
                Npgsql.NpgsqlConnection.ClearPool((Npgsql.NpgsqlConnection)db.Database.GetDbConnection());
            }

            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The schedule's earlier request for this report, unless it failed (then the report is asked for again).</summary>
    private Task<Guid?> ExistingAsync(int networkId, string? district, string kind, Quarter period, CancellationToken cancellationToken) =>
        db.ReportRequests.AsNoTracking()
            .Where(r => r.NetworkId == networkId && r.DistrictKey == district && r.Kind == kind && r.PeriodStart == period.FirstDay
                && r.PeriodEnd == period.NextFirstDay && r.RequestedBy == null && r.Status != ReportRequest.Failed)
            .OrderByDescending(r => r.RequestedAt)
            .Select(r => (Guid?)r.Id)
            .FirstOrDefaultAsync(cancellationToken);
}
