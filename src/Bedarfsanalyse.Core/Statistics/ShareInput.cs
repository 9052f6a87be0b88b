using System.Globalization;

namespace Bedarfsanalyse.Core.Statistics;

/// <summary>The checks every share computation makes before dividing.</summary>
internal static class ShareInput
{
    public static void Check(double successes, double n)
    {
        if (!double.IsFinite(successes) || !double.IsFinite(n))
        {
            throw new ArgumentOutOfRangeException(nameof(n), "Anzahl und Basis eines Anteils müssen endliche Zahlen sein.");
        }

        if (n <= 0.0)
        {
            throw new ArgumentOutOfRangeException(nameof(n), n,
                "Ein Anteil braucht eine Basis von mehr als 0 Fällen; ohne Fälle ist das Ergebnis „keine Daten“.");
        }

        if (successes < 0.0 || successes > n)
        {
            throw new ArgumentOutOfRangeException(nameof(successes), successes,
                string.Create(CultureInfo.InvariantCulture, $"Die Anzahl ({successes}) muss zwischen 0 und der Basis ({n}) liegen."));
        }
    }
}
