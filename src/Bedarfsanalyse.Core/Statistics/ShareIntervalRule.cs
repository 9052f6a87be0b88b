namespace Bedarfsanalyse.Core.Statistics;

/// <summary>Picks Wilson or Clopper-Pearson for a share and computes that interval.</summary>
public static class ShareIntervalRule
{
    /// <summary>The method for a share of <paramref name="successes"/> out of <paramref name="n"/> (effective n when weighted).</summary>
    public static IntervalMethod Choose(double successes, double n, ShareIntervalSettings settings)
    {
        ShareInput.Check(successes, n);
        var share = successes / n;
        var nearBoundary = share <= settings.ClopperPearsonNearBoundary || share >= 1.0 - settings.ClopperPearsonNearBoundary;
        return n < settings.ClopperPearsonBelowBase || nearBoundary ? IntervalMethod.ClopperPearson : IntervalMethod.Wilson;
    }

    public static (ConfidenceInterval Interval, IntervalMethod Method) Compute(double successes, double n, ShareIntervalSettings settings)
    {
        var method = Choose(successes, n, settings);
        var interval = method == IntervalMethod.ClopperPearson
            ? ClopperPearsonInterval.Compute(successes, n, settings.ConfidenceLevel)
            : WilsonInterval.Compute(successes, n, settings.ConfidenceLevel);
        return (interval, method);
    }
}
