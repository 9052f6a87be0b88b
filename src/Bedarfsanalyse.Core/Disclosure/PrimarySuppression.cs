namespace Bedarfsanalyse.Core.Disclosure;

/// <summary>Primary suppression and reliability flags of single cells (counts, sums, shares, means).</summary>
public sealed class PrimarySuppression
{
    private readonly DisclosureSettings _settings;
    private readonly DominanceRule _dominance;

    public PrimarySuppression(DisclosureSettings? settings = null)
    {
        _settings = settings ?? DisclosureSettings.Default;
        _settings.Validate();
        _dominance = DominanceRule.From(_settings);
    }

    /// <summary>A count of respondents: "–" for none, "." for 1 to MinimumCases − 1.</summary>
    public CellStatus ForCount(int respondents)
    {
        CheckNotNegative(respondents, "Fallzahl");
        return respondents == 0 ? Status(CellSymbol.Nothing, SuppressionReason.NoCases)
            : respondents < _settings.MinimumCases ? Status(CellSymbol.Secret, SuppressionReason.TooFewCases)
            : CellStatus.Published;
    }

    /// <summary>A sum of headcount or money from one contribution per respondent: too few contributors or dominance → ".".</summary>
    public CellStatus ForSum(IReadOnlyCollection<decimal> contributions)
    {
        ArgumentNullException.ThrowIfNull(contributions);
        var count = ForCount(contributions.Count);
        if (!count.ShowsValue)
        {
            return count;
        }

        return _dominance.IsDominated(contributions) ? Status(CellSymbol.Secret, SuppressionReason.Dominance) : CellStatus.Published;
    }

    /// <summary>
    /// A share of <paramref name="count"/> out of an unweighted base: "." for a cell of 1 to MinimumCases − 1
    /// respondents, "/" below the minimum base, "–" for none, "( )" for a base with limited reliability.
    /// </summary>
    public CellStatus ForShare(int count, int unweightedBase)
    {
        CheckNotNegative(count, "Anzahl");
        CheckNotNegative(unweightedBase, "Basis");
        if (count > unweightedBase)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"Die Anzahl ({count}) ist größer als die Basis ({unweightedBase}).");
        }

        if (unweightedBase == 0)
        {
            return Status(CellSymbol.Nothing, SuppressionReason.NoCases);
        }

        if (unweightedBase < _settings.MinimumCases
            || (_settings.ApplyMinimumCasesToShares && count > 0 && count < _settings.MinimumCases))
        {
            return Status(CellSymbol.Secret, SuppressionReason.TooFewCases);
        }

        return ForBase(unweightedBase, count == 0);
    }

    /// <summary>A mean or median over an unweighted base (same thresholds as shares, without the count rule).</summary>
    public CellStatus ForMean(int unweightedBase)
    {
        CheckNotNegative(unweightedBase, "Basis");
        if (unweightedBase == 0)
        {
            return Status(CellSymbol.Nothing, SuppressionReason.NoCases);
        }

        return unweightedBase < _settings.MinimumCases ? Status(CellSymbol.Secret, SuppressionReason.TooFewCases) : ForBase(unweightedBase, isZero: false);
    }

    /// <summary>The status of an estimate, from its unweighted count and base (never from weighted figures).</summary>
    public CellStatus ForEstimate(Statistics.Estimate estimate)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        return estimate.Kind == Statistics.EstimateKind.Share
            ? ForShare(estimate.UnweightedCount ?? 0, estimate.UnweightedN)
            : ForMean(estimate.UnweightedN);
    }

    private CellStatus ForBase(int unweightedBase, bool isZero)
    {
        if (unweightedBase < _settings.MinimumShareBase)
        {
            return Status(CellSymbol.NotReliable, SuppressionReason.BaseTooSmall);
        }

        if (isZero)
        {
            return Status(CellSymbol.Nothing, SuppressionReason.NoCases);
        }

        return unweightedBase < _settings.FullReliabilityBase
            ? Status(CellSymbol.LimitedReliability, SuppressionReason.LimitedReliability)
            : CellStatus.Published;
    }

    private CellStatus Status(CellSymbol symbol, SuppressionReason reason) => CellStatus.Of(symbol, reason, _settings);

    private static void CheckNotNegative(int value, string what)
    {
        if (value < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, $"Die {what} darf nicht negativ sein ({value}).");
        }
    }
}
