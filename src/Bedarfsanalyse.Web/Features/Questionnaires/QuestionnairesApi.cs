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
            .DisableAntiforgery().WithMetadata(new RequestSizeLimitAttribute(QuestionnaireImport.MaxBytes + 64 * 1024));
        questionnaires.MapPost("/validate", ValidateAsync).RequireAuthorization(Policies.Admin)
            .DisableAntiforgery().WithMetadata(new RequestSizeLimitAttribute(QuestionnaireImport.MaxBytes + 64 * 1024));
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

    private static async Task<Results<Ok<SavedVersionView>, ValidationProblem>> ImportAsync(IFormFile? file, bool? publish, QuestionnaireImport import, CancellationToken ct)
    {
        if (await ReadAsync(file, ct) is not { } bytes)
        {
            return NoFile();
        }

        var outcome = await import.ImportAsync(bytes, publish ?? false, ct);
        return outcome.Succeeded
            ? TypedResults.Ok(SavedVersionView.From(outcome.Value!))
            : outcome.Errors!.ToProblem("Der Fragebogen wurde nicht übernommen; es hat sich nichts geändert.");
    }

    private static async Task<Results<Ok<CheckView>, ValidationProblem>> ValidateAsync(IFormFile? file, CancellationToken ct)
    {
        if (await ReadAsync(file, ct) is not { } bytes)
        {
            return NoFile();
        }

        // The file is what is being checked: a workbook that cannot be read is a finding, not a bad request.
        var outcome = QuestionnaireImport.Check(bytes);
        return outcome.Succeeded
            ? TypedResults.Ok(new CheckView(QuestionnaireChecker.CanBePublished(outcome.Value!.Problems), outcome.Value.Problems.Select(ProblemView.From).ToList(), outcome.Value.Warnings))
            : TypedResults.Ok(new CheckView(false, outcome.Errors!.ByField.SelectMany(e => e.Value).Select(m => new ProblemView("Fehler", "xlsform", m)).ToList(), []));
    }

    private static ValidationProblem NoFile() =>
        InputErrors.Of("file", "Bitte senden Sie die XLSForm-Datei (.xlsx) im Feld „file“ (multipart/form-data).").ToProblem();

    private static async Task<byte[]?> ReadAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        return buffer.ToArray();
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
