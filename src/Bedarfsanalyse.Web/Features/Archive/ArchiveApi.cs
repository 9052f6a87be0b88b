using Bedarfsanalyse.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bedarfsanalyse.Web.Features.Archive;

/// <summary>/api/v1/artifacts: the archive of reports and workbooks in the caller's scope, and their downloads.</summary>
internal static class ArchiveApi
{
    public static RouteGroupBuilder MapArchiveApi(this RouteGroupBuilder api)
    {
        var artifacts = api.MapGroup("/artifacts").RequireAuthorization(Policies.Reports);
        artifacts.MapGet("/", async (string? district, string? kind, ArtifactArchive archive, CancellationToken ct) =>
            TypedResults.Ok(await archive.ListAsync(district, kind, ct)));
        artifacts.MapGet("/{id:guid}/content", DownloadAsync);
        return api;
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> DownloadAsync(Guid id, ArtifactArchive archive, CancellationToken ct) =>
        await archive.OpenAsync(id, ct) is { } file
            ? TypedResults.File(file.Content, file.ContentType, file.FileName)
            : TypedResults.NotFound();
}
