using System.Globalization;
using Bedarfsanalyse.Core.Questionnaires.Answers;
using Bedarfsanalyse.Core.Questionnaires.Evaluation;
using Bedarfsanalyse.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bedarfsanalyse.Web.Features.Interviews;

/// <summary>
/// One questionnaire page of an interview. Every page change saves the page as a draft (so a closed browser loses at
/// most the page being typed); relevance is decided by the engine, on the server, also while typing (ADR 0010).
/// </summary>
[Authorize(Policy = Policies.Interviewer)]
public sealed class AnswerModel(InterviewCapture capture) : PageModel
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");
    private IFormCollection? _posted;

    public InterviewDocument Document { get; private set; } = null!;

    public InterviewState State { get; private set; } = null!;

    public PageState Current { get; private set; } = null!;

    public IReadOnlyDictionary<string, List<string>> Errors { get; private set; } = new Dictionary<string, List<string>>();

    public string? Message { get; private set; }

    public bool IsError { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? seite, bool gespeichert = false)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        State = Document.Questionnaire.Evaluate(Document.Answers, Document.Interview.ConductedOn);
        Current = PageOf(seite);
        if (gespeichert)
        {
            Message = $"Entwurf gespeichert um {GermanTime.ToLocal(Document.Interview.UpdatedAt):HH:mm} Uhr.";
        }

        return Page();
    }

    /// <summary>Saves the page, then goes where the interviewer asked: "weiter", "zurueck", "speichern" or "zusammenfassung".</summary>
    public async Task<IActionResult> OnPostAsync(Guid id, string? seite, string? gehe, uint? version)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        var before = Document.Questionnaire.Evaluate(Document.Answers, Document.Interview.ConductedOn);
        var page = PageOf(seite, before);
        var posted = InterviewPageForm.Read(page, Document.Questionnaire.Definition, Request.Form);
        var result = await capture.SaveAnswersAsync(id, version, posted, null, HttpContext.RequestAborted);
        if (result.Kind == InterviewResultKind.Ok)
        {
            var saved = await capture.OpenAsync(id, HttpContext.RequestAborted);
            var state = saved!.Questionnaire.Evaluate(saved.Answers, saved.Interview.ConductedOn);
            var target = gehe switch
            {
                "weiter" => state.NextPage(page.Name),
                "zurueck" => state.PreviousPage(page.Name),
                _ => null,
            };
            if (gehe == "zusammenfassung" || (gehe == "weiter" && target is null))
            {
                return Redirect($"/interviews/{id}/zusammenfassung");
            }

            return Redirect($"/interviews/{id}/{(target ?? page).Name}" + (target is null ? "?gespeichert=true" : ""));
        }

        if (result.Kind == InterviewResultKind.NotFound)
        {
            return NotFound();
        }

        // Not saved: show the page again with what was typed, the engine's relevance for it and the messages at the questions.
        _posted = Request.Form;
        State = Document.Questionnaire.Evaluate(InterviewPageForm.Merge(Document.Answers, posted), Document.Interview.ConductedOn);
        Current = State.Page(page.Name);
        IsError = true;
        if (result.Kind == InterviewResultKind.Invalid)
        {
            Errors = result.Errors!.ByField;
            Message = "Bitte prüfen Sie die markierten Angaben. Die Seite wurde noch nicht gespeichert.";
        }
        else
        {
            Message = result.Message;
        }

        return Page();
    }

    /// <summary>For the page script: which questions and options the engine shows for the answers typed so far (nothing is saved).</summary>
    public async Task<IActionResult> OnPostRelevanceAsync(Guid id, string? seite)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        var before = Document.Questionnaire.Evaluate(Document.Answers, Document.Interview.ConductedOn);
        var page = PageOf(seite, before);
        var posted = InterviewPageForm.Read(page, Document.Questionnaire.Definition, Request.Form);
        var state = Document.Questionnaire.Evaluate(InterviewPageForm.Merge(Document.Answers, posted), Document.Interview.ConductedOn);
        var elements = Flatten(state.Page(page.Name).Elements).ToList();
        return new JsonResult(new
        {
            relevant = elements.Where(e => e.IsRelevant).Select(e => e.Name),
            choices = elements.Where(e => e.IsRelevant && e.Choices.Count > 0).ToDictionary(e => e.Name, e => e.Choices.Select(c => c.Code)),
            progress = state.Progress.Percent,
        });
    }

    public static IEnumerable<ElementState> Flatten(IEnumerable<ElementState> elements) =>
        elements.SelectMany(e => Flatten(e.Elements).Prepend(e));

    public IEnumerable<string> ErrorsOf(string question) =>
        Errors.Where(e => e.Key == question || e.Key.StartsWith(question + ".", StringComparison.Ordinal)).SelectMany(e => e.Value);

    /// <summary>The text shown in a field: what was just typed, else the stored answer.</summary>
    public string Text(string question)
    {
        if (_posted is not null)
        {
            return _posted[InterviewPageForm.FieldName(question)].ToString();
        }

        return State.Answers.GetValueOrDefault(question) switch
        {
            NumberAnswer number => number.Value.ToString("0.############", German),
            TextAnswer text => text.Value,
            DateAnswer date => date.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ => "",
        };
    }

    public bool IsChosen(string question, string code)
    {
        if (_posted is not null)
        {
            return _posted[InterviewPageForm.FieldName(question)].Contains(code);
        }

        return State.Answers.GetValueOrDefault(question) is ChoiceAnswer choice && choice.Codes.Contains(code);
    }

    public bool IsChosen(string question, string row, string code)
    {
        if (_posted is not null)
        {
            return _posted[InterviewPageForm.FieldName(question, row)].Contains(code);
        }

        return State.Answers.GetValueOrDefault(question) is MatrixAnswer matrix && matrix.Rows.TryGetValue(row, out var codes) && codes.Contains(code);
    }

    public string Rank(string question, string code)
    {
        if (_posted is not null)
        {
            return _posted[InterviewPageForm.FieldName(question, code)].ToString();
        }

        return State.Answers.GetValueOrDefault(question) is ChoiceAnswer choice && choice.Codes.ToList().IndexOf(code) is >= 0 and var index
            ? (index + 1).ToString(CultureInfo.InvariantCulture)
            : "";
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var document = await capture.OpenAsync(id, HttpContext.RequestAborted);
        if (document is null)
        {
            return false;
        }

        Document = document;
        return true;
    }

    private PageState PageOf(string? name, InterviewState? state = null)
    {
        state ??= State;
        return state.RelevantPages.FirstOrDefault(p => p.Name == name) ?? state.RelevantPages.FirstOrDefault() ?? state.Pages[0];
    }
}
