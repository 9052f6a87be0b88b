using Bedarfsanalyse.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bedarfsanalyse.Web.Features.Districts;

[Authorize(Policy = Policies.Admin)]
public sealed class IndexModel(DistrictCatalog catalog) : PageModel
{
    [BindProperty]
    public DistrictForm Form { get; set; } = new();

    public IReadOnlyList<DistrictView> Districts { get; private set; } = [];

    public string? Added { get; private set; }

    public async Task OnGetAsync() => Districts = await catalog.ListAsync(HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostAsync()
    {
        var outcome = await catalog.AddAsync(new DistrictInput(Form.Key, Form.Name, Form.Kind, Form.ValidFrom, null), HttpContext.RequestAborted);
        if (outcome.Succeeded)
        {
            Added = $"{outcome.Value!.Name} ({outcome.Value.Key})";
            Form = new DistrictForm();
            ModelState.Clear();
        }
        else
        {
            outcome.Errors!.CopyTo(ModelState);
        }

        await OnGetAsync();
        return Page();
    }

    public sealed class DistrictForm
    {
        public string? Key { get; set; }

        public string? Name { get; set; }

        public string? Kind { get; set; } = "Landkreis";

        public DateOnly? ValidFrom { get; set; }
    }
}
