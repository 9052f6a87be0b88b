namespace Bedarfsanalyse.Core.Statistics;

/// <summary>
/// One estimated figure with everything a report must print beside it: the unweighted n (always), the effective n,
/// the interval and how it was computed. <see cref="Point"/> is null for "keine Daten", never NaN.
/// </summary>
public sealed record Estimate
{
    public required EstimateKind Kind { get; init; }

    /// <summary>The estimate; a proportion (0 to 1) for shares. Null when there are no data.</summary>
    public double? Point { get; init; }

    /// <summary>The confidence interval; null without data or when the data allow none (see <see cref="NoIntervalReason"/>).</summary>
    public ConfidenceInterval? Interval { get; init; }

    public IntervalMethod Method { get; init; }

    public double ConfidenceLevel { get; init; }

    /// <summary>Respondents in the base (with a valid answer), unweighted. Always shown.</summary>
    public required int UnweightedN { get; init; }

    /// <summary>Kish's effective sample size of the base; equal to <see cref="UnweightedN"/> when unweighted.</summary>
    public required double EffectiveN { get; init; }

    public bool IsWeighted { get; init; }

    /// <summary>For shares: respondents with the characteristic, unweighted (the count disclosure control looks at).</summary>
    public int? UnweightedCount { get; init; }

    /// <summary>German text saying why there is data but no interval, e.g. a median of five values.</summary>
    public string? NoIntervalReason { get; init; }

    public bool HasData => Point is not null;

    public static Estimate NoData(EstimateKind kind, double confidenceLevel, bool isWeighted = false) => new()
    {
        Kind = kind,
        Point = null,
        Interval = null,
        Method = IntervalMethod.None,
        ConfidenceLevel = confidenceLevel,
        UnweightedN = 0,
        EffectiveN = 0,
        IsWeighted = isWeighted,
        UnweightedCount = kind == EstimateKind.Share ? 0 : null,
    };
}
