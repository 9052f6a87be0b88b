using Bedarfsanalyse.Core.Questionnaires.Json;
using Bedarfsanalyse.Web.Security;
using Bedarfsanalyse.XlsForm;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bedarfsanalyse.Web.Features.Questionnaires;

[Authorize(Policy = Policies.Admin)]
[RequestSizeLimit(XlsFormUpload.MaxRequestBytes)]
public sealed class IndexModel(QuestionnaireCatalog catalog, QuestionnaireImport import, NetworkQuestionnaireSetup setup) : PageModel
{
    public IReadOnlyList<QuestionnaireSummary> Questionnaires { get; private set; } = [];

    public SavedVersionView? Result { get; private set; }

    public async Task OnGetAsync() => Questionnaires = await catalog.ListAsync(includeDrafts: true, HttpContext.RequestAborted);

    public async Task<IActionResult> OnGetXlsformAsync(string key, int number)
    {
        var version = await catalog.FindAsync(key, number, HttpContext.RequestAborted);
        return version is null
            ? NotFound()
            : File(XlsFormWriter.Write(QuestionnaireJson.Deserialize(version.Definition)), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{key}-v{number}.xlsx");
    }

    public async Task<IActionResult> OnPostImportAsync(IFormFile? file, bool publish, bool replaceDraft)
    {
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("", "Bitte wählen Sie eine XLSForm-Datei aus.");
        }
        else if (file.Length > QuestionnaireImport.MaxBytes)
        {
            ModelState.AddModelError("", $"{file.FileName} wurde nicht übernommen: {XlsFormUpload.TooLarge}");
        }
        else
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, HttpContext.RequestAborted);
            var outcome = await import.ImportAsync(buffer.ToArray(), publish, replaceDraft, HttpContext.RequestAborted);
            if (outcome.Saved is { } saved)
            {
                Result = SavedVersionView.From(saved);
            }
            else if (outcome.Draft is { } draft)
            {
                ModelState.AddModelError("", $"{file.FileName} wurde nicht übernommen. " + draft.Message("kreuzen Sie „vorhandenen Entwurf ersetzen“ an und laden Sie die Datei erneut hoch"));
            }
            else
            {
                ModelState.AddModelError("", $"{file.FileName} wurde nicht übernommen; es hat sich nichts geändert.");
                outcome.Errors!.CopyTo(ModelState, prefix: "");
            }
        }

        await OnGetAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostPublishAsync(string key, int number)
    {
        var outcome = await catalog.PublishAsync(key, number, HttpContext.RequestAborted);
        if (outcome.Succeeded)
        {
            Result = SavedVersionView.From(outcome.Value!);
        }
        else
        {
            ModelState.AddModelError("", $"{key}, Version {number} wurde nicht veröffentlicht; sie bleibt ein Entwurf.");
            outcome.Errors!.CopyTo(ModelState, prefix: "");
        }

        await OnGetAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostNetworkAsync()
    {
        var setupResult = await setup.EnsurePublishedAsync(HttpContext.RequestAborted);
        Result = setupResult.Published.Count > 0 ? SavedVersionView.From(setupResult.Published[^1]) : null;
        foreach (var reason in setupResult.Waiting)
        {
            ModelState.AddModelError("", reason);
        }
        await OnGetAsync();
        return Page();
    }
}
