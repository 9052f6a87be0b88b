namespace Bedarfsanalyse.Core.Statistics.Distributions;

/// <summary>The standard normal distribution.</summary>
internal static class NormalDistribution
{
    private static readonly double InverseSqrtTwoPi = 1.0 / Math.Sqrt(2.0 * Math.PI);

    public static double Density(double x) => InverseSqrtTwoPi * Math.Exp(-0.5 * x * x);

    /// <summary>Φ(x), via erfc(z) = Q(1/2, z²) so both tails keep their relative precision.</summary>
    public static double Cdf(double x)
    {
        var tail = 0.5 * IncompleteGamma.UpperRegularized(0.5, 0.5 * x * x);
        return x < 0.0 ? tail : 1.0 - tail;
    }

    /// <summary>Φ⁻¹(p) for 0 &lt; p &lt; 1.</summary>
    public static double Quantile(double p)
    {
        if (!(p > 0.0 && p < 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "Eine Wahrscheinlichkeit muss zwischen 0 und 1 liegen.");
        }

        if (p == 0.5)
        {
            return 0.0;
        }

        // Solve in the lower tail, where Φ is computed without cancellation, and mirror.
        var q = Math.Min(p, 1.0 - p);

        // Start from the rational approximation of Abramowitz & Stegun 26.2.23 (error below 4.5e-4) and polish
        // with Newton steps on the exact distribution function; three or four steps reach double precision.
        var t = Math.Sqrt(-2.0 * Math.Log(q));
        var x = -(t - (2.515517 + 0.802853 * t + 0.010328 * t * t) / (1.0 + 1.432788 * t + 0.189269 * t * t + 0.001308 * t * t * t));
        for (var i = 0; i < 50; i++)
        {
            var step = (LowerTail(x) - q) / Density(x);
            x -= step;
            if (Math.Abs(step) <= 1e-15 * Math.Max(1.0, Math.Abs(x)))
            {
                break;
            }
        }

        return p < 0.5 ? x : -x;
    }

    private static double LowerTail(double x) => x <= 0.0
        ? 0.5 * IncompleteGamma.UpperRegularized(0.5, 0.5 * x * x)
        : 1.0 - 0.5 * IncompleteGamma.UpperRegularized(0.5, 0.5 * x * x);
}
