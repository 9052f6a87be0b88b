namespace Bedarfsanalyse.Core.Statistics.Distributions;

/// <summary>The binomial distribution Bin(n, p).</summary>
internal static class BinomialDistribution
{
    /// <summary>P(X ≤ k) = I_{1−p}(n − k, k + 1) (A&amp;S 26.5.24), exact without summing n terms.</summary>
    public static double Cdf(int k, int n, double p)
    {
        if (n < 0 || !(p >= 0.0 && p <= 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(n), $"Ungültige Binomialverteilung (n = {n}, p = {p}).");
        }

        if (k < 0)
        {
            return 0.0;
        }

        if (k >= n)
        {
            return 1.0;
        }

        return IncompleteBeta.Regularized(n - k, k + 1.0, 1.0 - p);
    }
}
