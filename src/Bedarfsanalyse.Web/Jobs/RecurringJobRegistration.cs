using Bedarfsanalyse.Web.Features.Establishments;
using Hangfire;

namespace Bedarfsanalyse.Web.Jobs;

/// <summary>Puts the recurring jobs on the schedule when a job server starts (idempotent: AddOrUpdate by id).</summary>
internal sealed class RecurringJobRegistration(IRecurringJobManager recurring) : IHostedService
{
    public static readonly TimeZoneInfo Berlin = FindBerlin();

    public Task StartAsync(CancellationToken cancellationToken)
    {
        recurring.AddOrUpdate<ContactRetentionJob>(
            ContactRetentionJob.Id, job => job.RunAsync(CancellationToken.None), "0 3 * * *",
            new RecurringJobOptions { TimeZone = Berlin });
        return Task.CompletedTask;
    }

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
