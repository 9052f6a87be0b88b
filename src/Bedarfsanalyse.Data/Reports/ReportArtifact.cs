namespace Bedarfsanalyse.Data.Reports;

/// <summary>A generated report or workbook with what it was built from; its bytes live behind an artifact store.</summary>
public sealed class ReportArtifact
{
    public Guid Id { get; init; }

    public int NetworkId { get; init; }

    /// <summary>The district of a district report; null for network-wide artifacts such as the workbook.</summary>
    public string? DistrictKey { get; init; }

    /// <summary>pdf or xlsx.</summary>
    public required string Kind { get; init; }

    public DateOnly PeriodStart { get; init; }

    /// <summary>Exclusive end of the period.</summary>
    public DateOnly PeriodEnd { get; init; }

    public required string TemplateVersion { get; init; }

    /// <summary>Ids of the questionnaire versions whose answers went in.</summary>
    public int[] QuestionnaireVersionIds { get; init; } = [];

    /// <summary>The report data model the artifact was rendered from, as JSON, so it can be reproduced.</summary>
    public required string ModelSnapshot { get; init; }

    public required string FileName { get; init; }

    public required string ContentType { get; init; }

    public long SizeBytes { get; init; }

    /// <summary>SHA-256 of the content, lower-case hex.</summary>
    public required string Sha256 { get; init; }

    public DateTimeOffset GeneratedAt { get; init; }

    /// <summary>The request it was made for: unique, so a job that runs twice (a worker died, a retry) stores one artifact.</summary>
    public Guid? RequestId { get; init; }
}
