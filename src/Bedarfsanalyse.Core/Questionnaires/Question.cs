using System.Text.Json.Serialization;

namespace Bedarfsanalyse.Core.Questionnaires;

/// <summary>The kinds of question the engine knows.</summary>
public enum QuestionType
{
    SingleChoice,
    MultipleChoice,
    YesNo,
    Likert,
    Matrix,
    Integer,
    Decimal,
    ShortText,
    LongText,
    Date,
    Ranking,
    Note,
    Calculated,
}

/// <summary>A question: something with a value (or a note that only shows text).</summary>
public abstract record Question : Element
{
    [JsonIgnore]
    public QuestionType Type => Kind;

    // Protected so that JSON leaves it out: "type" is the discriminator the serializer writes itself.
    protected abstract QuestionType Kind { get; }

    /// <summary>Expression; an answer is required when it is true and the question is relevant. "true()" for always, null for never.</summary>
    [JsonPropertyOrder(-6)]
    public string? Required { get; init; }

    /// <summary>Expression that must be true for an answer to be accepted; "." is the answer itself.</summary>
    [JsonPropertyOrder(-5)]
    public string? Constraint { get; init; }

    [JsonPropertyOrder(-4)]
    public LocalizedText? ConstraintMessage { get; init; }
}

/// <summary>A question answered by picking from a choice list.</summary>
public abstract record ChoiceQuestion : Question
{
    /// <summary>The name of the choice list in <see cref="QuestionnaireDefinition.ChoiceLists"/>.</summary>
    [JsonPropertyOrder(1)]
    public required string ListName { get; init; }

    /// <summary>Expression evaluated per option (bare names are the option's code "name" and its properties); false hides the option.</summary>
    [JsonPropertyOrder(2)]
    public string? ChoiceFilter { get; init; }
}

/// <summary>
/// "Sonstiges, bitte angeben": an option with code <see cref="Code"/> whose choice asks for a text, kept as the
/// answer of <c>{question}_other</c> (the XLSForm or_other convention).
/// </summary>
public sealed record OtherOption(LocalizedText Label)
{
    public const string Code = "other";

    public static OtherOption Default { get; } = new(LocalizedText.German("Sonstiges, bitte angeben"));

    public static string SpecifyName(string questionName) => questionName + "_other";
}

/// <summary>Einfachauswahl.</summary>
public sealed record SingleChoiceQuestion : ChoiceQuestion
{
    protected override QuestionType Kind => QuestionType.SingleChoice;

    [JsonPropertyOrder(3)]
    public OtherOption? Other { get; init; }
}

/// <summary>Mehrfachauswahl.</summary>
public sealed record MultipleChoiceQuestion : ChoiceQuestion
{
    protected override QuestionType Kind => QuestionType.MultipleChoice;

    [JsonPropertyOrder(3)]
    public OtherOption? Other { get; init; }
}

/// <summary>Ja/Nein. The list holds the substantive codes "ja" and "nein" and may add non-substantive ones ("weiß nicht").</summary>
public sealed record YesNoQuestion : ChoiceQuestion
{
    public const string Yes = "ja";
    public const string No = "nein";

    protected override QuestionType Kind => QuestionType.YesNo;
}

/// <summary>Likert scale; the list is the scale, in order, so its labels are configurable.</summary>
public sealed record LikertQuestion : ChoiceQuestion
{
    protected override QuestionType Kind => QuestionType.Likert;
}

/// <summary>Ranking (Rangfolge): every option that the filter leaves gets a rank.</summary>
public sealed record RankingQuestion : ChoiceQuestion
{
    protected override QuestionType Kind => QuestionType.Ranking;
}

/// <summary>
/// Matrix: rows × one scale, e.g. topic × urgency. Rows and scale are choice lists; the choice filter (bare names
/// refer to a row) decides which rows are asked. With <see cref="MultipleAnswers"/> each row takes several scale options.
/// </summary>
public sealed record MatrixQuestion : Question
{
    protected override QuestionType Kind => QuestionType.Matrix;

    [JsonPropertyOrder(1)]
    public required string RowListName { get; init; }

    [JsonPropertyOrder(2)]
    public required string ScaleListName { get; init; }

    [JsonPropertyOrder(3)]
    public string? ChoiceFilter { get; init; }

    [JsonPropertyOrder(4)]
    public bool MultipleAnswers { get; init; }
}

/// <summary>A number with optional bounds and unit ("Beschäftigte", "€", "Minuten").</summary>
public abstract record NumberQuestion : Question
{
    [JsonPropertyOrder(1)]
    public decimal? Min { get; init; }

    [JsonPropertyOrder(2)]
    public decimal? Max { get; init; }

    [JsonPropertyOrder(3)]
    public LocalizedText? Unit { get; init; }
}

/// <summary>Ganze Zahl.</summary>
public sealed record IntegerQuestion : NumberQuestion
{
    protected override QuestionType Kind => QuestionType.Integer;
}

/// <summary>Dezimalzahl.</summary>
public sealed record DecimalQuestion : NumberQuestion
{
    protected override QuestionType Kind => QuestionType.Decimal;
}

/// <summary>Kurzer Text (one line).</summary>
public sealed record ShortTextQuestion : Question
{
    public const int MaxLength = 500;

    protected override QuestionType Kind => QuestionType.ShortText;
}

/// <summary>Langer Text (several lines).</summary>
public sealed record LongTextQuestion : Question
{
    public const int MaxLength = 10_000;

    protected override QuestionType Kind => QuestionType.LongText;
}

/// <summary>Datum.</summary>
public sealed record DateQuestion : Question
{
    protected override QuestionType Kind => QuestionType.Date;
}

/// <summary>Hinweis: shows its label, takes no answer.</summary>
public sealed record NoteQuestion : Question
{
    protected override QuestionType Kind => QuestionType.Note;
}

/// <summary>
/// Berechneter Wert: the engine computes it from other answers (e.g. the size class from the headcount) and stores
/// it with the answers; its type (number, text or date) follows from the expression.
/// </summary>
public sealed record CalculatedQuestion : Question
{
    protected override QuestionType Kind => QuestionType.Calculated;

    [JsonPropertyOrder(1)]
    public required string Calculation { get; init; }
}
