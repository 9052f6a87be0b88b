namespace Bedarfsanalyse.Data.Networks;

/// <summary>
/// How many establishments (and employees) a district has in one size class and sector group: the population
/// the user supplies for weighting (design weights N_h / n_h, raking).
/// </summary>
public sealed class PopulationMargin
{
    public int NetworkId { get; init; }

    public required string DistrictKey { get; init; }

    public required string SizeClassCode { get; init; }

    public required string SectorGroupCode { get; init; }

    public int Establishments { get; init; }

    public int? Employees { get; init; }

    /// <summary>Where the figures come from, e.g. "Betriebsstättenstatistik 30.06.2025".</summary>
    public string? Source { get; init; }

    public DateTimeOffset UploadedAt { get; init; }
}
