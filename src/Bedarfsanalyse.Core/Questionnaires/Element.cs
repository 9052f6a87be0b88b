using System.Text.Json.Serialization;

namespace Bedarfsanalyse.Core.Questionnaires;

/// <summary>A group or a question: everything that has a stable name, a label and may be shown or hidden.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(Group), "group")]
[JsonDerivedType(typeof(SingleChoiceQuestion), "single_choice")]
[JsonDerivedType(typeof(MultipleChoiceQuestion), "multiple_choice")]
[JsonDerivedType(typeof(YesNoQuestion), "yes_no")]
[JsonDerivedType(typeof(LikertQuestion), "likert")]
[JsonDerivedType(typeof(MatrixQuestion), "matrix")]
[JsonDerivedType(typeof(IntegerQuestion), "integer")]
[JsonDerivedType(typeof(DecimalQuestion), "decimal")]
[JsonDerivedType(typeof(ShortTextQuestion), "short_text")]
[JsonDerivedType(typeof(LongTextQuestion), "long_text")]
[JsonDerivedType(typeof(DateQuestion), "date")]
[JsonDerivedType(typeof(RankingQuestion), "ranking")]
[JsonDerivedType(typeof(NoteQuestion), "note")]
[JsonDerivedType(typeof(CalculatedQuestion), "calculated")]
public abstract record Element
{
    /// <summary>Stable name: answers, expressions (<c>${name}</c>) and version comparisons refer to it.</summary>
    [JsonPropertyOrder(-10)]
    public required string Name { get; init; }

    [JsonPropertyOrder(-9)]
    public LocalizedText? Label { get; init; }

    [JsonPropertyOrder(-8)]
    public LocalizedText? Hint { get; init; }

    /// <summary>Expression deciding whether the element is shown (and its answers kept); null: always.</summary>
    [JsonPropertyOrder(-7)]
    public string? Relevant { get; init; }
}

/// <summary>A group of elements. A top-level group is a page (Seite), a nested one a section on its page.</summary>
public sealed record Group : Element
{
    [JsonPropertyOrder(10)]
    public ValueList<Element> Elements { get; init; }
}
