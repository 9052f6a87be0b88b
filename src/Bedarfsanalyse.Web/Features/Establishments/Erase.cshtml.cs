using Bedarfsanalyse.Data;
using Bedarfsanalyse.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Bedarfsanalyse.Web.Features.Establishments;

/// <summary>The confirmation step before an admin erases an establishment's identifying data on request.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class EraseModel(EstablishmentRegistry registry, BedarfsanalyseDb db) : PageModel
{
    public EstablishmentView? Establishment { get; private set; }

    public int Interviews { get; private set; }

    public int Answers { get; private set; }

    public string? Occasion { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, string? anlass)
    {
        if (anlass?.Length > 300)
        {
            Occasion = anlass;
            ModelState.AddModelError("Anlass", "Der Anlass darf höchstens 300 Zeichen lang sein.");
            return await LoadAsync(id) ?? Page();
        }

        if (await registry.EraseContactAsync(id, HttpContext.RequestAborted, anlass) != EraseResult.Erased)
        {
            return NotFound();
        }

        var found = await db.Establishments.Where(e => e.Id == id)
            .Select(e => new { e.Pseudonym, Network = db.Networks.Where(n => n.Id == e.NetworkId).Select(n => n.Key).First() })
            .SingleAsync(HttpContext.RequestAborted);
        return Redirect($"/admin/betriebe?verbund={Uri.EscapeDataString(found.Network)}&geloescht={Uri.EscapeDataString(found.Pseudonym)}");
    }

    /// <summary>Null when the page can be shown; otherwise what to answer instead.</summary>
    private async Task<IActionResult?> LoadAsync(Guid id)
    {
        Establishment = await registry.FindAsync(id, HttpContext.RequestAborted);
        if (Establishment is null)
        {
            return NotFound();
        }

        if (Establishment.Contact is null)
        {
            return Redirect($"/admin/betriebe?geloescht={Uri.EscapeDataString(Establishment.Pseudonym)}");
        }

        (Interviews, Answers) = await registry.CountAnswersAsync(id, HttpContext.RequestAborted);
        return null;
    }
}
