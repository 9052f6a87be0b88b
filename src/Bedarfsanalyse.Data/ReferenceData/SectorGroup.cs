namespace Bedarfsanalyse.Data.ReferenceData;

/// <summary>One of the five sector groups used for small district tables: A / B–F / G–I / J–N / O–U.</summary>
public sealed class SectorGroup
{
    public required string Code { get; init; }

    public required string Name { get; set; }

    public int SortOrder { get; set; }
}
