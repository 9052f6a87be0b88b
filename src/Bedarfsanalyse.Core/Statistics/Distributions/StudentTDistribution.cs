namespace Bedarfsanalyse.Core.Statistics.Distributions;

/// <summary>Student's t distribution with ν degrees of freedom.</summary>
internal static class StudentTDistribution
{
    /// <summary>P(T ≤ t), from P(|T| > t) = I_{ν/(ν+t²)}(ν/2, 1/2) (Abramowitz &amp; Stegun, ch. 26).</summary>
    public static double Cdf(double t, double degreesOfFreedom)
    {
        Check(degreesOfFreedom);
        var x = degreesOfFreedom / (degreesOfFreedom + t * t);
        var tail = 0.5 * IncompleteBeta.Regularized(0.5 * degreesOfFreedom, 0.5, x);
        return t > 0.0 ? 1.0 - tail : tail;
    }

    /// <summary>The t with P(T ≤ t) = p, by inverting the same identity through the beta quantile.</summary>
    public static double Quantile(double p, double degreesOfFreedom)
    {
        Check(degreesOfFreedom);
        if (!(p > 0.0 && p < 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "Eine Wahrscheinlichkeit muss zwischen 0 und 1 liegen.");
        }

        if (p == 0.5)
        {
            return 0.0;
        }

        var twoSidedTail = 2.0 * Math.Min(p, 1.0 - p);
        var x = BetaDistribution.Quantile(twoSidedTail, 0.5 * degreesOfFreedom, 0.5);
        var t = Math.Sqrt(degreesOfFreedom * (1.0 - x) / x);
        return p > 0.5 ? t : -t;
    }

    private static void Check(double degreesOfFreedom)
    {
        if (!(degreesOfFreedom > 0.0) || double.IsInfinity(degreesOfFreedom))
        {
            throw new ArgumentOutOfRangeException(nameof(degreesOfFreedom), degreesOfFreedom, "Die Zahl der Freiheitsgrade muss positiv und endlich sein.");
        }
    }
}
