namespace Bedarfsanalyse.Core.Statistics;

/// <summary>
/// Wilson score interval for a share (Wilson 1927; Newcombe 1998a, method 3). Successes and n may be real numbers so
/// that weighted shares can use the effective sample size.
/// </summary>
public static class WilsonInterval
{
    public static ConfidenceInterval Compute(double successes, double n, double confidenceLevel = ConfidenceLevel.Default)
    {
        ShareInput.Check(successes, n);
        var z = ConfidenceLevel.NormalQuantile(confidenceLevel);
        var p = successes / n;
        var zSquaredOverN = z * z / n;
        var denominator = 1.0 + zSquaredOverN;
        var centre = (p + zSquaredOverN / 2.0) / denominator;
        var halfWidth = z / denominator * Math.Sqrt(p * (1.0 - p) / n + zSquaredOverN / (4.0 * n));

        // The bounds are exactly 0 and 1 when p is; clamping removes the rounding residue there.
        var lower = successes == 0.0 ? 0.0 : Math.Max(0.0, centre - halfWidth);
        var upper = successes == n ? 1.0 : Math.Min(1.0, centre + halfWidth);
        return new ConfidenceInterval(lower, upper);
    }
}
