using Bedarfsanalyse.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bedarfsanalyse.Web.Features.ReportRequests;

/// <summary>/api/v1/report-requests: ask for a report or workbook and poll its state; the file then comes from /api/v1/artifacts.</summary>
internal static class ReportRequestsApi
{
    public static RouteGroupBuilder MapReportRequestsApi(this RouteGroupBuilder api)
    {
        var requests = api.MapGroup("/report-requests").RequireAuthorization(Policies.Reports);
        requests.MapPost("/", RequestAsync);
        requests.MapGet("/{id:guid}", async Task<Results<Ok<RequestView>, NotFound>> (Guid id, ReportRequestService service, CancellationToken ct) =>
            await service.FindAsync(id, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound());
        return api;
    }

    private static async Task<Results<Accepted<RequestView>, ValidationProblem>> RequestAsync(
        RequestForm form, ReportRequestService service, CancellationToken ct)
    {
        var outcome = await service.RequestAsync(form, ct);
        return outcome.Succeeded
            ? TypedResults.Accepted($"/api/v1/report-requests/{outcome.Value!.Id}", outcome.Value)
            : outcome.Errors!.ToProblem();
    }
}
