using Bedarfsanalyse.Data;
using Bedarfsanalyse.Web.Features.Establishments;
using Bedarfsanalyse.Web.Features.ReportRequests;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace Bedarfsanalyse.Web.Jobs;

/// <summary>
/// Puts the recurring jobs on the schedule when a job server starts (idempotent: AddOrUpdate by id): the daily contact
/// and audit-trail retention and, per network, the quarterly reports on the network's own schedule (cron, Europe/Berlin).
/// </summary>
internal sealed class RecurringJobRegistration(IRecurringJobManager recurring, IServiceScopeFactory scopes) : IHostedService
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
        foreach (var network in await db.Networks.AsNoTracking().Select(n => new { n.Key, n.ReportSchedule }).ToListAsync(cancellationToken))
        {
            Schedule(recurring, network.Key, network.ReportSchedule);
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
