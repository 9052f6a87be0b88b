using System.Globalization;
using Bedarfsanalyse.Core.Questionnaires;
using Bedarfsanalyse.Core.Questionnaires.Answers;
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
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

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
        Errors = InterviewCapture.ErrorsOf(validation).ByField;
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
                Errors = result.Errors!.ByField;
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
                Errors = result.Errors?.ByField ?? new Dictionary<string, List<string>>();
                Message = result.Message ?? "Das Interview wurde nicht zurückgezogen.";
                return Page();
        }
    }

    /// <summary>An answer as the interviewer reads it: option labels, German numbers and dates.</summary>
    public string Display(ElementState question)
    {
        var definition = Document.Questionnaire.Definition;
        string Label(string? listName, string code) =>
            code == OtherOption.Code ? "Sonstiges" : (listName is null ? null : definition.FindChoiceList(listName)?.Find(code)?.Label.Default) ?? code;

        return State.Answers.GetValueOrDefault(question.Name) switch
        {
            null => "–",
            ChoiceAnswer choice => string.Join("; ", choice.Codes.Select(c => Label((question.Element as ChoiceQuestion)?.ListName, c))),
            MatrixAnswer matrix when question.Element is MatrixQuestion m => string.Join("; ", matrix.Rows.Select(r =>
                $"{Label(m.RowListName, r.Key)}: {string.Join(", ", r.Value.Select(c => Label(m.ScaleListName, c)))}")),
            NumberAnswer number => number.Value.ToString("#,0.##", German),
            DateAnswer date => GermanTime.Date(date.Value),
            TextAnswer text => text.Value,
            var other => other.ToString() ?? "",
        };
    }

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
