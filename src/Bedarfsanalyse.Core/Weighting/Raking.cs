namespace Bedarfsanalyse.Core.Weighting;

/// <summary>
/// Raking, or iterative proportional fitting (Deming &amp; Stephan 1940): the weights are scaled in turn to the margins
/// district × size class and district × sector group until both are met. Used when strata are too sparse for design
/// weights, since it needs only respondents in every margin cell, not in every stratum.
/// </summary>
public static class Raking
{
    public static (double[] Weights, int Iterations) Compute(IReadOnlyList<Stratum> sample, PopulationMargins population, WeightingSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(population);
        settings ??= WeightingSettings.Default;
        settings.Validate();
        if (sample.Count == 0)
        {
            return ([], 0);
        }

        var bySize = new MarginDimension("Größenklasse", population.DistrictBySizeClass, s => s.SizeClass, sample);
        var bySector = new MarginDimension("Wirtschaftsgruppe", population.DistrictBySectorGroup, s => s.SectorGroup, sample);

        // Starting from equal weights, IPF converges to the weights closest to them (in the Kullback-Leibler sense) that
        // meet both margins (Ireland & Kullback 1968), when such weights exist.
        var weights = Enumerable.Repeat(1.0, sample.Count).ToArray();
        var deviation = double.PositiveInfinity;
        (string District, string Category) worst = default;
        for (var iteration = 1; iteration <= settings.RakingMaxIterations; iteration++)
        {
            bySize.ScaleTo(weights);
            bySector.ScaleTo(weights);

            // The sector margins now hold exactly; convergence is judged on the size margins they may have disturbed.
            (deviation, worst) = bySize.LargestDeviation(weights);
            if (deviation <= settings.RakingConvergence)
            {
                return (weights, iteration);
            }
        }

        throw new WeightingException(
            $"Die Randanpassung (Raking) konvergiert nicht: nach {settings.RakingMaxIterations} Iterationen weicht der Eckwert " +
            $"„Kreis {worst.District}, Größenklasse {worst.Category}“ noch um {PopulationMargins.GermanPercent(deviation)} ab. " +
            "Meist passen die Befragten einer Größenklasse nur zu Wirtschaftsgruppen, deren Eckwerte das nicht erlauben; " +
            "Klassen zusammenfassen oder mehr Interviews abwarten.");
    }

    /// <summary>The largest relative deviation of the weighted sample from either margin.</summary>
    public static double LargestDeviation(IReadOnlyList<Stratum> sample, IReadOnlyList<double> weights, PopulationMargins population)
    {
        if (sample.Count == 0)
        {
            return 0;
        }

        var bySize = new MarginDimension("Größenklasse", population.DistrictBySizeClass, s => s.SizeClass, sample);
        var bySector = new MarginDimension("Wirtschaftsgruppe", population.DistrictBySectorGroup, s => s.SectorGroup, sample);
        return Math.Max(bySize.LargestDeviation(weights).Deviation, bySector.LargestDeviation(weights).Deviation);
    }

    /// <summary>One margin table: which respondents fall in which margin cell, and the cell's target.</summary>
    private sealed class MarginDimension
    {
        private readonly (string District, string Category)[] _cells;
        private readonly double[] _targets;
        private readonly int[] _cellOfRespondent;

        public MarginDimension(string dimension, IReadOnlyList<MarginCell> margins, Func<Stratum, string> category, IReadOnlyList<Stratum> sample)
        {
            var targets = margins.ToDictionary(m => (m.District, m.Category), m => m.Count);
            var sampleCells = sample.Select(s => (s.District, Category: category(s))).ToArray();
            var present = sampleCells.ToHashSet();

            var unknown = present.Where(c => !targets.TryGetValue(c, out var n) || n <= 0).ToArray();
            if (unknown.Length > 0)
            {
                throw new WeightingException(
                    $"Befragte in Eckwerten ohne Grundgesamtheit: {Describe(unknown, dimension)}. Bitte die Eckwerte ergänzen oder die Zuordnung der Interviews prüfen.");
            }

            var sampleDistricts = present.Select(c => c.District).ToHashSet(StringComparer.Ordinal);
            var empty = targets.Where(t => t.Value > 0 && !present.Contains(t.Key)).Select(t => t.Key).ToArray();
            if (empty.Length > 0)
            {
                var hint = empty.Any(e => !sampleDistricts.Contains(e.District))
                    ? "Kreise ohne Interviews aus den Eckwerten nehmen oder"
                    : "Klassen zusammenfassen oder";
                throw new WeightingException(
                    $"Eckwerte mit Grundgesamtheit, aber ohne Befragte: {Describe(empty, dimension)}. Die Gewichte können sie nicht erreichen; {hint} mehr Interviews abwarten.");
            }

            _cells = present.OrderBy(c => c.District, StringComparer.Ordinal).ThenBy(c => c.Category, StringComparer.Ordinal).ToArray();
            var index = _cells.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i);
            _targets = _cells.Select(c => targets[c]).ToArray();
            _cellOfRespondent = sampleCells.Select(c => index[c]).ToArray();
        }

        public void ScaleTo(double[] weights)
        {
            var sums = Sums(weights);
            for (var i = 0; i < weights.Length; i++)
            {
                var cell = _cellOfRespondent[i];
                weights[i] *= _targets[cell] / sums[cell];
            }
        }

        public (double Deviation, (string District, string Category) Cell) LargestDeviation(IReadOnlyList<double> weights)
        {
            var sums = Sums(weights);
            var largest = 0.0;
            var cell = _cells.Length > 0 ? _cells[0] : default;
            for (var c = 0; c < _cells.Length; c++)
            {
                var deviation = Math.Abs(sums[c] - _targets[c]) / _targets[c];
                if (deviation > largest)
                {
                    largest = deviation;
                    cell = _cells[c];
                }
            }

            return (largest, cell);
        }

        private double[] Sums(IReadOnlyList<double> weights)
        {
            var sums = new double[_cells.Length];
            for (var i = 0; i < weights.Count; i++)
            {
                sums[_cellOfRespondent[i]] += weights[i];
            }

            return sums;
        }

        private static string Describe(IReadOnlyCollection<(string District, string Category)> cells, string dimension) =>
            string.Join("; ", cells.OrderBy(c => c.District, StringComparer.Ordinal).ThenBy(c => c.Category, StringComparer.Ordinal)
                .Take(5).Select(c => $"Kreis {c.District}, {dimension} {c.Category}"))
            + (cells.Count > 5 ? $" und {cells.Count - 5} weitere" : "");
    }
}
