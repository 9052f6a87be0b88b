using Bedarfsanalyse.Core.Questionnaires.Expressions;

namespace Bedarfsanalyse.Core.Questionnaires.Evaluation;

internal enum NodeKind
{
    Group,
    Question,

    /// <summary>The text of "Sonstiges, bitte angeben" (<c>{question}_other</c>), shown when the other option is chosen.</summary>
    Specify,
}

/// <summary>A group, question or specify field of a compiled questionnaire, with its expressions compiled.</summary>
internal sealed class CompiledNode
{
    public required int Index { get; init; }

    public required NodeKind Kind { get; init; }

    /// <summary>The element; for a specify field a short text question made up for it.</summary>
    public required Element Element { get; init; }

    public string Name => Element.Name;

    public Question? Question => Element as Question;

    public QuestionType? Type => Question?.Type;

    public CompiledNode? Parent { get; init; }

    /// <summary>For a specify field: the choice question it belongs to.</summary>
    public CompiledNode? Owner { get; init; }

    public required int PageIndex { get; init; }

    public List<CompiledNode> Children { get; } = [];

    /// <summary>Index into the value array; -1 for groups and notes, which have no value.</summary>
    public int Slot { get; set; } = -1;

    public StaticType ValueType { get; set; } = StaticType.Unknown;

    /// <summary>The choice list (for a matrix: its rows).</summary>
    public ChoiceList? List { get; set; }

    /// <summary>A matrix's scale.</summary>
    public ChoiceList? ScaleList { get; set; }

    public OtherOption? Other { get; set; }

    public CompiledExpression? Relevant { get; set; }

    public CompiledExpression? Required { get; set; }

    public CompiledExpression? Constraint { get; set; }

    public CompiledExpression? Calculation { get; set; }

    public CompiledExpression? ChoiceFilter { get; set; }

    /// <summary>Type inference of a calculation that references other calculations: 0 not started, 1 running, 2 done.</summary>
    public int CalculationState { get; set; }

    public bool HasValue => Slot >= 0;

    /// <summary>Whether a respondent answers it (not a group, note or calculation).</summary>
    public bool IsAnswerable => HasValue && Type != QuestionType.Calculated;

    public override string ToString() => Name;
}
