namespace Bedarfsanalyse.Core.Questionnaires.Expressions;

/// <summary>What a value is at run time and, with a choice list, what an expression's static type is.</summary>
internal enum DataKind
{
    /// <summary>No value (an unanswered or irrelevant question, the literal ''). First, so that default values are empty.</summary>
    Empty,

    /// <summary>Static only: the type could not be determined because of an earlier error; no further errors follow from it.</summary>
    Unknown,
    Boolean,
    Number,
    Text,
    Date,

    /// <summary>One code of a choice list (single choice, yes/no, Likert). At run time a text.</summary>
    Choice,

    /// <summary>Several codes (multiple choice, ranking).</summary>
    ChoiceSet,
}

/// <summary>A run-time value of an expression. Small and allocation-free except for the text or codes it refers to.</summary>
internal readonly struct Value
{
    private Value(DataKind kind, decimal number = 0, DateOnly date = default, object? reference = null)
    {
        Kind = kind;
        Number = number;
        Date = date;
        _reference = reference;
    }

    private readonly object? _reference;

    public static Value Empty => default;

    public static Value True { get; } = new(DataKind.Boolean, 1);

    public static Value False { get; } = new(DataKind.Boolean, 0);

    /// <summary>Empty, Boolean, Number, Text, Date or ChoiceSet (a single choice is a Text at run time).</summary>
    public DataKind Kind { get; }

    public bool IsEmpty => Kind == DataKind.Empty;

    public decimal Number { get; }

    public DateOnly Date { get; }

    public bool Boolean => Kind == DataKind.Boolean && Number != 0;

    public string Text => _reference as string ?? "";

    public ValueList<string> Codes => _reference is ValueList<string> codes ? codes : [];

    public static Value Of(bool value) => value ? True : False;

    public static Value Of(decimal value) => new(DataKind.Number, value);

    public static Value Of(DateOnly value) => new(DataKind.Date, date: value);

    public static Value Of(string? value) => string.IsNullOrEmpty(value) ? Empty : new Value(DataKind.Text, reference: value);

    public static Value Of(ValueList<string> codes) => codes.IsEmpty ? Empty : new Value(DataKind.ChoiceSet, reference: codes);

    public override string ToString() => Kind switch
    {
        DataKind.Empty => "''",
        DataKind.Boolean => Boolean ? "true()" : "false()",
        DataKind.Number => Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        DataKind.Date => Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        DataKind.ChoiceSet => string.Join(' ', Codes),
        _ => Text,
    };
}

/// <summary>The static type of an expression; <see cref="List"/> names the choice list of a Choice or ChoiceSet.</summary>
internal readonly record struct StaticType(DataKind Kind, ChoiceList? List = null)
{
    public static readonly StaticType Unknown = new(DataKind.Unknown);
    public static readonly StaticType Empty = new(DataKind.Empty);
    public static readonly StaticType Boolean = new(DataKind.Boolean);
    public static readonly StaticType Number = new(DataKind.Number);
    public static readonly StaticType Text = new(DataKind.Text);
    public static readonly StaticType Date = new(DataKind.Date);

    /// <summary>German name for error messages.</summary>
    public string Describe() => Kind switch
    {
        DataKind.Empty => "leer ('')",
        DataKind.Boolean => "Wahrheitswert",
        DataKind.Number => "Zahl",
        DataKind.Text => "Text",
        DataKind.Date => "Datum",
        DataKind.Choice => List is null ? "Auswahl" : $"Auswahl (Liste „{List.Name}“)",
        DataKind.ChoiceSet => List is null ? "Mehrfachauswahl" : $"Mehrfachauswahl (Liste „{List.Name}“)",
        _ => "unbekannt",
    };
}
