namespace Bedarfsanalyse.Data.Questionnaires;

/// <summary>
/// One version of a questionnaire. A draft may change; a published version is immutable (a database trigger
/// refuses any change to it), and every interview pins the version it was taken with.
/// </summary>
public sealed class QuestionnaireVersion
{
    public const string Draft = "draft";
    public const string Published = "published";

    public int Id { get; init; }

    public int QuestionnaireId { get; init; }

    public Questionnaire? Questionnaire { get; set; }

    /// <summary>1, 2, 3, ... per questionnaire.</summary>
    public int Number { get; init; }

    public string Status { get; set; } = Draft;

    /// <summary>The definition as JSON (the questionnaire engine's model).</summary>
    public required string Definition { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? PublishedAt { get; set; }
}
