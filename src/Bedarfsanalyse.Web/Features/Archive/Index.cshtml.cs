using Bedarfsanalyse.Core.Formatting;
using Bedarfsanalyse.Core.Periods;
using Bedarfsanalyse.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bedarfsanalyse.Web.Features.Archive;

/// <summary>The archive: reports of the user's network by quarter, newest first; older versions stay listed.</summary>
[Authorize(Policy = Policies.Reports)]
public sealed class IndexModel(ArtifactArchive archive) : PageModel
{
    public IReadOnlyList<ArtifactView> Artifacts { get; private set; } = [];

    public async Task OnGetAsync() => Artifacts = await archive.ListAsync(null, null, HttpContext.RequestAborted);

    public string PeriodName(ArtifactView artifact)
    {
        var quarter = Quarter.Of(artifact.PeriodStart);
        return quarter.FirstDay == artifact.PeriodStart && quarter.NextFirstDay == artifact.PeriodEnd
            ? quarter.ToGermanLongString()
            : $"{GermanFigureFormat.Date(artifact.PeriodStart)} bis {GermanFigureFormat.Date(artifact.PeriodEnd.AddDays(-1))}";
    }

    public string Size(long bytes) => bytes >= 1024 * 1024
        ? GermanFigureFormat.Number(bytes / 1024m / 1024m, 1) + " MB"
        : GermanFigureFormat.Number(Math.Max(1, bytes / 1024m), 0) + " KB";
}
