namespace Bedarfsanalyse.Core.Disclosure;

/// <summary>
/// The (n, k) dominance rule for magnitude tables (Hundepool et al. 2012, Statistical Disclosure Control):
/// a sum is sensitive when its n largest contributions make up more than k % of it, since a contributor could then
/// estimate the others closely. The defaults (2, 85) are the reporting rules'.
/// </summary>
public sealed class DominanceRule
{
    private readonly int _contributors;
    private readonly decimal _percent;

    public DominanceRule(int contributors, decimal percent)
    {
        if (contributors < 1 || percent <= 0 || percent > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(percent),
                "Die Dominanzregel braucht mindestens einen Beitragenden und einen Anteil über 0 und höchstens 100 %.");
        }

        _contributors = contributors;
        _percent = percent;
    }

    public static DominanceRule From(DisclosureSettings settings) => new(settings.DominanceContributors, settings.DominancePercent);

    /// <summary>True when the largest n contributions exceed k % of the total; a total of 0 is never dominated.</summary>
    public bool IsDominated(IEnumerable<decimal> contributions)
    {
        ArgumentNullException.ThrowIfNull(contributions);
        var values = contributions.ToArray();
        if (values.Any(v => v < 0))
        {
            throw new ArgumentOutOfRangeException(nameof(contributions),
                "Beiträge zu einer Summe (Beschäftigte, Ausgaben) dürfen für die Dominanzregel nicht negativ sein.");
        }

        var total = values.Sum();
        if (total == 0)
        {
            return false;
        }

        var top = values.OrderDescending().Take(_contributors).Sum();
        return top * 100m > _percent * total;
    }
}
