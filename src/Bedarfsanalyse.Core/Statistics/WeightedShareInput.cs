namespace Bedarfsanalyse.Core.Statistics;

/// <summary>
/// The sufficient statistics of a weighted share, which SQL can sum directly: unweighted count and base, the weighted
/// count and base, and the sum of squared weights in the base (for Kish's effective n).
/// </summary>
public readonly record struct WeightedShareInput(
    int UnweightedCount,
    int UnweightedBase,
    double WeightedCount,
    double WeightedBase,
    double SumOfSquaredWeights)
{
    /// <summary>Adds up respondents of the base, each with whether it has the characteristic and its weight.</summary>
    public static WeightedShareInput Accumulate(IEnumerable<(bool HasCharacteristic, double Weight)> respondents)
    {
        ArgumentNullException.ThrowIfNull(respondents);
        int count = 0, n = 0;
        double weightedCount = 0, weightedBase = 0, squares = 0;
        foreach (var (has, weight) in respondents)
        {
            Weights.CheckOne(weight);
            n++;
            weightedBase += weight;
            squares += weight * weight;
            if (has)
            {
                count++;
                weightedCount += weight;
            }
        }

        return new WeightedShareInput(count, n, weightedCount, weightedBase, squares);
    }
}
