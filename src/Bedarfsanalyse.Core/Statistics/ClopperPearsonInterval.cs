using Bedarfsanalyse.Core.Statistics.Distributions;

namespace Bedarfsanalyse.Core.Statistics;

/// <summary>
/// Clopper-Pearson "exact" interval for a share (Clopper &amp; Pearson 1934), from beta quantiles:
/// lower = B(α/2; x, n − x + 1), upper = B(1 − α/2; x + 1, n − x). Conservative: it never covers less than the level.
/// </summary>
public static class ClopperPearsonInterval
{
    public static ConfidenceInterval Compute(double successes, double n, double confidenceLevel = ConfidenceLevel.Default)
    {
        ShareInput.Check(successes, n);
        ConfidenceLevel.Check(confidenceLevel);
        var alpha = 1.0 - confidenceLevel;
        var lower = successes == 0.0 ? 0.0 : BetaDistribution.Quantile(alpha / 2.0, successes, n - successes + 1.0);
        var upper = successes == n ? 1.0 : BetaDistribution.Quantile(1.0 - alpha / 2.0, successes + 1.0, n - successes);
        return new ConfidenceInterval(lower, upper);
    }
}
