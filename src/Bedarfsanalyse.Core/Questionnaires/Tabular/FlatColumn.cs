namespace Bedarfsanalyse.Core.Questionnaires.Tabular;

/// <summary>What one column of the flat (one row per interview) layout holds.</summary>
public enum FlatColumnKind
{
    /// <summary>The chosen option's code (single choice, yes/no, Likert, one matrix row).</summary>
    Code,

    /// <summary>1 when the option was chosen, 0 when the question was answered without it, empty when unanswered.</summary>
    Flag,

    /// <summary>The option's rank in a ranking question, from 1.</summary>
    Rank,

    Number,

    Text,

    Date,

    /// <summary>A calculated value: a number, text or date, as the calculation yields.</summary>
    Calculated,
}

/// <summary>A value code and its German label, for codebooks and statistics packages.</summary>
public sealed record ValueLabel(string Code, string Label);

/// <summary>
/// One variable of the flat layout.
/// </summary>
/// <param name="Name">The variable name: the question's name, for split questions with the option or row appended.</param>
/// <param name="Question">The question (answer name) the column belongs to.</param>
/// <param name="Item">The matrix row's code; "" otherwise.</param>
/// <param name="Option">The option of a 0/1 or rank column; null otherwise.</param>
/// <param name="Kind">What the cells hold.</param>
/// <param name="Label">German label: the question text, with the row or option appended for split columns.</param>
/// <param name="Type">The question's type.</param>
/// <param name="ValueLabels">The codes a code column may hold, or 0/1 for a flag column; empty otherwise.</param>
/// <param name="Versions">The questionnaire versions in which this variable exists, ascending.</param>
public sealed record FlatColumn(
    string Name,
    string Question,
    string Item,
    string? Option,
    FlatColumnKind Kind,
    string Label,
    QuestionType Type,
    IReadOnlyList<ValueLabel> ValueLabels,
    IReadOnlyList<int> Versions);
