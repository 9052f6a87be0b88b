namespace Bedarfsanalyse.Core.Weighting;

/// <summary>
/// Trims extreme weights: within each district, weights above cap = factor × the district's mean weight are set to the
/// cap and the excess is spread over the other weights of the district in proportion to them; this repeats until none
/// exceeds the cap (Potter 1990, "A study of procedures to identify and trim extreme sampling weights"). District totals,
/// the figures every report is cut by, stay exact; size and sector margins move slightly.
/// </summary>
public static class WeightCapping
{
    public static (double[] Weights, int Capped) Apply(IReadOnlyList<double> weights, IReadOnlyList<string> districts, double capFactor, int maxIterations = 100)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(districts);
        if (weights.Count != districts.Count)
        {
            throw new ArgumentException($"Es gibt {weights.Count} Gewichte, aber {districts.Count} Kreiszuordnungen.", nameof(districts));
        }

        if (!(capFactor > 1 && double.IsFinite(capFactor)))
        {
            throw new WeightingException("Die Kappungsgrenze muss größer als das 1-Fache des mittleren Gewichts sein.");
        }

        foreach (var weight in weights)
        {
            if (!(weight > 0 && double.IsFinite(weight)))
            {
                throw new WeightingException("Gewichte müssen positive, endliche Zahlen sein.");
            }
        }

        var result = weights.ToArray();
        var capped = 0;
        foreach (var group in Enumerable.Range(0, result.Length).GroupBy(i => districts[i], StringComparer.Ordinal))
        {
            var members = group.ToArray();
            var total = members.Sum(i => result[i]);
            var cap = capFactor * total / members.Length;
            var isCapped = new bool[result.Length];
            for (var iteration = 0; ; iteration++)
            {
                // Since capFactor > 1, n · cap > total, so the uncapped weights can always absorb the excess.
                var over = members.Where(i => !isCapped[i] && result[i] > cap * (1 + 1e-12)).ToArray();
                if (over.Length == 0)
                {
                    break;
                }

                if (iteration >= maxIterations)
                {
                    throw new WeightingException($"Die Kappung der Gewichte in Kreis {group.Key} endet nicht nach {maxIterations} Durchläufen.");
                }

                foreach (var i in over)
                {
                    isCapped[i] = true;
                    result[i] = cap;
                }

                var cappedSum = members.Where(i => isCapped[i]).Sum(_ => cap);
                var free = members.Where(i => !isCapped[i]).ToArray();
                var freeSum = free.Sum(i => result[i]);
                var factor = (total - cappedSum) / freeSum;
                foreach (var i in free)
                {
                    result[i] *= factor;
                }
            }

            capped += members.Count(i => isCapped[i]);
        }

        return (result, capped);
    }
}
