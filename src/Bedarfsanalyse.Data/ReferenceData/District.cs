namespace Bedarfsanalyse.Data.ReferenceData;

/// <summary>A district (Landkreis, kreisfreie Stadt, Region): the unit every report is cut by.</summary>
public sealed class District
{
    /// <summary>The 5-digit Kreisschlüssel, e.g. 03255 for Holzminden.</summary>
    public required string Key { get; init; }

    public required string Name { get; set; }

    /// <summary>Landkreis, Kreisfreie Stadt or Region.</summary>
    public required string Kind { get; set; }

    public required string StateCode { get; init; }

    public State? State { get; set; }

    /// <summary>The first day the key stands for this territory (for Lower Saxony mostly the district reform of 1977).</summary>
    public required DateOnly ValidFrom { get; set; }

    /// <summary>The last day the key stood for a territory (merged or dissolved districts); null while current.</summary>
    public DateOnly? ValidUntil { get; set; }

    /// <summary>The territorial status (Gebietsstand) the row was taken from.</summary>
    public required DateOnly TerritorialStatus { get; set; }
}
