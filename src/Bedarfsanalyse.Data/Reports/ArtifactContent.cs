namespace Bedarfsanalyse.Data.Reports;

/// <summary>The bytes of an artifact when they are kept in PostgreSQL (the default artifact store).</summary>
public sealed class ArtifactContent
{
    public Guid ArtifactId { get; init; }

    public required byte[] Content { get; init; }
}
