using Bedarfsanalyse.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bedarfsanalyse.Web.Features.Archive;

/// <summary>GET /berichte/{id}/datei: the file itself (scope checked and audited by the archive).</summary>
[Authorize(Policy = Policies.Reports)]
public sealed class DownloadModel(ArtifactArchive archive) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id) =>
        await archive.OpenAsync(id, HttpContext.RequestAborted) is { } file ? File(file.Content, file.ContentType, file.FileName) : NotFound();
}
