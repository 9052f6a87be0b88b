namespace Bedarfsanalyse.Core.Weighting;

/// <summary>Settings of the weighting; the defaults are explained in docs/adr/0004-statistics-and-disclosure-control.md.</summary>
public sealed record WeightingSettings
{
    public static WeightingSettings Default { get; } = new();

    /// <summary>Design weights only when every populated stratum has at least this many respondents; else raking.</summary>
    public int MinimumRespondentsPerStratum { get; init; } = 3;

    /// <summary>How far (relative) a district's size-class and sector-group margins may disagree before they are refused.</summary>
    public double MarginTolerance { get; init; } = 0.005;

    /// <summary>Raking has converged when no weighted margin deviates from its target by more than this (relative).</summary>
    public double RakingConvergence { get; init; } = 1e-6;

    public int RakingMaxIterations { get; init; } = 100;

    /// <summary>Weights above this multiple of their district's mean weight are trimmed; null: no capping.</summary>
    public double? CapFactor { get; init; } = 5.0;

    public int CappingMaxIterations { get; init; } = 100;

    public void Validate()
    {
        if (MinimumRespondentsPerStratum < 1)
        {
            throw new WeightingException("Die Mindestzahl der Befragten je Schicht muss mindestens 1 sein.");
        }

        if (!(MarginTolerance >= 0 && MarginTolerance < 1))
        {
            throw new WeightingException("Die Toleranz für Eckwerte muss zwischen 0 und 1 liegen.");
        }

        if (!(RakingConvergence > 0 && RakingConvergence < 1) || RakingMaxIterations < 1)
        {
            throw new WeightingException("Das Konvergenzkriterium des Rakings muss zwischen 0 und 1 liegen und mindestens eine Iteration erlaubt sein.");
        }

        if (CapFactor is { } cap && !(cap > 1 && double.IsFinite(cap)))
        {
            throw new WeightingException("Die Kappungsgrenze muss größer als das 1-Fache des mittleren Gewichts sein.");
        }

        if (CappingMaxIterations < 1)
        {
            throw new WeightingException("Die Kappung braucht mindestens eine Iteration.");
        }
    }
}
