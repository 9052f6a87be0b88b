using Bedarfsanalyse.Data;
using Bedarfsanalyse.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Bedarfsanalyse.Web.Features.Interviews;

/// <summary>"Meine Interviews": the interviewer's drafts first (with the last saved time), then the completed ones.</summary>
[Authorize(Policy = Policies.Interviewer)]
public sealed class IndexModel(InterviewList list, BedarfsanalyseDb db) : PageModel
{
    public IReadOnlyList<InterviewSummary> Interviews { get; private set; } = [];

    public IReadOnlyDictionary<string, string> Titles { get; private set; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> Groups { get; private set; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> Districts { get; private set; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<Guid, string> Pseudonyms { get; private set; } = new Dictionary<Guid, string>();

    public bool Completed { get; private set; }

    public async Task<IActionResult> OnGetAsync(bool abgeschlossen = false)
    {
        Completed = abgeschlossen;
        var ct = HttpContext.RequestAborted;
        var outcome = await list.ListAsync(new InterviewFilter(null, null, null, null), ct);
        Interviews = outcome.Value ?? [];
        Titles = await db.Questionnaires.ToDictionaryAsync(q => q.Key, q => q.Title, ct);
        Groups = await db.RespondentGroups.ToDictionaryAsync(g => g.Code, g => g.Name, ct);
        var keys = Interviews.Select(i => i.District).Distinct().ToList();
        Districts = await db.Districts.Where(d => keys.Contains(d.Key)).ToDictionaryAsync(d => d.Key, d => d.Name, ct);
        var establishments = Interviews.Where(i => i.EstablishmentId is not null).Select(i => i.EstablishmentId!.Value).Distinct().ToList();
        Pseudonyms = await db.Establishments.Where(e => establishments.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Pseudonym, ct);
        return Page();
    }
}
