namespace Bedarfsanalyse.Core.Questionnaires.Checking;

public enum ProblemSeverity
{
    /// <summary>The version cannot be published.</summary>
    Error,

    /// <summary>Worth a look (e.g. a missing translation falls back to German), but no obstacle to publishing.</summary>
    Warning,
}

/// <summary>
/// A finding of the static checks, with its place: the element (question or group name) or choice list and code, the
/// column (XLSForm's: relevant, constraint, calculation, choice_filter, required, name, label, list_name, …) and for
/// expressions the 1-based character position.
/// </summary>
public sealed record DefinitionProblem(
    ProblemSeverity Severity,
    string Code,
    string Questionnaire,
    string? Element,
    string? ChoiceList,
    string? ChoiceCode,
    string? Column,
    int? Position,
    string Reason)
{
    /// <summary>The German message with its place, e.g. "Fragebogen „arbeitgeber“, Frage „b1“, Spalte „relevant“, Zeichen 3: …".</summary>
    public string Message => $"{Place}: {Reason}";

    /// <summary>Whether <see cref="Element"/> names a group (Gruppe/Seite) rather than a question.</summary>
    public bool ElementIsGroup { get; init; }

    public string Place
    {
        get
        {
            var parts = new List<string> { $"Fragebogen „{Questionnaire}“" };
            if (Element is not null)
            {
                parts.Add(ElementIsGroup ? $"Gruppe „{Element}“" : $"Frage „{Element}“");
            }

            if (ChoiceList is not null)
            {
                parts.Add($"Auswahlliste „{ChoiceList}“");
            }

            if (ChoiceCode is not null)
            {
                parts.Add($"Code „{ChoiceCode}“");
            }

            if (Column is not null)
            {
                parts.Add($"Spalte „{Column}“");
            }

            if (Position is not null)
            {
                parts.Add($"Zeichen {Position}");
            }

            return string.Join(", ", parts);
        }
    }

    public override string ToString() => Message;
}

/// <summary>Thrown when a definition with errors is compiled (e.g. published); <see cref="Problems"/> lists them all.</summary>
public sealed class QuestionnaireInvalidException(IReadOnlyList<DefinitionProblem> problems)
    : Exception("Der Fragebogen enthält Fehler und kann nicht verwendet werden:" + Environment.NewLine
        + string.Join(Environment.NewLine, problems.Where(p => p.Severity == ProblemSeverity.Error).Select(p => "– " + p.Message)))
{
    public IReadOnlyList<DefinitionProblem> Problems { get; } = problems;
}
