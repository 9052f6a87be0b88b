using Bedarfsanalyse.Data;
using Bedarfsanalyse.Data.Audit;
using Microsoft.EntityFrameworkCore;

namespace Bedarfsanalyse.Web.Features.Audit;

/// <summary>Reads the audit trail, newest first, filtered the way an admin asks: by action, person, identifier and (German) day.</summary>
public sealed class AuditQuery(BedarfsanalyseDb db)
{
    public const int PageSize = 50;
    public const int MaxExportRows = 100_000;

    public async Task<AuditPage> ReadAsync(AuditFilter filter, int page, CancellationToken cancellationToken)
    {
        var query = Filtered(filter);
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(e => e.Id).Skip(Math.Max(0, page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        return new AuditPage(rows, total, Math.Max(1, page), Math.Max(1, (total + PageSize - 1) / PageSize));
    }

    public IAsyncEnumerable<AuditEvent> StreamAsync(AuditFilter filter) =>
        Filtered(filter).OrderByDescending(e => e.Id).Take(MaxExportRows).AsNoTracking().AsAsyncEnumerable();

    private IQueryable<AuditEvent> Filtered(AuditFilter filter)
    {
        var query = db.AuditEvents.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Subject))
        {
            // An identifier is found as the subject or anywhere in the details (e.g. one of several establishments
            // shown at once); jsonb has no ILIKE, its text form has.
            var subject = filter.Subject.Trim();
            var pattern = "%" + subject.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            query = db.AuditEvents.FromSql($"select * from audit_events where subject_id = {subject} or details::text ilike {pattern}").AsNoTracking();
        }

        if (!string.IsNullOrWhiteSpace(filter.Action))
        {
            query = query.Where(e => e.Action == filter.Action);
        }

        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            var actor = $"%{filter.Actor.Trim()}%";
            query = query.Where(e => e.ActorName != null && EF.Functions.ILike(e.ActorName, actor));
        }

        // Days are German days, as the page shows the times.
        if (filter.From is { } from)
        {
            var start = GermanTime.StartOfDay(from);
            query = query.Where(e => e.OccurredAt >= start);
        }

        if (filter.To is { } to)
        {
            var end = GermanTime.StartOfDay(to.AddDays(1));
            query = query.Where(e => e.OccurredAt < end);
        }

        return query;
    }
}

public sealed record AuditFilter(string? Action, string? Actor, string? Subject, DateOnly? From, DateOnly? To);

public sealed record AuditPage(IReadOnlyList<AuditEvent> Events, int Total, int Page, int Pages);
