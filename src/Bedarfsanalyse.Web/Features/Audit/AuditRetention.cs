using Bedarfsanalyse.Data;
using Microsoft.EntityFrameworkCore;

namespace Bedarfsanalyse.Web.Features.Audit;

/// <summary>
/// Removes the personal data of refused attempts from the audit trail once they are older than
/// <see cref="AuditRetentionOptions.RefusedAttemptDays"/>: the typed name or e-mail (often someone's mistyped
/// address, sometimes a password typed into the wrong field) and the address the attempt came from. What happened,
/// when, why and to which account (if one exists) stays. The database allows exactly this change and no other (ADR
/// 0017). Run by the scheduler and by the apply-retention command.
/// </summary>
public sealed class AuditRetention(BedarfsanalyseDb db, AuditLog audit, TimeProvider clock, AuditRetentionOptions options)
{
    public static readonly AuditActor Actor = new(null, "Aufbewahrungsfrist");

    /// <summary>The actions whose name and address are kept only for the retention period.</summary>
    public static readonly string[] RefusedAttempts = [AuditActions.SignInFailed, AuditActions.LockedOut, AuditActions.RequestRefused];

    public int RetentionDays => options.RefusedAttemptDays;

    public async Task<int> ApplyAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow().AddDays(-options.RefusedAttemptDays);
        var redacted = await db.Database.ExecuteSqlAsync(
            $"""
            update audit_events set actor_name = null, remote_address = null, details = details - 'email'
            where action = any({RefusedAttempts}) and occurred_at < {cutoff}
              and (actor_name is not null or remote_address is not null or details -> 'email' is not null)
            """,
            cancellationToken);
        if (redacted > 0)
        {
            await audit.RecordAsync(AuditActions.AuditRedacted, "audit", null,
                new { entries = redacted, before = cutoff, retentionDays = options.RefusedAttemptDays }, Actor, cancellationToken);
        }

        return redacted;
    }
}

/// <summary>Section "Retention" of the configuration.</summary>
public sealed class AuditRetentionOptions
{
    /// <summary>How long the typed name and the address of a failed sign-in or refused request are kept.</summary>
    public int RefusedAttemptDays { get; set; } = 30;
}
