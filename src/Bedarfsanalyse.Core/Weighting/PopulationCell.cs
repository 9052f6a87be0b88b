namespace Bedarfsanalyse.Core.Weighting;

/// <summary>The number of establishments N_h in one stratum of the population (Grundgesamtheit).</summary>
public readonly record struct PopulationCell(Stratum Stratum, double Count);
