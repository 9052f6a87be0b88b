namespace Bedarfsanalyse.Core.Statistics;

/// <summary>Means (Mittelwerte) with a t-based interval, unweighted or weighted.</summary>
public static class MeanEstimator
{
    private const string OneValueReason = "Für ein Intervall des Mittelwerts sind mindestens 2 Werte nötig.";

    /// <summary>x̄ ± t(1 − α/2; n − 1) · s / √n.</summary>
    public static Estimate Estimate(IReadOnlyList<double> values, double confidenceLevel = ConfidenceLevel.Default)
    {
        ArgumentNullException.ThrowIfNull(values);
        CheckValues(values);
        if (values.Count == 0)
        {
            ConfidenceLevel.Check(confidenceLevel);
            return Statistics.Estimate.NoData(EstimateKind.Mean, confidenceLevel);
        }

        // Two passes: the mean first, then squared deviations, which avoids the cancellation of Σy² − n·x̄².
        var mean = values.Average();
        var squares = values.Sum(v => (v - mean) * (v - mean));
        var standardDeviation = values.Count > 1 ? Math.Sqrt(squares / (values.Count - 1)) : 0.0;
        return FromSummary(values.Count, mean, standardDeviation, confidenceLevel);
    }

    /// <summary>The same from summary figures, e.g. SQL's count, avg and stddev_samp.</summary>
    public static Estimate FromSummary(int n, double mean, double standardDeviation, double confidenceLevel = ConfidenceLevel.Default)
    {
        ConfidenceLevel.Check(confidenceLevel);
        if (n < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(n), n, "Die Zahl der Werte darf nicht negativ sein.");
        }

        if (n == 0)
        {
            return Statistics.Estimate.NoData(EstimateKind.Mean, confidenceLevel);
        }

        // SQL's stddev_samp is NULL (here: NaN) for a single value; it is not needed then.
        if (!double.IsFinite(mean) || (n > 1 && !(double.IsFinite(standardDeviation) && standardDeviation >= 0)))
        {
            throw new ArgumentOutOfRangeException(nameof(mean),
                "Mittelwert und Standardabweichung müssen endliche Zahlen sein, die Standardabweichung nicht negativ.");
        }

        return Build(n, n, mean, n > 1 ? standardDeviation / Math.Sqrt(n) : null, confidenceLevel, isWeighted: false);
    }

    /// <summary>
    /// Weighted mean Σw·y / Σw with the linearisation (Taylor) variance of a ratio estimator under with-replacement
    /// sampling, v = n / (n − 1) · Σ w²(y − ȳ)² / (Σw)² (Taylor series method; Wolter 2007, Introduction to Variance Estimation),
    /// and t with n − 1 degrees of freedom.
    /// </summary>
    public static Estimate EstimateWeighted(IReadOnlyList<double> values, IReadOnlyList<double> weights, double confidenceLevel = ConfidenceLevel.Default)
    {
        Weights.CheckAll(values, weights);
        CheckValues(values);
        ConfidenceLevel.Check(confidenceLevel);
        var n = values.Count;
        if (n == 0)
        {
            return Statistics.Estimate.NoData(EstimateKind.Mean, confidenceLevel, isWeighted: true);
        }

        double sumWeights = 0, sumWeighted = 0, sumSquaredWeights = 0;
        for (var i = 0; i < n; i++)
        {
            sumWeights += weights[i];
            sumWeighted += weights[i] * values[i];
            sumSquaredWeights += weights[i] * weights[i];
        }

        var mean = sumWeighted / sumWeights;
        double? standardError = null;
        if (n > 1)
        {
            var residuals = 0.0;
            for (var i = 0; i < n; i++)
            {
                var r = weights[i] * (values[i] - mean);
                residuals += r * r;
            }

            standardError = Math.Sqrt(n / (n - 1.0) * residuals / (sumWeights * sumWeights));
        }

        var effectiveN = EffectiveSampleSize.FromSums(sumWeights, sumSquaredWeights);
        return Build(n, effectiveN, mean, standardError, confidenceLevel, isWeighted: true);
    }

    private static Estimate Build(int n, double effectiveN, double mean, double? standardError, double confidenceLevel, bool isWeighted)
    {
        ConfidenceInterval? interval = null;
        if (standardError is { } se)
        {
            var t = ConfidenceLevel.StudentQuantile(confidenceLevel, n - 1);
            interval = new ConfidenceInterval(mean - t * se, mean + t * se);
        }

        return new Estimate
        {
            Kind = EstimateKind.Mean,
            Point = mean,
            Interval = interval,
            Method = interval is null ? IntervalMethod.None : IntervalMethod.StudentT,
            ConfidenceLevel = confidenceLevel,
            UnweightedN = n,
            EffectiveN = effectiveN,
            IsWeighted = isWeighted,
            NoIntervalReason = interval is null ? OneValueReason : null,
        };
    }

    internal static void CheckValues(IReadOnlyList<double> values)
    {
        foreach (var value in values)
        {
            if (!double.IsFinite(value))
            {
                throw new ArgumentOutOfRangeException(nameof(values), value, "Werte müssen endliche Zahlen sein.");
            }
        }
    }
}
