using System.Globalization;

namespace Bedarfsanalyse.Core.Statistics;

/// <summary>
/// Which interval a share gets. Wilson is the default (Brown, Cai &amp; DasGupta 2001 recommend it over the Wald
/// interval for every n); the exact Clopper-Pearson interval is used where Wilson's coverage dips most: a small
/// (effective) base or a share near 0 % or 100 % (Newcombe 1998a; Brown, Cai &amp; DasGupta 2001).
/// </summary>
public sealed record ShareIntervalSettings
{
    public static ShareIntervalSettings Default { get; } = new();

    public double ConfidenceLevel { get; init; } = Statistics.ConfidenceLevel.Default;

    /// <summary>Clopper-Pearson below this (effective) base. Default 30: the bases reports bracket anyway.</summary>
    public double ClopperPearsonBelowBase { get; init; } = 30;

    /// <summary>Clopper-Pearson when the share is at most this far from 0 or 1. Default 0.05 (5 %).</summary>
    public double ClopperPearsonNearBoundary { get; init; } = 0.05;

    public void Validate()
    {
        Statistics.ConfidenceLevel.Check(ConfidenceLevel);
        if (!double.IsFinite(ClopperPearsonBelowBase) || ClopperPearsonBelowBase < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(ClopperPearsonBelowBase), ClopperPearsonBelowBase,
                "Die Basis, unter der das Clopper-Pearson-Intervall gilt, darf nicht negativ sein.");
        }

        if (!(ClopperPearsonNearBoundary >= 0 && ClopperPearsonNearBoundary < 0.5))
        {
            throw new ArgumentOutOfRangeException(nameof(ClopperPearsonNearBoundary), ClopperPearsonNearBoundary,
                string.Create(CultureInfo.InvariantCulture,
                    $"Der Randbereich für das Clopper-Pearson-Intervall muss zwischen 0 und 0,5 liegen (angegeben: {ClopperPearsonNearBoundary})."));
        }
    }
}
