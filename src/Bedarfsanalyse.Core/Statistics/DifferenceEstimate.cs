namespace Bedarfsanalyse.Core.Statistics;

/// <summary>
/// The change of a share between two independent samples (e.g. this quarter against the same quarter a year earlier),
/// as a difference of proportions, with its interval. <see cref="Point"/> is null when either side has no data.
/// </summary>
public sealed record DifferenceEstimate
{
    /// <summary>current − previous, as a proportion (0.032 = 3,2 Prozentpunkte).</summary>
    public double? Point { get; init; }

    public ConfidenceInterval? Interval { get; init; }

    public IntervalMethod Method { get; init; }

    public double ConfidenceLevel { get; init; }

    /// <summary>"statistisch gesichert": the interval excludes 0.</summary>
    public bool IsStatisticallySecured { get; init; }

    public required int CurrentUnweightedN { get; init; }

    public required int PreviousUnweightedN { get; init; }

    public bool HasData => Point is not null;

    public double? PointInPercentagePoints => Point * 100.0;

    public ConfidenceInterval? IntervalInPercentagePoints =>
        Interval is { } i ? new ConfidenceInterval(i.Lower * 100.0, i.Upper * 100.0) : null;
}
