namespace Bedarfsanalyse.Core.Statistics;

/// <summary>A two-sided confidence interval (Konfidenzintervall); for shares the bounds are proportions (0 to 1).</summary>
public readonly record struct ConfidenceInterval(double Lower, double Upper)
{
    public double Width => Upper - Lower;

    public bool Contains(double value) => value >= Lower && value <= Upper;
}
