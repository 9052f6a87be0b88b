using System.Text.Json;

namespace Bedarfsanalyse.Web.Features.Interviews;

/// <summary>Starting an interview. The id is the client's, so that sending the same request twice stores it once.</summary>
/// <param name="Questionnaire">The questionnaire's key, e.g. "arbeitgeber".</param>
/// <param name="QuestionnaireVersion">A published version number; the newest published when left out.</param>
/// <param name="Network">The network's key; only admins choose, everyone else works in their own.</param>
/// <param name="ConductedOn">The day of the interview; today (German time) when left out.</param>
public sealed record CreateInterviewInput(
    Guid? Id,
    string? Questionnaire,
    int? QuestionnaireVersion,
    string? RespondentGroup,
    string? District,
    Guid? EstablishmentId,
    string? Network,
    DateOnly? ConductedOn,
    ConsentInput? Consent,
    Dictionary<string, JsonElement>? Answers);

/// <summary>Saving answers: only the named questions change (null removes an answer); <paramref name="Version"/> is the one last read.</summary>
public sealed record SaveAnswersInput(uint? Version, ConsentInput? Consent, Dictionary<string, JsonElement>? Answers);

/// <summary>Completing: optionally last answers and the consent; the whole interview is validated.</summary>
public sealed record CompleteInterviewInput(uint? Version, ConsentInput? Consent, Dictionary<string, JsonElement>? Answers);

public sealed record WithdrawInterviewInput(uint? Version, string? Reason);

/// <summary>The respondent's consent (DSGVO Art. 6(1)(a), 7) to the consent text of <paramref name="TextVersion"/> (the current one when left out).</summary>
public sealed record ConsentInput(bool Given, string? TextVersion);

/// <summary>Filters of the interview list; all optional. Quarter as "2026-Q3" or "Q3/2026".</summary>
public sealed record InterviewFilter(string? District, string? Questionnaire, string? Status, string? Quarter);

/// <summary>An interview as the API returns it. <see cref="Version"/> is the concurrency token to send with the next change.</summary>
public sealed record InterviewView(
    Guid Id,
    string Network,
    string Questionnaire,
    int QuestionnaireVersion,
    string RespondentGroup,
    string District,
    Guid? EstablishmentId,
    Guid? InterviewerId,
    DateOnly ConductedOn,
    string Status,
    bool ConsentGiven,
    string? ConsentTextVersion,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? CompletedAt,
    DateTimeOffset? WithdrawnAt,
    string? WithdrawalReason,
    int? DurationSeconds,
    int EditsAfterCompletion,
    int NonSubstantiveAnswers,
    uint Version,
    IReadOnlyDictionary<string, object>? Answers);

/// <summary>One line of the interview list (without answers).</summary>
public sealed record InterviewSummary(
    Guid Id, string Questionnaire, int QuestionnaireVersion, string RespondentGroup, string District, Guid? EstablishmentId,
    DateOnly ConductedOn, string Status, DateTimeOffset UpdatedAt, DateTimeOffset? CompletedAt, uint Version);

public enum InterviewResultKind
{
    Ok,
    Created,
    NotFound,
    Forbidden,
    Conflict,
    Invalid,
}

/// <summary>
/// What a change of an interview came to: the interview, or why not. On a conflict <see cref="Interview"/> is the stored
/// interview and <see cref="Submitted"/> what the client sent.
/// </summary>
public sealed record InterviewResult(InterviewResultKind Kind, InterviewView? Interview = null, InputErrors? Errors = null, string? Message = null)
{
    public SubmittedChange? Submitted { get; init; }

    public static InterviewResult NotFound() => new(InterviewResultKind.NotFound);

    public static InterviewResult Forbidden(string message) => new(InterviewResultKind.Forbidden, Message: message);

    public static InterviewResult Invalid(InputErrors errors) => new(InterviewResultKind.Invalid, Errors: errors);

    public static InterviewResult Conflict(string message, InterviewView? current, SubmittedChange? submitted = null) =>
        new(InterviewResultKind.Conflict, current, Message: message) { Submitted = submitted };
}

/// <summary>The change a client sent, as a conflict answer repeats it: the version it had read and its answers (null removes one).</summary>
public sealed record SubmittedChange(uint? Version, IReadOnlyDictionary<string, object?> Answers, ConsentInput? Consent);

/// <summary>The body of a 409 (problem details): the message, the stored interview and the change that was not stored.</summary>
public sealed record InterviewConflict(string Title, int Status, string Detail, InterviewView? Current, SubmittedChange? Submitted);
