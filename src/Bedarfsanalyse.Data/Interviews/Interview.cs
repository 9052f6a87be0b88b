using Bedarfsanalyse.Data.Establishments;
using Bedarfsanalyse.Data.Networks;
using Bedarfsanalyse.Data.Questionnaires;
using Bedarfsanalyse.Data.ReferenceData;

namespace Bedarfsanalyse.Data.Interviews;

/// <summary>One interview with an establishment or an employee group, taken with one pinned questionnaire version.</summary>
public sealed class Interview
{
    public const string Draft = "draft";
    public const string Completed = "completed";
    public const string Withdrawn = "withdrawn";

    /// <summary>Chosen by the client where it has one, which makes creating and completing idempotent.</summary>
    public Guid Id { get; init; }

    public int NetworkId { get; init; }

    public Network? Network { get; set; }

    public int QuestionnaireVersionId { get; init; }

    public QuestionnaireVersion? QuestionnaireVersion { get; set; }

    public required string RespondentGroupCode { get; init; }

    public RespondentGroup? RespondentGroup { get; set; }

    public required string DistrictKey { get; set; }

    public District? District { get; set; }

    /// <summary>The establishment of an employer interview; null for employee interviews.</summary>
    public Guid? EstablishmentId { get; set; }

    public Establishment? Establishment { get; set; }

    public Guid? InterviewerId { get; set; }

    public DateOnly ConductedOn { get; set; }

    public string Status { get; set; } = Draft;

    public bool ConsentGiven { get; set; }

    public DateTimeOffset? ConsentGivenAt { get; set; }

    /// <summary>The version of the consent text the respondent agreed to.</summary>
    public string? ConsentTextVersion { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public DateTimeOffset? WithdrawnAt { get; set; }

    public string? WithdrawalReason { get; set; }

    /// <summary>Quality signal: seconds from the first save to completion.</summary>
    public int? DurationSeconds { get; set; }

    /// <summary>Quality signal: how often the interview was changed after it was completed.</summary>
    public int EditsAfterCompletion { get; set; }

    /// <summary>Quality signal: answers that were "weiß nicht" / "keine Angabe".</summary>
    public int NonSubstantiveAnswers { get; set; }

    /// <summary>Concurrency token: PostgreSQL's xmin, which changes with every update of the row.</summary>
    public uint Version { get; set; }

    /// <summary>A copy of the row's values (navigations and the answer collection are shared, not copied).</summary>
    public Interview Copy() => (Interview)MemberwiseClone();

    public List<Answer> Answers { get; } = [];
}
