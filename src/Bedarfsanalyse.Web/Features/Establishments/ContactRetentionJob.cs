using Hangfire;

namespace Bedarfsanalyse.Web.Features.Establishments;

/// <summary>Daily job: contact data past the networks' retention periods is deleted (see <see cref="ContactRetention"/>).</summary>
public sealed class ContactRetentionJob(ContactRetention retention, ILogger<ContactRetentionJob> logger)
{
    public const string Id = "kontaktdaten-aufbewahrungsfrist";

    [AutomaticRetry(Attempts = 3)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var erased = await retention.ApplyAsync(cancellationToken);
        logger.LogInformation("Aufbewahrungsfrist: Kontaktdaten von {Count} Betrieben gelöscht", erased);
    }
}
