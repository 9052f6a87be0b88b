namespace Bedarfsanalyse.Core.Analysis;

/// <summary>How an item's answers relate: one option per respondent (the options add up to the base) or several.</summary>
public enum ItemLayout
{
    SingleChoice,
    MultipleChoice,
}

/// <summary>An answer option as the model reports it.</summary>
public sealed record OptionInfo(string Code, string Label);

/// <summary>
/// One analysable item: a question, or one row of a matrix question, with its substantive options in list order
/// (those of the reference version; "weiß nicht / keine Angabe" are counted apart).
/// </summary>
public sealed record ItemDescription(
    string Questionnaire,
    string Question,
    string Item,
    string Label,
    ItemLayout Layout,
    IReadOnlyList<OptionInfo> Options,
    IReadOnlyList<string> NonSubstantiveCodes)
{
    public int OptionIndex(string code)
    {
        for (var i = 0; i < Options.Count; i++)
        {
            if (Options[i].Code == code)
            {
                return i;
            }
        }

        return -1;
    }
}
