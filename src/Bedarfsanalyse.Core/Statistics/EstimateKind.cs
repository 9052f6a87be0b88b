namespace Bedarfsanalyse.Core.Statistics;

/// <summary>What an estimate estimates.</summary>
public enum EstimateKind
{
    /// <summary>A share (Anteil), as a proportion from 0 to 1.</summary>
    Share,

    /// <summary>An arithmetic mean (Mittelwert).</summary>
    Mean,

    /// <summary>A median (Median).</summary>
    Median,
}
