namespace Bedarfsanalyse.Core.Statistics.Distributions;

/// <summary>The regularized upper incomplete gamma function Q(a, x) = Γ(a, x) / Γ(a).</summary>
internal static class IncompleteGamma
{
    private const int MaxIterations = 10_000;
    private const double Epsilon = 1e-16;
    private const double Tiny = 1e-300;

    public static double UpperRegularized(double a, double x)
    {
        if (!(a > 0.0) || double.IsNaN(x) || x < 0.0)
        {
            throw new ArgumentOutOfRangeException(nameof(a), $"Ungültige Argumente der unvollständigen Gammafunktion (a = {a}, x = {x}).");
        }

        if (x == 0.0)
        {
            return 1.0;
        }

        if (double.IsPositiveInfinity(x))
        {
            return 0.0;
        }

        var logFront = a * Math.Log(x) - x - LogGamma.Of(a);

        // Below x = a + 1 the power series of P (A&S 6.5.29) converges fast, above it the continued
        // fraction of Q (A&S 6.5.31); each is used where it needs few terms.
        if (x < a + 1.0)
        {
            var term = 1.0 / a;
            var sum = term;
            for (var n = 1; n <= MaxIterations; n++)
            {
                term *= x / (a + n);
                sum += term;
                if (Math.Abs(term) < Math.Abs(sum) * Epsilon)
                {
                    return 1.0 - sum * Math.Exp(logFront);
                }
            }

            throw new InvalidOperationException($"Die unvollständige Gammafunktion konvergiert nicht (a = {a}, x = {x}).");
        }

        // Modified Lentz evaluation of the continued fraction for Γ(a, x).
        var b = x + 1.0 - a;
        var c = 1.0 / Tiny;
        var d = 1.0 / b;
        var result = d;
        for (var i = 1; i <= MaxIterations; i++)
        {
            var an = -i * (i - a);
            b += 2.0;
            d = an * d + b;
            d = Math.Abs(d) < Tiny ? Tiny : d;
            c = b + an / c;
            c = Math.Abs(c) < Tiny ? Tiny : c;
            d = 1.0 / d;
            var step = d * c;
            result *= step;
            if (Math.Abs(step - 1.0) < Epsilon)
            {
                return Math.Exp(logFront) * result;
            }
        }

        throw new InvalidOperationException($"Die unvollständige Gammafunktion konvergiert nicht (a = {a}, x = {x}).");
    }
}
