using System.Globalization;

namespace Bedarfsanalyse.Core.Statistics;

/// <summary>The checks every weighted computation makes on its weights.</summary>
internal static class Weights
{
    public static void CheckOne(double weight)
    {
        if (!double.IsFinite(weight) || weight <= 0.0)
        {
            throw new ArgumentOutOfRangeException(nameof(weight), weight,
                string.Create(CultureInfo.InvariantCulture, $"Gewichte müssen positive, endliche Zahlen sein (gefunden: {weight})."));
        }
    }

    public static void CheckAll(IReadOnlyList<double> values, IReadOnlyList<double> weights)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(weights);
        if (values.Count != weights.Count)
        {
            throw new ArgumentException($"Es gibt {values.Count} Werte, aber {weights.Count} Gewichte.", nameof(weights));
        }

        foreach (var weight in weights)
        {
            CheckOne(weight);
        }
    }
}
