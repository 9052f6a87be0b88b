namespace Bedarfsanalyse.Data.Reports;

/// <summary>
/// A report or workbook asked for (by a person or by the schedule) and its progress. While one is queued or running,
/// the same request (network, district, kind, period) cannot be made again: the database refuses a second one.
/// </summary>
public sealed class ReportRequest
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Done = "done";
    public const string Failed = "failed";

    public Guid Id { get; init; }

    public int NetworkId { get; init; }

    /// <summary>The district of a district report; null for the network's workbook.</summary>
    public string? DistrictKey { get; init; }

    /// <summary>pdf or xlsx.</summary>
    public required string Kind { get; init; }

    public DateOnly PeriodStart { get; init; }

    /// <summary>Exclusive end.</summary>
    public DateOnly PeriodEnd { get; init; }

    /// <summary>Null when the schedule asked.</summary>
    public Guid? RequestedBy { get; init; }

    public DateTimeOffset RequestedAt { get; init; }

    public string Status { get; set; } = Queued;

    /// <summary>0–100.</summary>
    public int Progress { get; set; }

    /// <summary>Why it failed, in German, for the person who asked.</summary>
    public string? Error { get; set; }

    public Guid? ArtifactId { get; set; }

    public string? JobId { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }
}
