using Bedarfsanalyse.Data;
using Bedarfsanalyse.Web.Features.Establishments;
using Bedarfsanalyse.Web.Features.ReportRequests;
using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;

namespace Bedarfsanalyse.Web.Jobs;

/// <summary>
/// Puts the recurring jobs on the schedule when a job server starts (idempotent: AddOrUpdate by id): the daily contact
/// and audit-trail retention and, per network, the quarterly reports on the network's own schedule (cron, Europe/Berlin).
/// The schedule of a network that no longer exists is taken off, so that no run for it fires again.
/// </summary>
internal sealed class RecurringJobRegistration(IRecurringJobManager recurring, JobStorage storage, IServiceScopeFactory scopes) : IHostedService
{
    public static readonly TimeZoneInfo Berlin = FindBerlin();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var options = new RecurringJobOptions { TimeZone = Berlin };
        recurring.AddOrUpdate<ContactRetentionJob>(
            ContactRetentionJob.Id, job => job.RunAsync(CancellationToken.None), "0 3 * * *", options);
        recurring.AddOrUpdate<Features.Audit.AuditRetentionJob>(
            Features.Audit.AuditRetentionJob.Id, job => job.RunAsync(CancellationToken.None), "10 3 * * *", options);

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BedarfsanalyseDb>();
        var networks = await db.Networks.AsNoTracking().Select(n => new { n.Key, n.ReportSchedule }).ToListAsync(cancellationToken);
        foreach (var network in networks)
        {
            Schedule(recurring, network.Key, network.ReportSchedule);
        }

        var wanted = networks.Select(n => QuarterlyReportsJob.RecurringId(n.Key)).ToHashSet(StringComparer.Ordinal);
        using var connection = storage.GetConnection();
        foreach (var stale in connection.GetRecurringJobs().Select(j => j.Id)
            .Where(id => id.StartsWith(QuarterlyReportsJob.RecurringId(""), StringComparison.Ordinal) && !wanted.Contains(id)))
        {
            recurring.RemoveIfExists(stale);
        }
    }

    /// <summary>(Re)schedules one network's quarterly reports; called again when an admin changes the schedule.</summary>
    public static void Schedule(IRecurringJobManager recurring, string networkKey, string cron) =>
        recurring.AddOrUpdate<QuarterlyReportsJob>(QuarterlyReportsJob.RecurringId(networkKey),
            job => job.RunAsync(networkKey, null, CancellationToken.None), cron, new RecurringJobOptions { TimeZone = Berlin });

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static TimeZoneInfo FindBerlin()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}
