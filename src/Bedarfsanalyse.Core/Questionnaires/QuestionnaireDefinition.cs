namespace Bedarfsanalyse.Core.Questionnaires;

/// <summary>
/// A questionnaire's content (Fragebogendefinition) as an immutable value. Its top-level groups are the pages the
/// interview screens step through; questions are matched across versions by their stable names.
/// </summary>
public sealed record QuestionnaireDefinition
{
    /// <summary>What the questionnaires table holds for a title.</summary>
    public const int MaxTitleLength = 300;

    /// <summary>Stable key, e.g. "arbeitgeber" (lower case letters, digits, "_" and "-").</summary>
    public required string Key { get; init; }

    public required string Title { get; init; }

    /// <summary>Codes from <see cref="RespondentGroups"/>.</summary>
    public ValueList<string> RespondentGroups { get; init; }

    /// <summary>German first; further entries are translations.</summary>
    public ValueList<Language> Languages { get; init; } = [Language.German];

    public ValueList<ChoiceList> ChoiceLists { get; init; }

    public ValueList<Group> Pages { get; init; }

    public ChoiceList? FindChoiceList(string name)
    {
        foreach (var list in ChoiceLists)
        {
            if (list.Name == name)
            {
                return list;
            }
        }

        return null;
    }

    /// <summary>Every group and question in document order, each with the groups it sits in (outermost first).</summary>
    public IEnumerable<(Element Element, ValueList<Group> Ancestors)> Walk()
    {
        foreach (var page in Pages)
        {
            foreach (var entry in Walk(page, []))
            {
                yield return entry;
            }
        }
    }

    public IEnumerable<Question> Questions() => Walk().Select(e => e.Element).OfType<Question>();

    private static IEnumerable<(Element, ValueList<Group>)> Walk(Group group, ValueList<Group> ancestors)
    {
        yield return (group, ancestors);
        ValueList<Group> inner = [.. ancestors, group];
        foreach (var element in group.Elements)
        {
            if (element is Group child)
            {
                foreach (var entry in Walk(child, inner))
                {
                    yield return entry;
                }
            }
            else
            {
                yield return (element, inner);
            }
        }
    }
}
