using Bedarfsanalyse.Core.Questionnaires.Evaluation;
using Bedarfsanalyse.Data;
using Bedarfsanalyse.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Bedarfsanalyse.Web.Features.Interviews;

/// <summary>Everything answered, page by page, what is still missing, the consent and "Abschließen".</summary>
[Authorize(Policy = Policies.Interviewer)]
public sealed class SummaryModel(InterviewCapture capture, BedarfsanalyseDb db) : PageModel
{
    public InterviewDocument Document { get; private set; } = null!;

    public InterviewState State { get; private set; } = null!;

    /// <summary>What completing would refuse, keyed by question (or "consent").</summary>
    public IReadOnlyDictionary<string, List<string>> Errors { get; private set; } = new Dictionary<string, List<string>>();

    public string? ConsentVersion { get; private set; }

    public string? ConsentText { get; private set; }

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        var validation = Document.Questionnaire.Validate(Document.Answers, ValidationMode.Complete, Document.Interview.ConductedOn);
        Errors = InterviewPageForm.ErrorsByQuestion(InterviewCapture.ErrorsOf(validation));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, uint? version, bool einwilligung)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        var consent = einwilligung ? new ConsentInput(true, ConsentVersion) : null;
        var result = await capture.CompleteAsync(id, version, null, consent, HttpContext.RequestAborted);
        switch (result.Kind)
        {
            case InterviewResultKind.Ok:
                return Redirect("/interviews?abgeschlossen=true");
            case InterviewResultKind.Invalid:
                Errors = InterviewPageForm.ErrorsByQuestion(result.Errors!);
                Message = "Das Interview kann noch nicht abgeschlossen werden. Es bleibt als Entwurf gespeichert.";
                return Page();
            case InterviewResultKind.NotFound:
                return NotFound();
            default:
                Message = result.Message;
                return Page();
        }
    }

    /// <summary>Withdraws the interview, e.g. when the respondent revokes consent; the reason is required and audited.</summary>
    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, uint? version, string? grund)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        var result = await capture.WithdrawAsync(id, new WithdrawInterviewInput(version, grund), HttpContext.RequestAborted);
        switch (result.Kind)
        {
            case InterviewResultKind.Ok:
                return Redirect("/interviews");
            case InterviewResultKind.NotFound:
                return NotFound();
            default:
                Errors = result.Errors is null ? new Dictionary<string, List<string>>() : InterviewPageForm.ErrorsByQuestion(result.Errors);
                Message = result.Message ?? "Das Interview wurde nicht zurückgezogen.";
                return Page();
        }
    }

    /// <summary>An answer as the interviewer reads it: option labels, German numbers and dates.</summary>
    public string Display(ElementState question) =>
        AnswerDisplay.Text(Document.Questionnaire.Definition, question.Element, State.Answers.GetValueOrDefault(question.Name));

    private async Task<bool> LoadAsync(Guid id)
    {
        var document = await capture.OpenAsync(id, HttpContext.RequestAborted);
        if (document is null)
        {
            return false;
        }

        Document = document;
        State = document.Questionnaire.Evaluate(document.Answers, document.Interview.ConductedOn);
        var consent = await db.ConsentTexts.OrderByDescending(c => c.ValidFrom).FirstOrDefaultAsync(HttpContext.RequestAborted);
        ConsentVersion = consent?.Version;
        ConsentText = consent?.Text;
        return true;
    }
}
