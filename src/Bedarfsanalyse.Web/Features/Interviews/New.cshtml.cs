using Bedarfsanalyse.Core.Questionnaires;
using Bedarfsanalyse.Core.Questionnaires.Answers;
using Bedarfsanalyse.Data;
using Bedarfsanalyse.Data.Questionnaires;
using Bedarfsanalyse.Data.ReferenceData;
using Bedarfsanalyse.Web.Features.Establishments;
using Bedarfsanalyse.Web.Features.Questionnaires;
using Bedarfsanalyse.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Bedarfsanalyse.Web.Features.Interviews;

/// <summary>
/// Starting an interview: questionnaire and respondent group, district, and for employer interviews the establishment,
/// found by name or made new; a new one with a name like an existing one in the district is only made after the
/// interviewer has seen the possible duplicates.
/// </summary>
[Authorize(Policy = Policies.Interviewer)]
public sealed class NewModel(
    BedarfsanalyseDb db, UserScope scope, EstablishmentRegistry registry, InterviewCapture capture, CompiledQuestionnaires questionnaires) : PageModel
{
    [BindProperty]
    public NewInterviewForm Form { get; set; } = new();

    public IReadOnlyList<(string Value, string Label, bool IsEstablishment)> Starts { get; private set; } = [];

    public IReadOnlyList<(string Key, string Name)> Districts { get; private set; } = [];

    public IReadOnlyList<(string Code, string Name)> Sectors { get; private set; } = [];

    public IReadOnlyList<EstablishmentView> Matches { get; private set; } = [];

    /// <summary>The matches are possible duplicates of the new establishment the interviewer entered.</summary>
    public bool DuplicateWarning { get; private set; }

    public bool HasNetwork => scope.NetworkId is not null;

    public async Task<IActionResult> OnGetAsync(string? start, string? kreis, string? suche)
    {
        await LoadOptionsAsync();
        Form.InterviewId = Guid.CreateVersion7();
        Form.Start = start ?? Starts.FirstOrDefault().Value;
        Form.District = kreis ?? Districts.FirstOrDefault().Key;
        Form.Search = suche;
        if (!string.IsNullOrWhiteSpace(suche) && scope.NetworkId is { } network && Form.District is not null)
        {
            Matches = await registry.FindByNameAsync(network, Form.District, suche, HttpContext.RequestAborted);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadOptionsAsync();
        var ct = HttpContext.RequestAborted;
        if (scope.NetworkId is not { } network)
        {
            return Page();
        }

        var start = Starts.FirstOrDefault(s => s.Value == Form.Start);
        if (start.Value is null)
        {
            ModelState.AddModelError("Form.Start", "Bitte wählen Sie Fragebogen und Befragtengruppe.");
        }

        if (!Districts.Any(d => d.Key == Form.District))
        {
            ModelState.AddModelError("Form.District", "Bitte wählen Sie einen Ihrer Kreise.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        // The id was chosen when the form was shown: a second submit (double click, a resent form) finds the interview
        // of the first instead of making another. Establishment and interview are stored together or not at all.
        var id = Form.InterviewId ??= Guid.CreateVersion7();
        if (await db.Interviews.AnyAsync(i => i.Id == id, ct))
        {
            // Checked before the establishment search: the first submit's establishment would read as a duplicate.
            return Redirect($"/interviews/{id}");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        Guid? establishmentId = null;
        Guid? createdEstablishment = null;
        if (start.IsEstablishment)
        {
            if (Form.EstablishmentId is { } chosen)
            {
                establishmentId = chosen;
            }
            else if (string.IsNullOrWhiteSpace(Form.Name))
            {
                ModelState.AddModelError("Form.Name", "Bitte wählen Sie einen gefundenen Betrieb oder geben Sie den Namen eines neuen Betriebs an.");
                return Page();
            }
            else
            {
                var duplicates = await registry.FindByNameAsync(network, Form.District!, Form.Name, ct);
                if (duplicates.Count > 0 && !Form.CreateAnyway)
                {
                    Matches = duplicates;
                    DuplicateWarning = true;
                    return Page();
                }

                var created = await registry.CreateAsync(network,
                    new EstablishmentInput(Form.District, Form.Sector, Form.Headcount, null, new ContactView(Form.Name, null, null, null, null, null, null)), ct);
                if (!created.Succeeded)
                {
                    foreach (var (field, messages) in created.Errors!.ByField)
                    {
                        var target = field switch { "sector" => "Form.Sector", "headcount" => "Form.Headcount", "contact.name" => "Form.Name", _ => "Form.District" };
                        messages.ForEach(m => ModelState.AddModelError(target, m));
                    }

                    return Page();
                }

                establishmentId = createdEstablishment = created.Value!.Id;
            }
        }

        var (key, group) = Split(start.Value!);
        var result = await capture.CreateAsync(
            new CreateInterviewInput(id, key, null, group, Form.District, establishmentId, null, null, null, null),
            await PrefillAsync(key, group, Form.District!, ct), ct);
        if (result.Kind == InterviewResultKind.Created && createdEstablishment is not null && result.Interview!.EstablishmentId != createdEstablishment)
        {
            // The same form again: its interview exists (with the establishment of the first submit); this one's goes.
            await transaction.RollbackAsync(ct);
            return Redirect($"/interviews/{id}");
        }

        if (result.Kind != InterviewResultKind.Created)
        {
            await transaction.RollbackAsync(ct);
            var messages = result.Errors?.ByField.SelectMany(e => e.Value) ?? [result.Message ?? "Das Interview konnte nicht angelegt werden."];
            foreach (var message in messages)
            {
                ModelState.AddModelError("", message);
            }

            return Page();
        }

        await transaction.CommitAsync(ct);
        return Redirect($"/interviews/{id}");
    }

    /// <summary>
    /// What the interviewer has already chosen, so the respondent is not asked again: the first single-choice question
    /// whose list holds the respondent group's code, and the first whose list holds the district's key.
    /// </summary>
    private async Task<Dictionary<string, AnswerValue?>> PrefillAsync(string key, string group, string district, CancellationToken ct)
    {
        var answers = new Dictionary<string, AnswerValue?>(StringComparer.Ordinal);
        var versionId = await LatestVersionIdAsync(key, ct);
        if (versionId is null || await questionnaires.GetAsync(versionId.Value, ct) is not { } compiled)
        {
            return answers;
        }

        var definition = compiled.Definition;
        foreach (var code in new[] { group, district })
        {
            var question = definition.Questions().OfType<SingleChoiceQuestion>()
                .FirstOrDefault(q => definition.FindChoiceList(q.ListName)?.Find(code) is not null);
            if (question is not null && !answers.ContainsKey(question.Name))
            {
                answers[question.Name] = AnswerValue.Choice(code);
            }
        }

        return answers;
    }

    private Task<int?> LatestVersionIdAsync(string key, CancellationToken ct) =>
        db.QuestionnaireVersions.Where(v => v.Questionnaire!.Key == key && v.Status == QuestionnaireVersion.Published)
            .OrderByDescending(v => v.Number).Select(v => (int?)v.Id).FirstOrDefaultAsync(ct);

    private static (string Key, string Group) Split(string start)
    {
        var parts = start.Split('|', 2);
        return (parts[0], parts.Length > 1 ? parts[1] : "");
    }

    private async Task LoadOptionsAsync()
    {
        var ct = HttpContext.RequestAborted;
        var groups = await db.RespondentGroups.OrderBy(g => g.SortOrder).ToListAsync(ct);
        var latest = await db.QuestionnaireVersions.AsNoTracking().Where(v => v.Status == QuestionnaireVersion.Published)
            .GroupBy(v => v.QuestionnaireId).Select(g => g.OrderByDescending(v => v.Number).First().Id).ToListAsync(ct);
        var starts = new List<(string, string, bool)>();
        foreach (var versionId in latest)
        {
            if (await questionnaires.GetAsync(versionId, ct) is not { } compiled)
            {
                continue;
            }

            foreach (var group in groups.Where(g => compiled.Definition.RespondentGroups.Contains(g.Code)))
            {
                starts.Add(($"{compiled.Definition.Key}|{group.Code}", $"{compiled.Definition.Title} – {group.Name}", group.Code == RespondentGroup.Establishment));
            }
        }

        Starts = [.. starts.OrderBy(s => s.Item2, StringComparer.CurrentCulture)];
        var mine = (await scope.InterviewerDistrictsAsync(ct)).ToList();
        Districts = [.. (await db.Districts.Where(d => mine.Contains(d.Key)).OrderBy(d => d.Name).ToListAsync(ct)).Select(d => (d.Key, d.Name))];
        Sectors = [.. (await db.Sectors.Where(s => s.Classification == Sector.Wz2008).OrderBy(s => s.Code).ToListAsync(ct)).Select(s => (s.Code, $"{s.Code} {s.Name}"))];
    }
}

public sealed class NewInterviewForm
{
    /// <summary>Chosen when the form is shown, so that submitting it twice creates one interview.</summary>
    public Guid? InterviewId { get; set; }

    /// <summary>"questionnaire|respondent group".</summary>
    public string? Start { get; set; }

    public string? District { get; set; }

    public string? Search { get; set; }

    public Guid? EstablishmentId { get; set; }

    public string? Name { get; set; }

    public string? Sector { get; set; }

    public int? Headcount { get; set; }

    public bool CreateAnyway { get; set; }
}
