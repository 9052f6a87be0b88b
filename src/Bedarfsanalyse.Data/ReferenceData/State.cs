namespace Bedarfsanalyse.Data.ReferenceData;

/// <summary>A German federal state (Land), identified by the first two digits of every Kreisschlüssel.</summary>
public sealed class State
{
    public required string Code { get; init; }

    public required string Name { get; set; }
}
