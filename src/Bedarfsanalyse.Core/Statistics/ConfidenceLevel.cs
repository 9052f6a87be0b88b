using System.Globalization;
using Bedarfsanalyse.Core.Statistics.Distributions;

namespace Bedarfsanalyse.Core.Statistics;

/// <summary>Checks a confidence level and turns it into the normal and t quantiles the intervals need.</summary>
internal static class ConfidenceLevel
{
    public const double Default = 0.95;

    public static void Check(double level)
    {
        if (!(level > 0.5 && level < 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(level), level,
                $"Das Konfidenzniveau muss zwischen 0,5 und 1 liegen (angegeben: {level.ToString(CultureInfo.InvariantCulture)}).");
        }
    }

    /// <summary>z with P(|Z| ≤ z) = level, e.g. 1.959964 for 95 %.</summary>
    public static double NormalQuantile(double level)
    {
        Check(level);
        return NormalDistribution.Quantile(0.5 + 0.5 * level);
    }

    public static double StudentQuantile(double level, double degreesOfFreedom)
    {
        Check(level);
        return StudentTDistribution.Quantile(0.5 + 0.5 * level, degreesOfFreedom);
    }
}
