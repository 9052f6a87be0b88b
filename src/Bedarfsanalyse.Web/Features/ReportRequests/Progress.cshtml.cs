using Bedarfsanalyse.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bedarfsanalyse.Web.Features.ReportRequests;

/// <summary>
/// /berichte/auftraege/{id}: a request's progress. A small script asks /berichte/auftraege/{id}/stand every second and
/// updates the page without reloading; without script the page refreshes itself.
/// </summary>
[Authorize(Policy = Policies.Reports)]
public sealed class ProgressModel(ReportRequestService requests) : PageModel
{
    public RequestView Asked { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await requests.FindAsync(id, HttpContext.RequestAborted) is not { } request)
        {
            return NotFound();
        }

        Asked = request;
        return Page();
    }

    /// <summary>The state as JSON for the page's script.</summary>
    public async Task<IActionResult> OnGetStandAsync(Guid id) =>
        await requests.FindAsync(id, HttpContext.RequestAborted) is { } request
            ? new JsonResult(new
            {
                request.Status,
                request.Progress,
                request.StatusText,
                request.Error,
                download = request.ArtifactId is { } artifact ? $"/berichte/{artifact}/datei" : null,
            })
            : NotFound();
}
