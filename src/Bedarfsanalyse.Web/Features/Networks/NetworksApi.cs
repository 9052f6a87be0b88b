using Bedarfsanalyse.Core.Periods;
using Bedarfsanalyse.Web.Features.Audit;
using Bedarfsanalyse.Web.Features.Uploads;
using Bedarfsanalyse.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Bedarfsanalyse.Web.Features.Networks;

/// <summary>/api/v1/networks: networks in the caller's scope; settings, targets and margins for admins.</summary>
internal static class NetworksApi
{
    public static RouteGroupBuilder MapNetworksApi(this RouteGroupBuilder api)
    {
        var networks = api.MapGroup("/networks");
        networks.MapGet("/", async (NetworkDirectory directory, CancellationToken ct) => TypedResults.Ok(await directory.ListAsync(ct)))
            .RequireAuthorization(Policies.SignedIn);
        networks.MapGet("/{key}", GetAsync).RequireAuthorization(Policies.SignedIn);
        networks.MapPost("/", CreateAsync).RequireAuthorization(Policies.Admin);
        networks.MapPut("/{key}", UpdateAsync).RequireAuthorization(Policies.Admin);
        networks.MapGet("/{key}/targets", GetTargetsAsync).RequireAuthorization(Policies.SignedIn);
        networks.MapPut("/{key}/targets", PutTargetsAsync).RequireAuthorization(Policies.Admin);
        networks.MapGet("/{key}/margins", GetMarginsAsync).RequireAuthorization(Policies.Analyst);
        networks.MapPost("/{key}/margins", PostMarginsAsync).RequireAuthorization(Policies.Admin)
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(TableFile.MaxBytes));
        return api;
    }

    private static async Task<Results<Ok<NetworkView>, NotFound>> GetAsync(string key, NetworkDirectory directory, AuditLog audit, CancellationToken ct) =>
        await directory.FindAsync(key, ct) is { } network ? TypedResults.Ok(network) : await NotInScopeAsync(audit, key, ct);

    private static async Task<Results<Created<NetworkView>, ValidationProblem>> CreateAsync(NetworkInput input, NetworkSettings settings, NetworkDirectory directory, CancellationToken ct)
    {
        var outcome = await settings.CreateAsync(input, ct);
        return outcome.Succeeded
            ? TypedResults.Created($"/api/v1/networks/{outcome.Value}", await directory.FindAsync(outcome.Value!, ct))
            : outcome.Errors!.ToProblem();
    }

    private static async Task<Results<Ok<NetworkView>, NotFound, ValidationProblem>> UpdateAsync(
        string key, NetworkInput input, NetworkSettings settings, NetworkDirectory directory, CancellationToken ct)
    {
        var outcome = await settings.UpdateAsync(key, input, ct);
        if (!outcome.Succeeded)
        {
            return outcome.Errors!.ToProblem();
        }

        return outcome.Value ? TypedResults.Ok((await directory.FindAsync(key, ct))!) : TypedResults.NotFound();
    }

    private static async Task<Results<Ok<IReadOnlyList<FieldTargetEntry>>, NotFound, ValidationProblem>> GetTargetsAsync(
        string key, string? quarter, NetworkDirectory directory, FieldTargets targets, AuditLog audit, CancellationToken ct)
    {
        if (await directory.FindAsync(key, ct) is not { } network)
        {
            return await NotInScopeAsync(audit, key, ct);
        }

        if (!Quarter.TryParse(quarter, out var q))
        {
            return InputErrors.Of("quarter", "Bitte geben Sie das Quartal an, z. B. quarter=2026-Q3.").ToProblem();
        }

        return TypedResults.Ok(await targets.ReadAsync(network.Id, q, ct));
    }

    private static async Task<Results<NoContent, NotFound, ValidationProblem>> PutTargetsAsync(
        string key, string? quarter, IReadOnlyList<FieldTargetEntry> entries, NetworkDirectory directory, FieldTargets targets, CancellationToken ct)
    {
        if (await directory.FindAsync(key, ct) is not { } network)
        {
            return TypedResults.NotFound();
        }

        if (!Quarter.TryParse(quarter, out var q))
        {
            return InputErrors.Of("quarter", "Bitte geben Sie das Quartal an, z. B. quarter=2026-Q3.").ToProblem();
        }

        return await targets.ReplaceAsync(network, q, entries, ct) is { } errors ? errors.ToProblem() : TypedResults.NoContent();
    }

    private static async Task<Results<Ok<IReadOnlyList<PopulationMarginEntry>>, NotFound>> GetMarginsAsync(
        string key, NetworkDirectory directory, PopulationMargins margins, AuditLog audit, CancellationToken ct) =>
        await directory.FindAsync(key, ct) is { } network
            ? TypedResults.Ok(await margins.ReadAsync(network.Id, ct))
            : await NotInScopeAsync(audit, key, ct);

    private static async Task<Results<Ok<MarginImportResult>, NotFound, ValidationProblem>> PostMarginsAsync(
        string key, IFormFile? file, NetworkDirectory directory, PopulationMargins margins, CancellationToken ct)
    {
        if (await directory.FindAsync(key, ct) is not { } network)
        {
            return TypedResults.NotFound();
        }

        if (file is null || file.Length == 0)
        {
            return InputErrors.Of("file", "Bitte senden Sie die Datei im Feld „file“ (multipart/form-data).").ToProblem();
        }

        await using var stream = file.OpenReadStream();
        var outcome = await margins.ImportAsync(network, stream, file.FileName, ct);
        return outcome.Succeeded ? TypedResults.Ok(outcome.Value!) : outcome.Errors!.ToProblem("Die Datei wurde nicht übernommen; es hat sich nichts geändert.");
    }

    private static async Task<NotFound> NotInScopeAsync(AuditLog audit, string key, CancellationToken ct)
    {
        await audit.AccessDeniedAsync($"Verbund „{key}“ außerhalb des eigenen Verbunds oder unbekannt", ct);
        return TypedResults.NotFound();
    }
}
