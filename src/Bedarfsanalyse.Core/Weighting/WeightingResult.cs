namespace Bedarfsanalyse.Core.Weighting;

/// <summary>The weights of a sample, in the order of its respondents, with the figures the method notes print.</summary>
public sealed record WeightingResult
{
    public required IReadOnlyList<double> Weights { get; init; }

    public required WeightingMethod Method { get; init; }

    /// <summary>Full raking cycles needed; 0 for design weights.</summary>
    public int RakingIterations { get; init; }

    /// <summary>How many weights were trimmed to the cap.</summary>
    public int CappedWeights { get; init; }

    public int UnweightedN => Weights.Count;

    /// <summary>Kish's effective n of all respondents.</summary>
    public required double EffectiveN { get; init; }

    /// <summary>Kish's design effect due to weighting, n / n_eff.</summary>
    public double DesignEffect => EffectiveN > 0 ? UnweightedN / EffectiveN : 1.0;

    /// <summary>The largest relative deviation of a weighted margin from its target after capping (0 without capping).</summary>
    public required double LargestMarginDeviation { get; init; }
}
