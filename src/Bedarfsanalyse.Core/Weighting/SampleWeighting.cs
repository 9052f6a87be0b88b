namespace Bedarfsanalyse.Core.Weighting;

/// <summary>
/// Weights a sample of establishments: design weights when every populated stratum has enough respondents, raking to
/// the two margins otherwise, then capping; reports Kish's effective n and how far the margins moved.
/// </summary>
public static class SampleWeighting
{
    public static WeightingResult Compute(IReadOnlyList<Stratum> sample, PopulationMargins population, WeightingSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(population);
        settings ??= WeightingSettings.Default;
        settings.Validate();
        if (sample.Count == 0)
        {
            return new WeightingResult { Weights = [], Method = WeightingMethod.None, EffectiveN = 0, LargestMarginDeviation = 0 };
        }

        var method = UsesDesignWeights(sample, population, settings) ? WeightingMethod.DesignWeights : WeightingMethod.Raking;
        double[] weights;
        var iterations = 0;
        if (method == WeightingMethod.DesignWeights)
        {
            weights = DesignWeights.Compute(sample, population);
        }
        else
        {
            (weights, iterations) = Raking.Compute(sample, population, settings);
        }

        var capped = 0;
        if (settings.CapFactor is { } capFactor)
        {
            (weights, capped) = WeightCapping.Apply(weights, sample.Select(s => s.District).ToArray(), capFactor, settings.CappingMaxIterations);
        }

        return new WeightingResult
        {
            Weights = weights,
            Method = method,
            RakingIterations = iterations,
            CappedWeights = capped,
            EffectiveN = Statistics.EffectiveSampleSize.Kish(weights),
            LargestMarginDeviation = Raking.LargestDeviation(sample, weights, population),
        };
    }

    private static bool UsesDesignWeights(IReadOnlyList<Stratum> sample, PopulationMargins population, WeightingSettings settings)
    {
        if (!population.HasStrata)
        {
            return false;
        }

        var counts = sample.GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count());
        return population.Strata.Where(c => c.Count > 0)
            .All(c => counts.TryGetValue(c.Stratum, out var n) && n >= settings.MinimumRespondentsPerStratum);
    }
}
