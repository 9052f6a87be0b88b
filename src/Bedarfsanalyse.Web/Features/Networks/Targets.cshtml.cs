using System.Globalization;
using Bedarfsanalyse.Core.Periods;
using Bedarfsanalyse.Data;
using Bedarfsanalyse.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Bedarfsanalyse.Web.Features.Networks;

[Authorize(Policy = Policies.Admin)]
public sealed class TargetsModel(BedarfsanalyseDb db, NetworkDirectory directory, FieldTargets targets, TimeProvider clock) : PageModel
{
    private IReadOnlyList<FieldTargetEntry> _entries = [];

    public NetworkView? Network { get; private set; }

    public Quarter Quarter { get; private set; }

    public IReadOnlyList<Quarter> Quarters { get; private set; } = [];

    public IReadOnlyList<(string Code, string Name)> Groups { get; private set; } = [];

    public bool Saved { get; private set; }

    public int? TargetOf(string district, string group) =>
        _entries.FirstOrDefault(e => e.District == district && e.RespondentGroup == group)?.Target;

    public async Task<IActionResult> OnGetAsync(string key, string? quartal) =>
        await LoadAsync(key, quartal) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string key, string? quartal, Dictionary<string, Dictionary<string, string>>? soll)
    {
        if (!await LoadAsync(key, quartal))
        {
            return NotFound();
        }

        var entries = new List<FieldTargetEntry>();
        foreach (var (district, groups) in soll ?? [])
        {
            foreach (var (group, text) in groups)
            {
                if (string.IsNullOrWhiteSpace(text))
                {
                    continue;
                }

                if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var target))
                {
                    ModelState.AddModelError("", $"{district} / {group}: „{text}“ ist keine ganze Zahl ab 0.");
                    continue;
                }

                entries.Add(new FieldTargetEntry(district, group, target));
            }
        }

        if (ModelState.IsValid)
        {
            var errors = await targets.ReplaceAsync(Network!, Quarter, entries, HttpContext.RequestAborted);
            errors?.CopyTo(ModelState, prefix: "");
            Saved = errors is null;
        }

        _entries = ModelState.IsValid ? await targets.ReadAsync(Network!.Id, Quarter, HttpContext.RequestAborted) : entries;
        return Page();
    }

    private async Task<bool> LoadAsync(string key, string? quarter)
    {
        Network = await directory.FindAsync(key, HttpContext.RequestAborted);
        if (Network is null)
        {
            return false;
        }

        var current = Quarter.Of(DateOnly.FromDateTime(clock.GetLocalNow().DateTime));
        Quarter = Quarter.TryParse(quarter, out var chosen) ? chosen : current;
        Quarters = Enumerable.Range(-8, 13).Select(current.AddQuarters).Reverse().ToList();
        Groups = (await db.RespondentGroups.OrderBy(g => g.SortOrder).Select(g => new { g.Code, g.Name }).ToListAsync(HttpContext.RequestAborted))
            .Select(g => (g.Code, g.Name)).ToList();
        _entries = await targets.ReadAsync(Network.Id, Quarter, HttpContext.RequestAborted);
        return true;
    }
}
