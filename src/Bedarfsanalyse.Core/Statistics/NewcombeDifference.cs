namespace Bedarfsanalyse.Core.Statistics;

/// <summary>
/// Newcombe's hybrid score interval for p1 − p2 of two independent shares (Newcombe 1998b, "Interval estimation for the
/// difference between independent proportions", Stat Med 17:873–890, method 10): with Wilson intervals (l_i, u_i),
/// L = δ − √((p1 − l1)² + (u2 − p2)²) and U = δ + √((u1 − p1)² + (p2 − l2)²). Unlike the Wald interval it stays
/// within [−1, 1] and behaves at shares of 0 or 1.
/// </summary>
public static class NewcombeDifference
{
    public static DifferenceEstimate Compute(int currentCount, int currentBase, int previousCount, int previousBase,
        double confidenceLevel = ConfidenceLevel.Default) =>
        Compute(
            ShareEstimator.Estimate(currentCount, currentBase, ShareIntervalSettings.Default with { ConfidenceLevel = confidenceLevel }),
            ShareEstimator.Estimate(previousCount, previousBase, ShareIntervalSettings.Default with { ConfidenceLevel = confidenceLevel }),
            confidenceLevel);

    /// <summary>
    /// The difference of two share estimates, weighted or not: each side's Wilson interval is taken at its effective n
    /// (p·n_eff of n_eff), as for the share itself.
    /// </summary>
    public static DifferenceEstimate Compute(Estimate current, Estimate previous, double confidenceLevel = ConfidenceLevel.Default)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(previous);
        ConfidenceLevel.Check(confidenceLevel);
        if (current.Kind != EstimateKind.Share || previous.Kind != EstimateKind.Share)
        {
            throw new ArgumentException("Das Newcombe-Intervall gilt nur für die Differenz zweier Anteile.", nameof(current));
        }

        if (current.Point is not { } p1 || previous.Point is not { } p2 || current.EffectiveN <= 0 || previous.EffectiveN <= 0)
        {
            return new DifferenceEstimate
            {
                Method = IntervalMethod.None,
                ConfidenceLevel = confidenceLevel,
                CurrentUnweightedN = current.UnweightedN,
                PreviousUnweightedN = previous.UnweightedN,
            };
        }

        var first = WilsonInterval.Compute(p1 * current.EffectiveN, current.EffectiveN, confidenceLevel);
        var second = WilsonInterval.Compute(p2 * previous.EffectiveN, previous.EffectiveN, confidenceLevel);
        var difference = p1 - p2;
        var lower = difference - Math.Sqrt(Square(p1 - first.Lower) + Square(second.Upper - p2));
        var upper = difference + Math.Sqrt(Square(first.Upper - p1) + Square(p2 - second.Lower));
        var interval = new ConfidenceInterval(Math.Max(-1.0, lower), Math.Min(1.0, upper));
        return new DifferenceEstimate
        {
            Point = difference,
            Interval = interval,
            Method = IntervalMethod.NewcombeHybridScore,
            ConfidenceLevel = confidenceLevel,
            IsStatisticallySecured = interval.Lower > 0.0 || interval.Upper < 0.0,
            CurrentUnweightedN = current.UnweightedN,
            PreviousUnweightedN = previous.UnweightedN,
        };
    }

    private static double Square(double x) => x * x;
}
