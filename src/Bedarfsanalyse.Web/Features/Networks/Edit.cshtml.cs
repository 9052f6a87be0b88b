using Bedarfsanalyse.Data;
using Bedarfsanalyse.Data.Networks;
using Bedarfsanalyse.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Bedarfsanalyse.Web.Features.Networks;

/// <summary>Create ("/admin/verbuende/neu") and edit a network.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class EditModel(BedarfsanalyseDb db, NetworkDirectory directory, NetworkSettings settings) : PageModel
{
    private const string NewKey = "neu";

    [BindProperty]
    public NetworkForm Form { get; set; } = new();

    public IReadOnlyList<DistrictOption> Districts { get; private set; } = [];

    public bool Creating { get; private set; }

    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(string key)
    {
        Creating = key == NewKey;
        if (!Creating)
        {
            if (await directory.FindAsync(key, HttpContext.RequestAborted) is not { } network)
            {
                return NotFound();
            }

            Form = new NetworkForm
            {
                Key = network.Key, Name = network.Name, SteeringCommitteeName = network.SteeringCommitteeName, Topics = network.Topics,
                ReportSchedule = network.ReportSchedule, ContactRetentionMonths = network.ContactRetentionMonths,
                Districts = network.Districts.Select(d => d.Key).ToList(),
            };
        }

        await LoadDistrictsAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string key)
    {
        Creating = key == NewKey;
        var input = new NetworkInput(Form.Key, Form.Name, Form.SteeringCommitteeName, Form.Topics, Form.ReportSchedule, Form.ContactRetentionMonths, Form.Districts);
        InputErrors? errors;
        if (Creating)
        {
            var created = await settings.CreateAsync(input, HttpContext.RequestAborted);
            if (created.Succeeded)
            {
                return Redirect($"/admin/verbuende/{created.Value}");
            }

            errors = created.Errors;
        }
        else
        {
            var updated = await settings.UpdateAsync(key, input with { Key = key }, HttpContext.RequestAborted);
            if (updated.Succeeded && !updated.Value)
            {
                return NotFound();
            }

            errors = updated.Errors;
            Saved = updated.Succeeded;
        }

        errors?.CopyTo(ModelState);
        await LoadDistrictsAsync();
        return Page();
    }

    private async Task LoadDistrictsAsync() =>
        Districts = await db.Districts.Where(d => d.ValidUntil == null)
            .OrderBy(d => d.StateCode).ThenBy(d => d.Name)
            .Select(d => new DistrictOption(d.Key, d.Name, d.State!.Name))
            .ToListAsync(HttpContext.RequestAborted);

    public sealed class NetworkForm
    {
        public string? Key { get; set; }

        public string? Name { get; set; }

        public string? SteeringCommitteeName { get; set; } = "Steuerkreis";

        public string? Topics { get; set; }

        public string? ReportSchedule { get; set; } = Network.DefaultReportSchedule;

        public int? ContactRetentionMonths { get; set; } = Network.DefaultContactRetentionMonths;

        public List<string> Districts { get; set; } = [];
    }

    public sealed record DistrictOption(string Key, string Name, string State);
}
