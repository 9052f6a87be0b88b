using System.Globalization;

namespace Bedarfsanalyse.Core.Statistics;

/// <summary>Shares (Anteile) with their interval, unweighted or weighted.</summary>
public static class ShareEstimator
{
    public static Estimate Estimate(int count, int unweightedBase, ShareIntervalSettings? settings = null)
    {
        settings ??= ShareIntervalSettings.Default;
        settings.Validate();
        CheckCounts(count, unweightedBase);
        if (unweightedBase == 0)
        {
            return Statistics.Estimate.NoData(EstimateKind.Share, settings.ConfidenceLevel);
        }

        var (interval, method) = ShareIntervalRule.Compute(count, unweightedBase, settings);
        return new Estimate
        {
            Kind = EstimateKind.Share,
            Point = (double)count / unweightedBase,
            Interval = interval,
            Method = method,
            ConfidenceLevel = settings.ConfidenceLevel,
            UnweightedN = unweightedBase,
            EffectiveN = unweightedBase,
            UnweightedCount = count,
        };
    }

    /// <summary>
    /// A weighted share p = Σw·y / Σw. Its interval treats the weighted share as if it came from Kish's effective n
    /// (x* = p·n_eff successes of n_eff), the effective-sample-size approach of Korn &amp; Graubard (1998) with the
    /// Kish design effect; it ignores any correlation between weights and the answer.
    /// </summary>
    public static Estimate EstimateWeighted(WeightedShareInput input, ShareIntervalSettings? settings = null)
    {
        settings ??= ShareIntervalSettings.Default;
        settings.Validate();
        CheckCounts(input.UnweightedCount, input.UnweightedBase);
        if (input.UnweightedBase == 0)
        {
            return Statistics.Estimate.NoData(EstimateKind.Share, settings.ConfidenceLevel, isWeighted: true);
        }

        CheckWeightedSums(input);
        var effectiveN = EffectiveSampleSize.FromSums(input.WeightedBase, input.SumOfSquaredWeights);

        // Sums of the same weights can differ in the last bits; a share is never outside [0, 1].
        var share = Math.Clamp(input.WeightedCount / input.WeightedBase, 0.0, 1.0);
        if (input.UnweightedCount == 0)
        {
            share = 0.0;
        }
        else if (input.UnweightedCount == input.UnweightedBase)
        {
            share = 1.0;
        }

        var (interval, method) = ShareIntervalRule.Compute(share * effectiveN, effectiveN, settings);
        return new Estimate
        {
            Kind = EstimateKind.Share,
            Point = share,
            Interval = interval,
            Method = method,
            ConfidenceLevel = settings.ConfidenceLevel,
            UnweightedN = input.UnweightedBase,
            EffectiveN = effectiveN,
            IsWeighted = true,
            UnweightedCount = input.UnweightedCount,
        };
    }

    private static void CheckCounts(int count, int unweightedBase)
    {
        if (unweightedBase < 0 || count < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(count), "Anzahl und Basis dürfen nicht negativ sein " +
                $"(Anzahl {count}, Basis {unweightedBase}).");
        }

        if (count > unweightedBase)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count,
                $"Die Anzahl ({count}) ist größer als die Basis ({unweightedBase}).");
        }
    }

    private static void CheckWeightedSums(WeightedShareInput input)
    {
        var relativeSlack = 1e-9 * input.WeightedBase;
        if (!double.IsFinite(input.WeightedBase) || !double.IsFinite(input.WeightedCount) || !double.IsFinite(input.SumOfSquaredWeights)
            || input.WeightedBase <= 0 || input.SumOfSquaredWeights <= 0 || input.WeightedCount < -relativeSlack
            || input.WeightedCount > input.WeightedBase + relativeSlack)
        {
            throw new ArgumentOutOfRangeException(nameof(input), string.Create(CultureInfo.InvariantCulture,
                $"Die gewichteten Summen passen nicht zusammen (gewichtete Anzahl {input.WeightedCount}, gewichtete Basis {input.WeightedBase}, Summe der quadrierten Gewichte {input.SumOfSquaredWeights}); Gewichte müssen positiv sein."));
        }
    }
}
