using Bedarfsanalyse.Core.Periods;
using Bedarfsanalyse.Data;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace Bedarfsanalyse.Web.Features.ReportRequests;

/// <summary>
/// At the start of a quarter (each network's own schedule): the previous quarter's report for every district of the
/// network and the network's workbook, each its own request and job, so that one failure stops none of the others.
/// </summary>
public sealed class QuarterlyReportsJob(BedarfsanalyseDb db, ReportRequestService requests, TimeProvider clock)
{
    public static string RecurringId(string networkKey) => "quartalsberichte-" + networkKey;

    /// <summary>Queues the requests; <paramref name="quarter"/> null means the quarter before today's.</summary>
    [AutomaticRetry(Attempts = 3)]
    [JobDisplayName("Quartalsberichte {0}")]
    public async Task<IReadOnlyList<Guid>> RunAsync(string networkKey, string? quarter, CancellationToken cancellationToken)
    {
        var period = quarter is null ? Quarter.Of(DateOnly.FromDateTime(clock.GetLocalNow().DateTime)).Previous() : Quarter.Parse(quarter);
        var network = await db.Networks.AsNoTracking().SingleAsync(n => n.Key == networkKey, cancellationToken);
        var districts = await db.NetworkDistricts.AsNoTracking().Where(d => d.NetworkId == network.Id)
            .OrderBy(d => d.DistrictKey).Select(d => d.DistrictKey).ToListAsync(cancellationToken);

        var ids = new List<Guid>();
        foreach (var district in districts)
        {
            ids.Add((await requests.EnqueueAsync(network.Id, district, "pdf", period.FirstDay, period.NextFirstDay, null, cancellationToken)).Id);
        }

        ids.Add((await requests.EnqueueAsync(network.Id, null, "xlsx", period.FirstDay, period.NextFirstDay, null, cancellationToken)).Id);
        return ids;
    }
}
