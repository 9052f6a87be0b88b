namespace Bedarfsanalyse.Core.Questionnaires.Answers;

/// <summary>
/// An answer to one question. Submitted answers may be loose (a number typed as text "42,5", one code given as
/// text); normalised answers, as validation returns them, have one shape per question type:
/// <list type="bullet">
/// <item>single choice, yes/no, Likert: <see cref="ChoiceAnswer"/> with one code</item>
/// <item>multiple choice: <see cref="ChoiceAnswer"/>, codes in list order; ranking: codes in rank order</item>
/// <item>matrix: <see cref="MatrixAnswer"/>, answered rows only</item>
/// <item>integer, decimal: <see cref="NumberAnswer"/>; texts: <see cref="TextAnswer"/>; date: <see cref="DateAnswer"/></item>
/// <item>calculated: number, text or date as its expression yields (true/false as 1/0)</item>
/// <item>"Sonstiges, bitte angeben": a <see cref="TextAnswer"/> under the name <c>{question}_other</c></item>
/// </list>
/// </summary>
public abstract record AnswerValue
{
    public static ChoiceAnswer Choice(params string[] codes) => new([.. codes]);

    public static NumberAnswer Number(decimal value) => new(value);

    public static TextAnswer Text(string value) => new(value);

    public static DateAnswer Date(DateOnly value) => new(value);

    public static MatrixAnswer Matrix(params (string Row, string Code)[] cells) =>
        new(new ValueMap<ValueList<string>>(cells.Select(c => new KeyValuePair<string, ValueList<string>>(c.Row, [c.Code]))));
}

/// <summary>One or more codes of the question's choice list.</summary>
public sealed record ChoiceAnswer(ValueList<string> Codes) : AnswerValue;

public sealed record NumberAnswer(decimal Value) : AnswerValue;

public sealed record TextAnswer(string Value) : AnswerValue;

public sealed record DateAnswer(DateOnly Value) : AnswerValue;

/// <summary>The answers of a matrix: row code → the scale code(s) chosen in that row, for each answered row.</summary>
public sealed record MatrixAnswer(ValueMap<ValueList<string>> Rows) : AnswerValue;
