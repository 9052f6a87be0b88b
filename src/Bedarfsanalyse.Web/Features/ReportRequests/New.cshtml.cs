using Bedarfsanalyse.Core.Periods;
using Bedarfsanalyse.Data;
using Bedarfsanalyse.Data.Accounts;
using Bedarfsanalyse.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Bedarfsanalyse.Web.Features.ReportRequests;

/// <summary>/berichte/anfordern: ask for a district report or (analysts) the workbook of a quarter; then follow its progress.</summary>
[Authorize(Policy = Policies.Reports)]
public sealed class NewModel(ReportRequestService requests, BedarfsanalyseDb db, UserScope scope, TimeProvider clock) : PageModel
{
    [BindProperty]
    public RequestForm Form { get; set; } = new();

    public IReadOnlyList<(string Key, string Name)> Networks { get; private set; } = [];

    public IReadOnlyList<(string Key, string Name)> Districts { get; private set; } = [];

    public IReadOnlyList<Quarter> Quarters { get; private set; } = [];

    public IReadOnlyList<RequestView> Mine { get; private set; } = [];

    public bool MayAskForWorkbook => scope.IsAdmin || scope.IsIn(Roles.Analyst);

    public async Task OnGetAsync()
    {
        await LoadAsync();
        Form.Quarter = Quarters[0].ToString();
        Form.Network = Networks.Count > 0 ? Networks[0].Key : "";
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var outcome = await requests.RequestAsync(Form, HttpContext.RequestAborted);
        if (outcome.Succeeded)
        {
            return Redirect($"/berichte/auftraege/{outcome.Value!.Id}");
        }

        outcome.Errors!.CopyTo(ModelState);
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        var networkId = scope.NetworkId;
        var all = scope.IsAdmin;
        Networks = (await db.Networks.AsNoTracking().Where(n => all || n.Id == networkId).OrderBy(n => n.Name)
            .Select(n => new { n.Key, n.Name }).ToListAsync(HttpContext.RequestAborted)).Select(n => (n.Key, n.Name)).ToList();
        Districts = (await db.NetworkDistricts.AsNoTracking().Where(d => all || d.NetworkId == networkId)
            .Select(d => new { d.DistrictKey, d.District!.Name }).Distinct().OrderBy(d => d.Name).ToListAsync(HttpContext.RequestAborted))
            .Select(d => (d.DistrictKey, d.Name)).ToList();
        var current = Quarter.Of(DateOnly.FromDateTime(clock.GetLocalNow().DateTime));
        Quarters = [.. Enumerable.Range(0, 12).Select(i => current.AddQuarters(-i))];
        Mine = await requests.MineAsync(HttpContext.RequestAborted);
    }
}
