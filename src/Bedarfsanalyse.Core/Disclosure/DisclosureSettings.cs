using System.Globalization;

namespace Bedarfsanalyse.Core.Disclosure;

/// <summary>
/// The thresholds of disclosure control (Geheimhaltung), defaults from the reporting rules: cells with 1–2 respondents
/// are never shown, shares only from an unweighted base of 10, bases 10–29 in brackets, the (2, 85) dominance rule.
/// </summary>
public sealed record DisclosureSettings
{
    public static DisclosureSettings Default { get; } = new();

    /// <summary>A cell needs at least this many respondents to be shown (the Federal Employment Agency's rule: 3).</summary>
    public int MinimumCases { get; init; } = 3;

    /// <summary>Shares and means are shown only from this unweighted base on.</summary>
    public int MinimumShareBase { get; init; } = 10;

    /// <summary>Bases from <see cref="MinimumShareBase"/> up to below this are shown in brackets.</summary>
    public int FullReliabilityBase { get; init; } = 30;

    /// <summary>n of the (n, k) dominance rule.</summary>
    public int DominanceContributors { get; init; } = 2;

    /// <summary>k of the (n, k) dominance rule, in percent.</summary>
    public decimal DominancePercent { get; init; } = 85m;

    /// <summary>Whether a share resting on 1 to MinimumCases − 1 respondents is suppressed like such a count.</summary>
    public bool ApplyMinimumCasesToShares { get; init; } = true;

    public DisclosureTexts Texts { get; init; } = DisclosureTexts.Default;

    public void Validate()
    {
        if (MinimumCases < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MinimumCases), MinimumCases, "Die Mindestfallzahl muss mindestens 1 sein.");
        }

        if (MinimumShareBase < MinimumCases || FullReliabilityBase < MinimumShareBase)
        {
            throw new ArgumentOutOfRangeException(nameof(MinimumShareBase),
                $"Die Schwellen müssen aufsteigen: Mindestfallzahl {MinimumCases} ≤ Mindestbasis für Anteile {MinimumShareBase} ≤ Basis ohne Klammern {FullReliabilityBase}.");
        }

        if (DominanceContributors < 1 || DominancePercent <= 0 || DominancePercent > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(DominancePercent),
                "Die Dominanzregel braucht mindestens einen Beitragenden und einen Anteil über 0 und höchstens 100 %.");
        }

        ArgumentNullException.ThrowIfNull(Texts);
    }

    internal string Text(SuppressionReason reason)
    {
        var template = reason switch
        {
            SuppressionReason.TooFewCases => Texts.TooFewCases,
            SuppressionReason.Dominance => Texts.Dominance,
            SuppressionReason.Secondary => Texts.Secondary,
            SuppressionReason.BaseTooSmall => Texts.BaseTooSmall,
            SuppressionReason.LimitedReliability => Texts.LimitedReliability,
            SuppressionReason.NoCases => Texts.NoCases,
            _ => "",
        };
        return string.Format(CultureInfo.InvariantCulture, template, MinimumCases, MinimumShareBase, FullReliabilityBase - 1,
            DominanceContributors, DominancePercent.ToString("0.##", CultureInfo.InvariantCulture).Replace('.', ','));
    }
}
