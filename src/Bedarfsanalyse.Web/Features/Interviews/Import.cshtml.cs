using Bedarfsanalyse.Core.Questionnaires.Network;
using Bedarfsanalyse.Web.Features.Uploads;
using Bedarfsanalyse.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bedarfsanalyse.Web.Features.Interviews;

/// <summary>
/// Interviews collected elsewhere (paper, another tool) uploaded as CSV or .xlsx in the analyst export's layout: first
/// checked (every row's errors listed, nothing stored), then imported as a whole or not at all.
/// </summary>
[Authorize(Policy = Policies.Interviewer)]
[RequestSizeLimit(TableFile.MaxBytes + 64 * 1024)]
public sealed class ImportModel(InterviewImport import) : PageModel
{
    public static readonly IReadOnlyList<(string Key, string Title)> Questionnaires =
    [
        (NetworkQuestionnaires.EmployerKey, "Arbeitgeberbefragung"),
        (NetworkQuestionnaires.EmployeeKey, "Beschäftigtenbefragung"),
    ];

    [BindProperty]
    public string Questionnaire { get; set; } = NetworkQuestionnaires.EmployerKey;

    [BindProperty]
    public bool CheckOnly { get; set; } = true;

    public ImportReport? Report { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file)
    {
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("file", "Bitte wählen Sie eine Datei aus (.csv oder .xlsx).");
            return Page();
        }

        await using var content = file.OpenReadStream();
        var outcome = await import.RunAsync(Questionnaire, content, file.FileName, CheckOnly, HttpContext.RequestAborted);
        if (outcome.Succeeded)
        {
            Report = outcome.Value;
        }
        else
        {
            outcome.Errors!.CopyTo(ModelState, prefix: "");
        }

        return Page();
    }
}
