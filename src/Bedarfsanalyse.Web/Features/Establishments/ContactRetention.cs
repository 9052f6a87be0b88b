using Bedarfsanalyse.Data;
using Bedarfsanalyse.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Bedarfsanalyse.Web.Features.Establishments;

/// <summary>
/// Deletes establishments' identifying data once the network's retention period has passed since their last
/// interview (or since registration, when there was none). Answers stay, under the pseudonym. Run by the scheduler
/// and by the apply-retention command.
/// </summary>
public sealed class ContactRetention(BedarfsanalyseDb db, AuditLog audit, TimeProvider clock)
{
    public static readonly AuditActor Actor = new(null, "Aufbewahrungsfrist");

    public async Task<int> ApplyAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var networks = await db.Networks.Select(n => new { n.Id, n.ContactRetentionMonths }).ToListAsync(cancellationToken);
        var erased = 0;
        foreach (var network in networks)
        {
            var cutoff = now.AddMonths(-network.ContactRetentionMonths);
            var cutoffDate = DateOnly.FromDateTime(cutoff.UtcDateTime);
            var expired = await db.Establishments
                .Where(e => e.NetworkId == network.Id && e.Contact != null && e.CreatedAt < cutoff)
                .Where(e => !db.Interviews.Any(i => i.EstablishmentId == e.Id && (i.ConductedOn >= cutoffDate || i.UpdatedAt >= cutoff)))
                .Select(e => new { e.Id, e.Pseudonym })
                .ToListAsync(cancellationToken);
            foreach (var establishment in expired)
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                await db.EstablishmentContacts.Where(c => c.EstablishmentId == establishment.Id).ExecuteDeleteAsync(cancellationToken);
                await db.Establishments.Where(e => e.Id == establishment.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(e => e.ContactErasedAt, now), cancellationToken);
                await audit.RecordAsync(AuditActions.ContactExpired, "establishment", establishment.Id.ToString(),
                    new { establishment.Pseudonym, retentionMonths = network.ContactRetentionMonths }, Actor, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                erased++;
            }
        }

        return erased;
    }
}
