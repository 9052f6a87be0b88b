namespace Bedarfsanalyse.Core.Questionnaires;

/// <summary>A reusable list of answer options (Antwortliste), e.g. the topic list both questionnaires share.</summary>
public sealed record ChoiceList(string Name, ValueList<Choice> Choices)
{
    public Choice? Find(string code)
    {
        foreach (var choice in Choices)
        {
            if (choice.Code == code)
            {
                return choice;
            }
        }

        return null;
    }
}

/// <summary>One answer option.</summary>
/// <param name="Code">The stable value stored with an answer.</param>
/// <param name="Label">What the respondent reads.</param>
public sealed record Choice(string Code, LocalizedText Label)
{
    /// <summary>
    /// "weiß nicht", "keine Angabe" and the like: an answer that says nothing about the subject. Analysis counts these
    /// apart from the substantive answers; in a multiple choice such an option cannot be combined with others.
    /// </summary>
    public bool NonSubstantive { get; init; }

    /// <summary>Further columns a choice filter can test (XLSForm cascading selects), e.g. "bundesland" → "03".</summary>
    public ValueMap<string> Properties { get; init; }
}
