using Hangfire;

namespace Bedarfsanalyse.Web.Features.Audit;

/// <summary>Daily job: the personal data of old refused attempts leaves the audit trail (see <see cref="AuditRetention"/>).</summary>
public sealed class AuditRetentionJob(AuditRetention retention, ILogger<AuditRetentionJob> logger)
{
    public const string Id = "protokoll-aufbewahrungsfrist";

    [AutomaticRetry(Attempts = 3)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var redacted = await retention.ApplyAsync(cancellationToken);
        logger.LogInformation("Aufbewahrungsfrist: Namen und Adressen aus {Count} Protokolleinträgen entfernt", redacted);
    }
}
