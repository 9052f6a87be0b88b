using Bedarfsanalyse.Data;
using Bedarfsanalyse.Data.Reports;
using Microsoft.EntityFrameworkCore;

namespace Bedarfsanalyse.Web.Features.Archive;

/// <summary>Artifact bytes in the artifact_contents table, written in the same transaction as their metadata.</summary>
public sealed class PostgresArtifactStore(BedarfsanalyseDb db) : IArtifactStore
{
    public Task SaveAsync(Guid artifactId, byte[] content, CancellationToken cancellationToken)
    {
        db.ArtifactContents.Add(new ArtifactContent { ArtifactId = artifactId, Content = content });
        return Task.CompletedTask;
    }

    public async Task<byte[]?> ReadAsync(Guid artifactId, CancellationToken cancellationToken) =>
        await db.ArtifactContents.AsNoTracking().Where(c => c.ArtifactId == artifactId).Select(c => c.Content).SingleOrDefaultAsync(cancellationToken);
}
