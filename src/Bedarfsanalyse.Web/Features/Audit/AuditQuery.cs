using Bedarfsanalyse.Data;
using Bedarfsanalyse.Data.Audit;
using Microsoft.EntityFrameworkCore;

namespace Bedarfsanalyse.Web.Features.Audit;

/// <summary>Reads the audit trail, newest first, filtered the way an admin asks: by action, person, subject and day.</summary>
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
        if (!string.IsNullOrWhiteSpace(filter.Action))
        {
            query = query.Where(e => e.Action == filter.Action);
        }

        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            var actor = $"%{filter.Actor.Trim()}%";
            query = query.Where(e => e.ActorName != null && EF.Functions.ILike(e.ActorName, actor));
        }

        if (!string.IsNullOrWhiteSpace(filter.Subject))
        {
            var subject = filter.Subject.Trim();
            query = query.Where(e => e.SubjectId == subject || (e.Details != null && EF.Functions.ILike(e.Details, "%" + subject + "%")));
        }

        if (filter.From is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            query = query.Where(e => e.OccurredAt >= start);
        }

        if (filter.To is { } to)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            query = query.Where(e => e.OccurredAt < end);
        }

        return query;
    }
}

public sealed record AuditFilter(string? Action, string? Actor, string? Subject, DateOnly? From, DateOnly? To);

public sealed record AuditPage(IReadOnlyList<AuditEvent> Events, int Total, int Page, int Pages);
