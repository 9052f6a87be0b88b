namespace Bedarfsanalyse.Web.Features.Archive;

/// <summary>Where the bytes of reports and workbooks live. PostgreSQL by default; a file system or S3-compatible store can implement it later.</summary>
public interface IArtifactStore
{
    /// <summary>Stages the content for saving with the caller's unit of work (the database store saves it in the same transaction).</summary>
    Task SaveAsync(Guid artifactId, byte[] content, CancellationToken cancellationToken);

    Task<byte[]?> ReadAsync(Guid artifactId, CancellationToken cancellationToken);
}
