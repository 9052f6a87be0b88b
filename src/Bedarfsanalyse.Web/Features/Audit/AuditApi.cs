using Bedarfsanalyse.Web.Security;

namespace Bedarfsanalyse.Web.Features.Audit;

/// <summary>GET /api/v1/audit: the audit trail for admins (read only; nothing in the app can change it).</summary>
internal static class AuditApi
{
    public static RouteGroupBuilder MapAuditApi(this RouteGroupBuilder api)
    {
        api.MapGet("/audit", async (string? action, string? actor, string? subject, DateOnly? from, DateOnly? to, int? page, AuditQuery query, CancellationToken ct) =>
                TypedResults.Ok(await query.ReadAsync(new AuditFilter(action, actor, subject, from, to), page ?? 1, ct)))
            .RequireAuthorization(Policies.Admin);
        return api;
    }
}
