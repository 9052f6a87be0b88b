using Bedarfsanalyse.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bedarfsanalyse.Web.Features.Districts;

/// <summary>/api/v1/districts: the reference list; admins add districts of other states.</summary>
internal static class DistrictsApi
{
    public static RouteGroupBuilder MapDistrictsApi(this RouteGroupBuilder api)
    {
        var districts = api.MapGroup("/districts");
        districts.MapGet("/", async (DistrictCatalog catalog, CancellationToken ct) => TypedResults.Ok(await catalog.ListAsync(ct)))
            .RequireAuthorization(Policies.SignedIn);
        districts.MapPost("/", AddAsync).RequireAuthorization(Policies.Admin);
        return api;
    }

    private static async Task<Results<Created<DistrictView>, ValidationProblem>> AddAsync(DistrictInput input, DistrictCatalog catalog, CancellationToken ct)
    {
        var outcome = await catalog.AddAsync(input, ct);
        return outcome.Succeeded ? TypedResults.Created($"/api/v1/districts/{outcome.Value!.Key}", outcome.Value) : outcome.Errors!.ToProblem();
    }
}
