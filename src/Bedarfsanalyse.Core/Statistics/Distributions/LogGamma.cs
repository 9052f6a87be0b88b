namespace Bedarfsanalyse.Core.Statistics.Distributions;

/// <summary>The natural logarithm of the gamma function for positive arguments.</summary>
internal static class LogGamma
{
    // Stirling's series (Abramowitz & Stegun 6.1.40) is used from x >= 15 on, where eight terms leave an error
    // far below double precision; smaller arguments are shifted up with Γ(x) = Γ(x + k) / (x (x+1) … (x+k−1)).
    // This avoids tabulated approximation coefficients whose provenance a reader could not check.
    private const double StirlingThreshold = 15.0;
    private static readonly double HalfLogTwoPi = 0.5 * Math.Log(2.0 * Math.PI);

    // B_2k / (2k (2k − 1)) for k = 1 … 8.
    private static readonly double[] StirlingCoefficients =
    [
        1.0 / 12.0,
        -1.0 / 360.0,
        1.0 / 1260.0,
        -1.0 / 1680.0,
        1.0 / 1188.0,
        -691.0 / 360360.0,
        1.0 / 156.0,
        -3617.0 / 122400.0,
    ];

    public static double Of(double x)
    {
        if (!(x > 0.0) || double.IsInfinity(x))
        {
            throw new ArgumentOutOfRangeException(nameof(x), x, "Die Gammafunktion wird hier nur für positive, endliche Werte berechnet.");
        }

        var shift = 0.0;
        var product = 1.0;
        while (x < StirlingThreshold)
        {
            product *= x;
            x += 1.0;
            if (product > 1e250)
            {
                shift += Math.Log(product);
                product = 1.0;
            }
        }

        shift += Math.Log(product);
        return Stirling(x) - shift;
    }

    private static double Stirling(double x)
    {
        var inverse = 1.0 / x;
        var inverseSquared = inverse * inverse;
        var series = 0.0;
        var power = inverse;
        foreach (var coefficient in StirlingCoefficients)
        {
            series += coefficient * power;
            power *= inverseSquared;
        }

        return (x - 0.5) * Math.Log(x) - x + HalfLogTwoPi + series;
    }

    /// <summary>ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b).</summary>
    public static double OfBeta(double a, double b) => Of(a) + Of(b) - Of(a + b);
}
