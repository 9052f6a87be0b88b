namespace Bedarfsanalyse.Core.Statistics.Distributions;

/// <summary>The beta distribution Beta(a, b); its quantiles give the Clopper-Pearson bounds.</summary>
internal static class BetaDistribution
{
    public static double Cdf(double x, double a, double b) => IncompleteBeta.Regularized(a, b, x);

    /// <summary>The x with I_x(a, b) = p.</summary>
    public static double Quantile(double p, double a, double b)
    {
        if (!(p >= 0.0 && p <= 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "Eine Wahrscheinlichkeit muss zwischen 0 und 1 liegen.");
        }

        if (p == 0.0)
        {
            return 0.0;
        }

        if (p == 1.0)
        {
            return 1.0;
        }

        // Bisection: I_x is monotone in x, so halving the bracket cannot fail, and about 60 to 1,100 halvings
        // (the latter only for quantiles near the smallest doubles) reach neighbouring doubles. Newton would be
        // faster but needs safeguards where the density is huge or tiny, which report sizes do not need.
        var lower = 0.0;
        var upper = 1.0;
        for (var i = 0; i < 2_000; i++)
        {
            var middle = 0.5 * (lower + upper);
            if (middle <= lower || middle >= upper)
            {
                break;
            }

            if (IncompleteBeta.Regularized(a, b, middle) < p)
            {
                lower = middle;
            }
            else
            {
                upper = middle;
            }

            if (upper - lower <= 1e-16 * upper)
            {
                break;
            }
        }

        return 0.5 * (lower + upper);
    }
}
