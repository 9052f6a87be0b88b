namespace Bedarfsanalyse.Core.Disclosure;

/// <summary>One cell of a count or magnitude table: its true value and what may be shown of it.</summary>
public sealed record TableCell(decimal Value, CellStatus Status)
{
    /// <summary>A count of respondents with its primary status.</summary>
    public static TableCell ForCount(int respondents, PrimarySuppression rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return new TableCell(respondents, rules.ForCount(respondents));
    }

    /// <summary>A sum of headcount or money (one contribution per respondent) with its primary status.</summary>
    public static TableCell ForSum(IReadOnlyCollection<decimal> contributions, PrimarySuppression rules)
    {
        ArgumentNullException.ThrowIfNull(contributions);
        ArgumentNullException.ThrowIfNull(rules);
        return new TableCell(contributions.Sum(), rules.ForSum(contributions));
    }
}
