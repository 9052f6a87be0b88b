using System.Text.Json;
using Bedarfsanalyse.Data;
using Bedarfsanalyse.Data.Audit;
using Bedarfsanalyse.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Bedarfsanalyse.Web.Features.Audit;

/// <summary>
/// Writes the audit trail: who did what to which thing, when. <see cref="Add"/> stages an event with the caller's
/// own change (one transaction: no change without its record); <see cref="RecordAsync"/> writes one on its own.
/// </summary>
public sealed class AuditLog(BedarfsanalyseDb db, IHttpContextAccessor http, TimeProvider clock, ILogger<AuditLog> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Stages an event in the context; it is written by the caller's SaveChanges together with the change it records.</summary>
    public void Add(string action, string? subjectType = null, string? subjectId = null, object? details = null) =>
        db.AuditEvents.Add(Create(action, subjectType, subjectId, details, actor: null));

    /// <summary>Writes an event now, independent of anything else pending in the context.</summary>
    public async Task RecordAsync(
        string action, string? subjectType = null, string? subjectId = null, object? details = null,
        AuditActor? actor = null, CancellationToken cancellationToken = default)
    {
        var e = Create(action, subjectType, subjectId, details, actor);
        await db.Database.ExecuteSqlAsync(
            $"""
            insert into audit_events (occurred_at, actor_id, actor_name, action, subject_type, subject_id, details, remote_address)
            values ({e.OccurredAt}, {e.ActorId}, {e.ActorName}, {e.Action}, {e.SubjectType}, {e.SubjectId}, {e.Details}::jsonb, {e.RemoteAddress})
            """,
            cancellationToken);
    }

    /// <summary>Records a refused request: what was asked for and why it was refused.</summary>
    public Task AccessDeniedAsync(string reason, CancellationToken cancellationToken = default)
    {
        var request = http.HttpContext?.Request;
        var subject = request is null ? null : $"{request.Method} {request.Path}";
        logger.LogWarning("Zugriff verweigert: {Request} für {User}: {Reason}", subject, http.HttpContext?.User.Identity?.Name ?? "–", reason);
        return RecordAsync(AuditActions.AccessDenied, "request", subject, new { reason }, cancellationToken: cancellationToken);
    }

    /// <summary>The event as it would be written, for callers that write it in their own statement (e.g. the interview store).</summary>
    internal AuditEvent Create(string action, string? subjectType, string? subjectId, object? details, AuditActor? actor)
    {
        var context = http.HttpContext;
        var user = context?.User;
        actor ??= user?.Identity?.IsAuthenticated == true
            ? new AuditActor(user.UserId(), user.Identity.Name)
            : null;
        return new AuditEvent
        {
            OccurredAt = clock.GetUtcNow(),
            ActorId = actor?.Id,
            ActorName = actor?.Name,
            Action = action,
            SubjectType = subjectType,
            SubjectId = subjectId,
            Details = details is null ? null : JsonSerializer.Serialize(details, Json),
            RemoteAddress = context?.Connection.RemoteIpAddress?.ToString(),
        };
    }
}

/// <summary>Who acted, when it is not the signed-in user (a command, a job, a failed sign-in for a given name).</summary>
public sealed record AuditActor(Guid? Id, string? Name);
