namespace Bedarfsanalyse.Core.Statistics;

/// <summary>
/// Kish's effective sample size n_eff = (Σw)² / Σw² (Kish 1965, Survey Sampling): the number of unweighted
/// interviews that would give the same precision. Equal to n for equal weights, smaller the more the weights vary.
/// </summary>
public static class EffectiveSampleSize
{
    /// <summary>n_eff of the given weights; 0 for none.</summary>
    public static double Kish(IEnumerable<double> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        double sum = 0, squares = 0;
        foreach (var weight in weights)
        {
            Weights.CheckOne(weight);
            sum += weight;
            squares += weight * weight;
        }

        return squares == 0 ? 0 : FromSums(sum, squares);
    }

    /// <summary>Kish's design effect due to weighting, deff = n / n_eff = n Σw² / (Σw)² (1 for equal weights).</summary>
    public static double DesignEffect(IReadOnlyCollection<double> weights)
    {
        var effective = Kish(weights);
        return effective == 0 ? 1.0 : weights.Count / effective;
    }

    internal static double FromSums(double sumOfWeights, double sumOfSquaredWeights) =>
        sumOfWeights * sumOfWeights / sumOfSquaredWeights;
}
