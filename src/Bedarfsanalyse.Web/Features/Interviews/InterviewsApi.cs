using Bedarfsanalyse.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Bedarfsanalyse.Web.Features.Interviews;

/// <summary>
/// /api/v1/interviews: interviewers (and admins) create interviews with their own ids, save answers as drafts,
/// complete, read, list and withdraw them. Changes carry the version last read; a stale one is answered 409 with the
/// stored interview.
/// </summary>
internal static class InterviewsApi
{
    /// <summary>Generous for 200 answers with long texts, small enough that no client can make the server buffer much.</summary>
    public const long MaxBodyBytes = 512 * 1024;

    public static RouteGroupBuilder MapInterviewsApi(this RouteGroupBuilder api)
    {
        var interviews = api.MapGroup("/interviews").RequireAuthorization(Policies.Interviewer).WithTags("Interviews")
            .WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes));
        interviews.MapGet("/", ListAsync).WithSummary("Interviews auflisten (Filter: district, questionnaire, status, quarter)")
            .Produces<IReadOnlyList<InterviewSummary>>().ProducesValidationProblem();
        interviews.MapPost("/", CreateAsync).WithSummary("Interview mit eigener ID anlegen (wiederholbar)")
            .Accepts<CreateInterviewInput>("application/json")
            .Produces<InterviewView>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).Produces<InterviewConflict>(StatusCodes.Status409Conflict, "application/problem+json");
        interviews.MapGet("/{id:guid}", GetAsync).WithSummary("Ein Interview mit Antworten lesen")
            .Produces<InterviewView>().Produces(StatusCodes.Status404NotFound);
        interviews.MapPut("/{id:guid}/answers", SaveAnswersAsync).WithSummary("Antworten speichern (Entwurf; nur die genannten Fragen ändern sich)")
            .Accepts<SaveAnswersInput>("application/json").ChangeResponses();
        interviews.MapPost("/{id:guid}/complete", CompleteAsync).WithSummary("Interview abschließen (vollständige Prüfung, Einwilligung nötig)")
            .Accepts<CompleteInterviewInput>("application/json").ChangeResponses();
        interviews.MapPost("/{id:guid}/withdraw", WithdrawAsync).WithSummary("Interview zurückziehen (mit Grund)")
            .Accepts<WithdrawInterviewInput>("application/json").ChangeResponses();
        interviews.MapPost("/import", ImportAsync).DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(Uploads.TableFile.MaxBytes + 64 * 1024))
            .WithSummary("Abgeschlossene Interviews aus CSV/.xlsx im flachen Exportformat importieren (dryRun=true: nur prüfen)")
            .Produces<ImportReport>().ProducesValidationProblem();
        // A refused import is a 400 problem with the whole report under "report" (see ImportAsync).
        return api;
    }

    private static async Task<Results<Ok<IReadOnlyList<InterviewSummary>>, ValidationProblem>> ListAsync(
        string? district, string? questionnaire, string? status, string? quarter, InterviewList list, CancellationToken ct)
    {
        var outcome = await list.ListAsync(new InterviewFilter(district, questionnaire, status, quarter), ct);
        return outcome.Succeeded ? TypedResults.Ok(outcome.Value!) : outcome.Errors!.ToProblem();
    }

    private static async Task<Results<Ok<InterviewView>, NotFound>> GetAsync(Guid id, InterviewCapture capture, CancellationToken ct) =>
        await capture.OpenAsync(id, ct) is { } document ? TypedResults.Ok(document.View()) : TypedResults.NotFound();

    private static async Task<IResult> CreateAsync(JsonRequestBody<CreateInterviewInput> body, InterviewCapture capture, CancellationToken ct) =>
        body.Value is { } input ? ToHttp(await capture.CreateAsync(input, ct)) : body.Errors!.ToProblem();

    private static async Task<IResult> SaveAnswersAsync(Guid id, JsonRequestBody<SaveAnswersInput> body, InterviewCapture capture, CancellationToken ct) =>
        body.Value is { } input ? ToHttp(await capture.SaveAnswersAsync(id, input, ct)) : body.Errors!.ToProblem();

    private static async Task<IResult> CompleteAsync(Guid id, JsonRequestBody<CompleteInterviewInput> body, InterviewCapture capture, CancellationToken ct) =>
        body.Value is { } input ? ToHttp(await capture.CompleteAsync(id, input, ct)) : body.Errors!.ToProblem();

    private static async Task<IResult> WithdrawAsync(Guid id, JsonRequestBody<WithdrawInterviewInput> body, InterviewCapture capture, CancellationToken ct) =>
        body.Value is { } input ? ToHttp(await capture.WithdrawAsync(id, input, ct)) : body.Errors!.ToProblem();

    /// <summary>What every change of an existing interview answers (OpenAPI).</summary>
    private static RouteHandlerBuilder ChangeResponses(this RouteHandlerBuilder endpoint) =>
        endpoint.Produces<InterviewView>().ProducesValidationProblem().Produces(StatusCodes.Status404NotFound)
            .Produces<InterviewConflict>(StatusCodes.Status409Conflict, "application/problem+json");

    /// <summary>
    /// A dry run answers 200 with the report (every row's errors). A refused import answers 400 problem details like
    /// every other refusal: the errors keyed "Zeile {row}: {column}", the whole report under "report".
    /// </summary>
    private static async Task<IResult> ImportAsync(
        string? questionnaire, bool? dryRun, IFormFile? file, InterviewImport import, CancellationToken ct)
    {
        if (file is null)
        {
            return InputErrors.Of("file", "Bitte laden Sie eine Datei hoch (Feld file, .csv oder .xlsx).").ToProblem();
        }

        await using var content = file.OpenReadStream();
        var outcome = await import.RunAsync(questionnaire, content, file.FileName, dryRun ?? false, ct);
        if (!outcome.Succeeded)
        {
            return outcome.Errors!.ToProblem();
        }

        var report = outcome.Value!;
        if (report.Errors.Count == 0 || report.DryRun)
        {
            return TypedResults.Ok(report);
        }

        var errors = new InputErrors();
        foreach (var error in report.Errors)
        {
            errors.Add($"Zeile {error.Row}: {error.Column}", error.Message);
        }

        return TypedResults.Problem(
            statusCode: StatusCodes.Status400BadRequest,
            title: "Ungültige Eingabe",
            detail: $"Die Datei wurde nicht importiert: {report.Errors.Count} Fehler in {report.Errors.Select(e => e.Row).Distinct().Count()} Zeilen. Es wurde nichts gespeichert.",
            extensions: new Dictionary<string, object?>
            {
                ["errors"] = errors.ByField.ToDictionary(e => e.Key, e => e.Value.ToArray()),
                ["report"] = report,
            });
    }

    private static IResult ToHttp(InterviewResult result) => result.Kind switch
    {
        InterviewResultKind.Ok => TypedResults.Ok(result.Interview),
        InterviewResultKind.Created => TypedResults.Created($"/api/v1/interviews/{result.Interview!.Id}", result.Interview),
        InterviewResultKind.NotFound => TypedResults.NotFound(),
        InterviewResultKind.Forbidden => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Keine Berechtigung", detail: result.Message),
        // Both versions: the stored one ("current") and what the client sent ("submitted"), so it can show or merge them.
        InterviewResultKind.Conflict => TypedResults.Problem(
            statusCode: StatusCodes.Status409Conflict, title: "Konflikt", detail: result.Message,
            extensions: new Dictionary<string, object?> { ["current"] = result.Interview, ["submitted"] = result.Submitted }),
        _ => result.Errors!.ToProblem(),
    };
}
