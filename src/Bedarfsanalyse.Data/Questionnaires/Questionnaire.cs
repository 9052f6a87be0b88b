namespace Bedarfsanalyse.Data.Questionnaires;

/// <summary>A questionnaire (Fragebogen) with a stable key; its content lives in versions.</summary>
public sealed class Questionnaire
{
    public int Id { get; init; }

    public required string Key { get; init; }

    public required string Title { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public List<QuestionnaireVersion> Versions { get; } = [];
}
