using Bedarfsanalyse.Data.Accounts;
using Bedarfsanalyse.Web.Security;

namespace Bedarfsanalyse.Web.Features.Accounts;

/// <summary>GET /api/v1/me: who the token belongs to, with roles and scope, so a script can check its access.</summary>
internal static class AccountApi
{
    public static RouteGroupBuilder MapAccountApi(this RouteGroupBuilder api)
    {
        api.MapGet("/me", async (UserScope scope, CancellationToken ct) => TypedResults.Ok(new
        {
            id = scope.UserId,
            email = scope.User.Identity?.Name,
            name = scope.User.FindFirst(AppClaims.DisplayName)?.Value,
            roles = Roles.All.Where(scope.IsIn).ToList(),
            network = scope.NetworkId,
            districts = (await scope.InterviewerDistrictsAsync(ct)).Order().ToList(),
        })).RequireAuthorization(Policies.SignedIn);
        return api;
    }
}
