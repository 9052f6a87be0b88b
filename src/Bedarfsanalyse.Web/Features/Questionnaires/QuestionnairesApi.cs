using Bedarfsanalyse.Core.Questionnaires.Checking;
using Bedarfsanalyse.Core.Questionnaires.Json;
using Bedarfsanalyse.Data.Questionnaires;
using Bedarfsanalyse.Web.Security;
using Bedarfsanalyse.XlsForm;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Bedarfsanalyse.Web.Features.Questionnaires;

/// <summary>/api/v1/questionnaires: read for everyone signed in; import, validate, change drafts and publish for admins.</summary>
internal static class QuestionnairesApi
{
    public static RouteGroupBuilder MapQuestionnairesApi(this RouteGroupBuilder api)
    {
        var questionnaires = api.MapGroup("/questionnaires");
        questionnaires.MapGet("/", async (QuestionnaireCatalog catalog, UserScope scope, CancellationToken ct) =>
            TypedResults.Ok(await catalog.ListAsync(includeDrafts: scope.IsAdmin, ct))).RequireAuthorization(Policies.SignedIn);
        questionnaires.MapGet("/{key}/versions/{number:int}", GetAsync).RequireAuthorization(Policies.SignedIn);
        questionnaires.MapGet("/{key}/versions/{number:int}/xlsform", ExportAsync).RequireAuthorization(Policies.SignedIn);
        questionnaires.MapPut("/{key}/versions/{number:int}", UpdateAsync).RequireAuthorization(Policies.Admin);
        questionnaires.MapPost("/{key}/versions/{number:int}/publish", PublishAsync).RequireAuthorization(Policies.Admin);
        questionnaires.MapPost("/import", ImportAsync).RequireAuthorization(Policies.Admin)
            .DisableAntiforgery().WithMetadata(new DisableRequestSizeLimitAttribute());
        questionnaires.MapPost("/validate", ValidateAsync).RequireAuthorization(Policies.Admin)
            .DisableAntiforgery().WithMetadata(new DisableRequestSizeLimitAttribute());
        return api;
    }

    private static async Task<Results<ContentHttpResult, NotFound>> GetAsync(string key, int number, QuestionnaireCatalog catalog, UserScope scope, CancellationToken ct)
    {
        var version = await catalog.FindAsync(key, number, ct);
        return version is null || (version.Status != QuestionnaireVersion.Published && !scope.IsAdmin)
            ? TypedResults.NotFound()
            : TypedResults.Text(QuestionnaireJson.Serialize(QuestionnaireJson.Deserialize(version.Definition)), "application/json; charset=utf-8");
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> ExportAsync(string key, int number, QuestionnaireCatalog catalog, UserScope scope, CancellationToken ct)
    {
        var version = await catalog.FindAsync(key, number, ct);
        if (version is null || (version.Status != QuestionnaireVersion.Published && !scope.IsAdmin))
        {
            return TypedResults.NotFound();
        }

        var workbook = XlsFormWriter.Write(QuestionnaireJson.Deserialize(version.Definition));
        return TypedResults.File(workbook, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{key}-v{number}.xlsx");
    }

    private static async Task<Results<Ok<SavedVersionView>, ValidationProblem>> UpdateAsync(
        string key, int number, HttpRequest request, QuestionnaireCatalog catalog, CancellationToken ct)
    {
        using var reader = new StreamReader(request.Body);
        Core.Questionnaires.QuestionnaireDefinition definition;
        try
        {
            definition = QuestionnaireJson.Deserialize(await reader.ReadToEndAsync(ct));
        }
        catch (QuestionnaireFormatException e)
        {
            return InputErrors.Of("definition", e.Message).ToProblem();
        }

        var outcome = await catalog.UpdateDraftAsync(key, number, definition, ct);
        return outcome.Succeeded ? TypedResults.Ok(SavedVersionView.From(outcome.Value!)) : outcome.Errors!.ToProblem();
    }

    private static async Task<Results<Ok<SavedVersionView>, ValidationProblem>> PublishAsync(string key, int number, QuestionnaireCatalog catalog, CancellationToken ct)
    {
        var outcome = await catalog.PublishAsync(key, number, ct);
        return outcome.Succeeded
            ? TypedResults.Ok(SavedVersionView.From(outcome.Value!))
            : outcome.Errors!.ToProblem("Die Version wurde nicht veröffentlicht; sie bleibt ein Entwurf.");
    }

    private static async Task<Results<Ok<SavedVersionView>, ValidationProblem, ProblemHttpResult>> ImportAsync(
        HttpRequest request, bool? publish, bool? replaceDraft, QuestionnaireImport import, CancellationToken ct)
    {
        var upload = await XlsFormUpload.ReadAsync(request, ct);
        if (!upload.Succeeded)
        {
            return upload.Errors!.ToProblem(NothingChanged);
        }

        var outcome = await import.ImportAsync(upload.Value!, publish ?? false, replaceDraft ?? false, ct);
        if (outcome.Draft is { } draft)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Konflikt",
                detail: draft.Message("laden Sie die Datei mit replaceDraft=true erneut hoch, um ihn zu ersetzen"));
        }

        return outcome.Saved is { } saved ? TypedResults.Ok(SavedVersionView.From(saved)) : outcome.Errors!.ToProblem(NothingChanged);
    }

    private const string NothingChanged = "Der Fragebogen wurde nicht übernommen; es hat sich nichts geändert.";

    /// <summary>
    /// Checks a workbook without storing it. An upload that is no readable .xlsx (or too large) is a bad request; a
    /// workbook that can be read is answered 200 with its findings, each once and with its place in the workbook.
    /// </summary>
    private static async Task<Results<Ok<CheckView>, ValidationProblem>> ValidateAsync(HttpRequest request, CancellationToken ct)
    {
        var upload = await XlsFormUpload.ReadAsync(request, ct);
        if (!upload.Succeeded)
        {
            return upload.Errors!.ToProblem("Die Datei wurde nicht geprüft.");
        }

        var read = QuestionnaireImport.Read(upload.Value!);
        if (read.FileRefused)
        {
            var errors = new InputErrors();
            foreach (var error in read.Errors)
            {
                errors.Add("file", error.Message);
            }

            return errors.ToProblem("Die Datei wurde nicht geprüft.");
        }

        // Findings of the static checks carry their code; the mapping's own notes (what is not taken over) do not.
        var problems = read.Errors.Select(e => new ProblemView("Fehler", e.Code ?? "xlsform", e.Message))
            .Concat(read.Warnings.Where(w => w.Code is not null).Select(w => new ProblemView("Hinweis", w.Code!, w.Message)))
            .ToList();
        return TypedResults.Ok(new CheckView(read.Succeeded, problems, [.. read.Warnings.Where(w => w.Code is null).Select(w => w.Message)]));
    }
}

public sealed record ProblemView(string Severity, string Code, string Message)
{
    public static ProblemView From(DefinitionProblem problem) =>
        new(problem.Severity == ProblemSeverity.Error ? "Fehler" : "Hinweis", problem.Code, problem.Message);
}

public sealed record CheckView(bool Publishable, IReadOnlyList<ProblemView> Problems, IReadOnlyList<string> Warnings);

public sealed record ChangeView(string Question, string Kind, bool Comparable, IReadOnlyList<string> Reasons, IReadOnlyList<string> Notes);

/// <summary>A stored version as the API and the pages show it.</summary>
public sealed record SavedVersionView(string Key, int Number, string Status, bool Publishable, IReadOnlyList<ProblemView> Problems, IReadOnlyList<ChangeView> Changes)
{
    public static SavedVersionView From(SavedVersion saved) => new(
        saved.Key, saved.Number, saved.Status, saved.Publishable, saved.Problems.Select(ProblemView.From).ToList(),
        saved.Changes?.Questions.Where(q => q.Kind != Core.Questionnaires.Versions.ChangeKind.Unchanged)
            .Select(q => new ChangeView(q.Name, q.Kind switch
            {
                Core.Questionnaires.Versions.ChangeKind.Added => "neu",
                Core.Questionnaires.Versions.ChangeKind.Removed => "entfernt",
                _ => "geändert",
            }, q.Comparable, q.Reasons, q.Notes)).ToList() ?? []);
}
