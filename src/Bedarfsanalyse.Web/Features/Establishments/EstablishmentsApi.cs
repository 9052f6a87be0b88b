using Bedarfsanalyse.Data;
using Bedarfsanalyse.Web.Features.Audit;
using Bedarfsanalyse.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Bedarfsanalyse.Web.Features.Establishments;

/// <summary>/api/v1/establishments: establishments of the caller's network, with identifying data only where allowed.</summary>
internal static class EstablishmentsApi
{
    public static RouteGroupBuilder MapEstablishmentsApi(this RouteGroupBuilder api)
    {
        var establishments = api.MapGroup("/establishments").RequireAuthorization(Policies.Establishments);
        establishments.MapGet("/", ListAsync);
        establishments.MapGet("/{id:guid}", GetAsync);
        establishments.MapPost("/", CreateAsync).RequireAuthorization(Policies.Interviewer);
        establishments.MapPost("/{id:guid}/erase", EraseAsync).RequireAuthorization(Policies.Interviewer);
        return api;
    }

    private static async Task<Results<Ok<IReadOnlyList<EstablishmentView>>, NotFound, ValidationProblem, ProblemHttpResult>> ListAsync(
        string? network, string? district, BedarfsanalyseDb db, UserScope scope, EstablishmentRegistry registry, AuditLog audit, CancellationToken ct)
    {
        var networkId = await ResolveNetworkAsync(network, db, scope, ct);
        if (networkId is null)
        {
            if (network is null)
            {
                return InputErrors.Of("network", "Bitte geben Sie den Verbund an (network=…).").ToProblem();
            }

            await audit.AccessDeniedAsync($"Betriebe des Verbunds „{network}“", ct);
            return TypedResults.NotFound();
        }

        if (district is not null && !await db.NetworkDistricts.AnyAsync(d => d.NetworkId == networkId && d.DistrictKey == district, ct))
        {
            if (scope.IsAdmin)
            {
                return InputErrors.Of("district", $"Der Kreis „{district}“ gehört nicht zum Verbund.").ToProblem();
            }

            // Districts are public reference data, so a refusal tells nothing that the district list does not.
            await audit.AccessDeniedAsync($"Betriebe im Kreis {district}: nicht im eigenen Verbund", ct);
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Keine Berechtigung",
                detail: $"Der Kreis {district} gehört nicht zu Ihrem Verbund.");
        }

        return TypedResults.Ok(await registry.ListAsync(networkId.Value, district, ct));
    }

    private static async Task<Results<Ok<EstablishmentView>, NotFound>> GetAsync(Guid id, EstablishmentRegistry registry, AuditLog audit, CancellationToken ct)
    {
        if (await registry.FindAsync(id, ct) is { } establishment)
        {
            return TypedResults.Ok(establishment);
        }

        await audit.AccessDeniedAsync($"Betrieb {id} unbekannt oder außerhalb des eigenen Verbunds", ct);
        return TypedResults.NotFound();
    }

    private static async Task<Results<Created<EstablishmentView>, NotFound, ValidationProblem>> CreateAsync(
        string? network, EstablishmentInput input, BedarfsanalyseDb db, UserScope scope, EstablishmentRegistry registry, CancellationToken ct)
    {
        var networkId = await ResolveNetworkAsync(network, db, scope, ct);
        if (networkId is null)
        {
            return network is null
                ? InputErrors.Of("network", "Bitte geben Sie den Verbund an (network=…).").ToProblem()
                : TypedResults.NotFound();
        }

        var outcome = await registry.CreateAsync(networkId.Value, input, ct);
        return outcome.Succeeded
            ? TypedResults.Created($"/api/v1/establishments/{outcome.Value!.Id}", outcome.Value)
            : outcome.Errors!.ToProblem();
    }

    private static async Task<Results<NoContent, NotFound, ProblemHttpResult>> EraseAsync(Guid id, EstablishmentRegistry registry, AuditLog audit, CancellationToken ct)
    {
        switch (await registry.EraseContactAsync(id, ct))
        {
            case EraseResult.Erased:
                return TypedResults.NoContent();
            case EraseResult.Forbidden:
                await audit.AccessDeniedAsync($"Löschen der Kontaktdaten von {id}: Kreis nicht zugeordnet", ct);
                return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Keine Berechtigung",
                    detail: "Sie sind dem Kreis dieses Betriebs nicht zugeordnet.");
            default:
                await audit.AccessDeniedAsync($"Betrieb {id} unbekannt oder außerhalb des eigenen Verbunds", ct);
                return TypedResults.NotFound();
        }
    }

    /// <summary>The user's own network; admins name one. Null when the named network is unknown or not the user's.</summary>
    private static async Task<int?> ResolveNetworkAsync(string? key, BedarfsanalyseDb db, UserScope scope, CancellationToken ct)
    {
        if (key is null)
        {
            return scope.IsAdmin ? null : scope.NetworkId;
        }

        var id = await db.Networks.Where(n => n.Key == key).Select(n => (int?)n.Id).SingleOrDefaultAsync(ct);
        return id is { } found && scope.CanReadNetwork(found) ? found : null;
    }
}
