namespace Bedarfsanalyse.Data.ReferenceData;

/// <summary>A section of an economic classification (WZ 2008 A–U; WZ 2025 later), stored with its classification version.</summary>
public sealed class Sector
{
    public const string Wz2008 = "WZ2008";

    /// <summary>The classification the code belongs to, e.g. WZ2008.</summary>
    public required string Classification { get; init; }

    public required string Code { get; init; }

    public required string Name { get; set; }

    public required string SectorGroupCode { get; set; }

    public SectorGroup? SectorGroup { get; set; }
}
