using System.Globalization;
using Bedarfsanalyse.Web.Features.Uploads;
using Bedarfsanalyse.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bedarfsanalyse.Web.Features.Networks;

[Authorize(Policy = Policies.Admin)]
[RequestSizeLimit(TableFile.MaxBytes)]
public sealed class MarginsModel(NetworkDirectory directory, PopulationMargins margins) : PageModel
{
    public CultureInfo German { get; } = CultureInfo.GetCultureInfo("de-DE");

    public NetworkView? Network { get; private set; }

    public IReadOnlyList<PopulationMarginEntry> Entries { get; private set; } = [];

    public MarginImportResult? Result { get; private set; }

    public async Task<IActionResult> OnGetAsync(string key)
    {
        if (!await LoadAsync(key))
        {
            return NotFound();
        }

        return Page();
    }

    public async Task<IActionResult> OnGetVorlageAsync(string key)
    {
        if (!await LoadAsync(key))
        {
            return NotFound();
        }

        var content = await margins.TemplateAsync(Network!, HttpContext.RequestAborted);
        return File(content, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"grundgesamtheit-{Network!.Key}.xlsx");
    }

    public async Task<IActionResult> OnPostAsync(string key, IFormFile? file)
    {
        if (!await LoadAsync(key))
        {
            return NotFound();
        }

        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("", "Bitte wählen Sie eine Datei aus.");
            return Page();
        }

        await using var stream = file.OpenReadStream();
        var outcome = await margins.ImportAsync(Network!, stream, file.FileName, HttpContext.RequestAborted);
        if (outcome.Succeeded)
        {
            Result = outcome.Value;
            Entries = await margins.ReadAsync(Network!.Id, HttpContext.RequestAborted);
        }
        else
        {
            ModelState.AddModelError("", "Die Datei wurde nicht übernommen; es hat sich nichts geändert.");
            outcome.Errors!.CopyTo(ModelState, prefix: "");
        }

        return Page();
    }

    private async Task<bool> LoadAsync(string key)
    {
        Network = await directory.FindAsync(key, HttpContext.RequestAborted);
        if (Network is null)
        {
            return false;
        }

        Entries = await margins.ReadAsync(Network.Id, HttpContext.RequestAborted);
        return true;
    }
}
