namespace Bedarfsanalyse.Core.Weighting;

/// <summary>One population margin (Eckwert): establishments in a district and one size class or one sector group.</summary>
public readonly record struct MarginCell(string District, string Category, double Count);
