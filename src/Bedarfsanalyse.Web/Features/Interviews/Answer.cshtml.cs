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

    /// <summary>
    /// Saves the page, then goes where the interviewer asked: "weiter", "zurueck", "speichern" or "zusammenfassung".
    /// A value the engine refuses stays on the page with its message, and the page's valid values of a draft are saved
    /// all the same (ADR 0011). A stale version is never overwritten silently: the page shows the stored values beside
    /// the interviewer's and keeps the old version until the interviewer chooses ("uebernehmen" carries the stored one).
    /// </summary>
    public async Task<IActionResult> OnPostAsync(Guid id, string? seite, string? gehe, uint? version, uint? uebernehmen)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        var before = Document.Questionnaire.Evaluate(Document.Answers, Document.Interview.ConductedOn);
        var page = PageOf(seite, before);
        var posted = InterviewPageForm.Read(page, Document.Questionnaire.Definition, Request.Form);
        var result = await capture.SaveAnswersAsync(id, uebernehmen ?? version, posted, null, HttpContext.RequestAborted);
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

        // Not (all) saved: show the page again with what was typed, the engine's relevance for it and the messages at the questions.
        _posted = Request.Form;
        IsError = true;
        if (result.Kind == InterviewResultKind.Invalid)
        {
            Errors = InterviewPageForm.ErrorsByQuestion(result.Errors!);
            Message = "Bitte prüfen Sie die markierten Angaben. Die Seite wurde noch nicht gespeichert.";
            if (Document.Interview.Status == Data.Interviews.Interview.Draft
                && posted.Keys.Where(q => !HasError(q)).ToDictionary(q => q, q => posted[q], StringComparer.Ordinal) is { Count: > 0 } valid
                && (await capture.SaveAnswersAsync(id, version, valid, null, HttpContext.RequestAborted)) is { Kind: InterviewResultKind.Ok })
            {
                await LoadAsync(id);
                Message = "Die gültigen Angaben dieser Seite sind als Entwurf gespeichert. Bitte korrigieren Sie die markierten Angaben.";
            }
        }
        else if (result.Kind == InterviewResultKind.Conflict && result.Interview is { Status: not Data.Interviews.Interview.Withdrawn } current)
        {
            FormVersion = version;
            Conflict = new PageConflict(current.Version, current.UpdatedAt, ConflictRows(page, posted, await capture.OpenAsync(id, HttpContext.RequestAborted)));
            Message = "Das Interview wurde inzwischen an anderer Stelle geändert (" + GermanTime.Format(current.UpdatedAt)
                + "). Ihre Eingaben sind noch nicht gespeichert. Vergleichen Sie unten und wählen Sie, welcher Stand gelten soll.";
        }
        else
        {
            Message = result.Message;
        }

        State = Document.Questionnaire.Evaluate(InterviewPageForm.Merge(Document.Answers, posted), Document.Interview.ConductedOn);
        Current = State.Page(page.Name);
        return Page();
    }

    /// <summary>The version the form sends: the one read, also after a conflict, so that only an explicit choice overwrites.</summary>
    public uint? FormVersion
    {
        get => _formVersion ?? Document.Interview.Version;
        private set => _formVersion = value;
    }

    private uint? _formVersion;

    /// <summary>A save refused because someone else changed the interview: what is stored now against what was typed.</summary>
    public PageConflict? Conflict { get; private set; }

    private IReadOnlyList<ConflictRow> ConflictRows(PageState page, IReadOnlyDictionary<string, AnswerValue?> posted, InterviewDocument? stored)
    {
        if (stored is null)
        {
            return [];
        }

        var definition = stored.Questionnaire.Definition;
        var typed = Document.Questionnaire.Validate(InterviewPageForm.Merge(Document.Answers, posted), ValidationMode.Draft, Document.Interview.ConductedOn).Answers;
        return [.. InterviewPageForm.Questions(page.Elements)
            .Select(q => new ConflictRow(
                q.Element.Label?.Default ?? q.Name,
                AnswerDisplay.Text(definition, q.Element, stored.Answers.GetValueOrDefault(q.Name)),
                AnswerDisplay.Text(definition, q.Element, typed.GetValueOrDefault(q.Name) ?? posted.GetValueOrDefault(q.Name))))
            .Where(r => r.Stored != r.Typed)];
    }

    private bool HasError(string question) =>
        Errors.Keys.Any(k => k == question || k.StartsWith(question + ".", StringComparison.Ordinal));

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
            page = state.Page(page.Name).Number,
            pages = state.Page(page.Name).RelevantPageCount,
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

    /// <summary>How the interview's status reads in the page header.</summary>
    public string StatusText => Document.Interview.Status switch
    {
        Data.Interviews.Interview.Completed => "abgeschlossen (Änderungen werden protokolliert)",
        Data.Interviews.Interview.Withdrawn => "zurückgezogen (keine Änderungen mehr möglich)",
        _ => "Entwurf",
    };

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

/// <summary>A refused save of a page: the stored version (to overwrite it on purpose) and the questions that differ.</summary>
public sealed record PageConflict(uint StoredVersion, DateTimeOffset StoredAt, IReadOnlyList<ConflictRow> Rows);

/// <summary>One question whose stored answer differs from what the interviewer typed.</summary>
public sealed record ConflictRow(string Question, string Stored, string Typed);
