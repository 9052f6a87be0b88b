using System.Globalization;
using Bedarfsanalyse.Core.Statistics.Distributions;

namespace Bedarfsanalyse.Core.Statistics;

/// <summary>Medians with a distribution-free interval (unweighted) or Woodruff's interval (weighted).</summary>
public static class MedianEstimator
{
    // Values whose cumulative weight share lies this close to 1/2 count as exactly at it (rounding of sums).
    private const double ShareTolerance = 1e-12;

    /// <summary>
    /// The sample median, and [x(j), x(n−j+1)] with the largest j such that P(Bin(n, 1/2) ≤ j − 1) ≤ α/2: the
    /// order-statistics interval, which covers the population median with at least the level for any continuous
    /// distribution (Conover 1999, Practical Nonparametric Statistics; Hollander &amp; Wolfe 1999).
    /// </summary>
    public static Estimate Estimate(IReadOnlyList<double> values, double confidenceLevel = ConfidenceLevel.Default)
    {
        ArgumentNullException.ThrowIfNull(values);
        MeanEstimator.CheckValues(values);
        ConfidenceLevel.Check(confidenceLevel);
        var n = values.Count;
        if (n == 0)
        {
            return Statistics.Estimate.NoData(EstimateKind.Median, confidenceLevel);
        }

        var sorted = values.Order().ToArray();
        var median = n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
        var ranks = Ranks(n, confidenceLevel);
        return new Estimate
        {
            Kind = EstimateKind.Median,
            Point = median,
            Interval = ranks is { } r ? new ConfidenceInterval(sorted[r.Lower - 1], sorted[r.Upper - 1]) : null,
            Method = ranks is null ? IntervalMethod.None : IntervalMethod.OrderStatistics,
            ConfidenceLevel = confidenceLevel,
            UnweightedN = n,
            EffectiveN = n,
            NoIntervalReason = ranks is null ? TooFewReason(confidenceLevel) : null,
        };
    }

    /// <summary>
    /// Weighted median (the value where the cumulative weight share reaches 1/2) with Woodruff's (1952) interval:
    /// a Wilson interval for the share 1/2 at Kish's effective n, mapped back through the weighted distribution function.
    /// </summary>
    public static Estimate EstimateWeighted(IReadOnlyList<double> values, IReadOnlyList<double> weights, double confidenceLevel = ConfidenceLevel.Default)
    {
        Weights.CheckAll(values, weights);
        MeanEstimator.CheckValues(values);
        ConfidenceLevel.Check(confidenceLevel);
        var n = values.Count;
        if (n == 0)
        {
            return Statistics.Estimate.NoData(EstimateKind.Median, confidenceLevel, isWeighted: true);
        }

        var pairs = values.Zip(weights).OrderBy(p => p.First).ToArray();
        var total = pairs.Sum(p => p.Second);
        var cumulative = new double[n];
        var running = 0.0;
        for (var i = 0; i < n; i++)
        {
            running += pairs[i].Second;
            cumulative[i] = running / total;
        }

        var sortedValues = pairs.Select(p => p.First).ToArray();
        var effectiveN = EffectiveSampleSize.Kish(weights);
        var median = Quantile(sortedValues, cumulative, 0.5, averageAtExactShare: true);
        ConfidenceInterval? interval = null;
        if (n > 1)
        {
            var shareInterval = WilsonInterval.Compute(0.5 * effectiveN, effectiveN, confidenceLevel);
            interval = new ConfidenceInterval(
                Quantile(sortedValues, cumulative, shareInterval.Lower, averageAtExactShare: false),
                Quantile(sortedValues, cumulative, shareInterval.Upper, averageAtExactShare: false));
        }

        return new Estimate
        {
            Kind = EstimateKind.Median,
            Point = median,
            Interval = interval,
            Method = interval is null ? IntervalMethod.None : IntervalMethod.Woodruff,
            ConfidenceLevel = confidenceLevel,
            UnweightedN = n,
            EffectiveN = effectiveN,
            IsWeighted = true,
            NoIntervalReason = interval is null ? "Für ein Intervall des Medians sind mindestens 2 Werte nötig." : null,
        };
    }

    /// <summary>The 1-based ranks (j, n − j + 1) of the interval and its exact coverage; null when no j reaches the level.</summary>
    internal static (int Lower, int Upper, double Coverage)? Ranks(int n, double confidenceLevel)
    {
        var halfAlpha = (1.0 - confidenceLevel) / 2.0;
        if (n < 1 || BinomialDistribution.Cdf(0, n, 0.5) > halfAlpha)
        {
            return null;
        }

        // P(Bin(n, 1/2) ≤ j − 1) grows with j: find the largest admissible j by bisection over 1 … ⌊(n+1)/2⌋.
        int low = 1, high = (n + 1) / 2;
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            if (BinomialDistribution.Cdf(middle - 1, n, 0.5) <= halfAlpha)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        var coverage = 1.0 - 2.0 * BinomialDistribution.Cdf(low - 1, n, 0.5);
        return (low, n - low + 1, coverage);
    }

    private static double Quantile(double[] sorted, double[] cumulative, double share, bool averageAtExactShare)
    {
        for (var i = 0; i < sorted.Length; i++)
        {
            if (cumulative[i] >= share - ShareTolerance)
            {
                var exact = Math.Abs(cumulative[i] - share) <= ShareTolerance;
                return averageAtExactShare && exact && i + 1 < sorted.Length ? 0.5 * (sorted[i] + sorted[i + 1]) : sorted[i];
            }
        }

        return sorted[^1];
    }

    private static string TooFewReason(double confidenceLevel)
    {
        var minimum = 1;
        while (Ranks(minimum, confidenceLevel) is null)
        {
            minimum++;
        }

        var level = (confidenceLevel * 100).ToString("0.#", CultureInfo.InvariantCulture).Replace('.', ',');
        return $"Für weniger als {minimum} Werte gibt es kein verteilungsfreies {level}-%-Intervall für den Median.";
    }
}
