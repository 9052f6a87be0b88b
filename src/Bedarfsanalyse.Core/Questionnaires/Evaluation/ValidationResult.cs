using Bedarfsanalyse.Core.Questionnaires.Answers;

namespace Bedarfsanalyse.Core.Questionnaires.Evaluation;

public enum ValidationMode
{
    /// <summary>Saving an unfinished interview: missing answers are fine, everything given is checked.</summary>
    Draft,

    /// <summary>Completing an interview: every relevant required answer must be there as well.</summary>
    Complete,
}

/// <summary>Normalised answers (only valid, relevant ones, plus calculated values) and the errors found.</summary>
public sealed record ValidationResult(IReadOnlyDictionary<string, AnswerValue> Answers, IReadOnlyList<AnswerError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>An error in the answer to a question (for a matrix, in one of its rows).</summary>
/// <param name="Question">The question's name.</param>
/// <param name="Item">The matrix row's code, or null.</param>
/// <param name="Code">Stable code for programs: <see cref="AnswerErrorCodes"/>.</param>
/// <param name="Message">German message for the interviewer.</param>
public sealed record AnswerError(string Question, string? Item, string Code, string Message);

/// <summary>The codes of <see cref="AnswerError"/>.</summary>
public static class AnswerErrorCodes
{
    public const string UnknownQuestion = "unknown_question";
    public const string NotAnswerable = "not_answerable";
    public const string WrongType = "wrong_type";
    public const string NotAnInteger = "not_an_integer";
    public const string AmbiguousNumber = "ambiguous_number";
    public const string BelowMinimum = "below_minimum";
    public const string AboveMaximum = "above_maximum";
    public const string TooLong = "too_long";
    public const string UnknownChoice = "unknown_choice";
    public const string TooManyChoices = "too_many_choices";
    public const string ExclusiveChoice = "exclusive_choice";
    public const string DuplicateChoice = "duplicate_choice";
    public const string ChoiceNotAvailable = "choice_not_available";
    public const string UnknownRow = "unknown_row";
    public const string RowNotAvailable = "row_not_available";
    public const string IncompleteRanking = "incomplete_ranking";
    public const string Constraint = "constraint";
    public const string Required = "required";
}
