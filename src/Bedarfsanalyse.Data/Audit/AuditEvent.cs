namespace Bedarfsanalyse.Data.Audit;

/// <summary>One entry of the audit trail: who did what to which thing, when. Rows are never updated (a trigger refuses it).</summary>
public sealed class AuditEvent
{
    public long Id { get; init; }

    public DateTimeOffset OccurredAt { get; init; }

    public Guid? ActorId { get; init; }

    /// <summary>The actor's name at the time, kept so the entry reads well after the account is gone.</summary>
    public string? ActorName { get; init; }

    /// <summary>What happened, e.g. sign-in, sign-in-failed, interview-changed, report-downloaded.</summary>
    public required string Action { get; init; }

    public string? SubjectType { get; init; }

    public string? SubjectId { get; init; }

    /// <summary>Details as JSON, e.g. old and new value of a changed answer.</summary>
    public string? Details { get; init; }

    public string? RemoteAddress { get; init; }
}
