namespace Bedarfsanalyse.Core.Statistics.Distributions;

/// <summary>The regularized incomplete beta function I_x(a, b), the distribution function of Beta(a, b).</summary>
internal static class IncompleteBeta
{
    private const int MaxIterations = 10_000;
    private const double Epsilon = 1e-16;
    private const double Tiny = 1e-300;

    public static double Regularized(double a, double b, double x) => Regularized(a, b, x, logBeta: null);

    /// <summary>The same with ln B(a, b) precomputed, for the many evaluations of one quantile search.</summary>
    public static double Regularized(double a, double b, double x, double? logBeta)
    {
        if (!(a > 0.0) || !(b > 0.0) || double.IsInfinity(a) || double.IsInfinity(b))
        {
            throw new ArgumentOutOfRangeException(nameof(a), $"Die Parameter der Betaverteilung müssen positiv und endlich sein (a = {a}, b = {b}).");
        }

        if (double.IsNaN(x))
        {
            throw new ArgumentOutOfRangeException(nameof(x), "Der Wert ist keine Zahl.");
        }

        if (x <= 0.0)
        {
            return 0.0;
        }

        if (x >= 1.0)
        {
            return 1.0;
        }

        // The continued fraction converges fast for x < (a + 1) / (a + b + 2); above that the symmetry
        // I_x(a, b) = 1 − I_{1−x}(b, a) brings x back into that region (Abramowitz & Stegun 26.5.8).
        if (x > (a + 1.0) / (a + b + 2.0))
        {
            return 1.0 - Regularized(b, a, 1.0 - x, logBeta);
        }

        var logFront = a * Math.Log(x) + b * double.LogP1(-x) - (logBeta ?? LogGamma.OfBeta(a, b));
        return Math.Exp(logFront) * ContinuedFraction(a, b, x) / a;
    }

    // The continued fraction of A&S 26.5.8, evaluated with the modified Lentz method (Lentz 1976;
    // Thompson & Barnett 1986), which needs no choice of the number of terms in advance.
    private static double ContinuedFraction(double a, double b, double x)
    {
        var c = 1.0;
        var d = 1.0 - (a + b) * x / (a + 1.0);
        d = Math.Abs(d) < Tiny ? Tiny : d;
        d = 1.0 / d;
        var result = d;

        for (var m = 1; m <= MaxIterations; m++)
        {
            var even = m * (b - m) * x / ((a + 2.0 * m - 1.0) * (a + 2.0 * m));
            d = 1.0 + even * d;
            d = Math.Abs(d) < Tiny ? Tiny : d;
            c = 1.0 + even / c;
            c = Math.Abs(c) < Tiny ? Tiny : c;
            d = 1.0 / d;
            result *= d * c;

            var odd = -(a + m) * (a + b + m) * x / ((a + 2.0 * m) * (a + 2.0 * m + 1.0));
            d = 1.0 + odd * d;
            d = Math.Abs(d) < Tiny ? Tiny : d;
            c = 1.0 + odd / c;
            c = Math.Abs(c) < Tiny ? Tiny : c;
            d = 1.0 / d;
            var step = d * c;
            result *= step;

            if (Math.Abs(step - 1.0) < Epsilon)
            {
                return result;
            }
        }

        throw new InvalidOperationException($"Die unvollständige Betafunktion konvergiert nicht (a = {a}, b = {b}, x = {x}).");
    }
}
