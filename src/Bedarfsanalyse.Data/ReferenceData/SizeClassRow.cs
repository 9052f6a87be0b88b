namespace Bedarfsanalyse.Data.ReferenceData;

/// <summary>A size class as reference data, so that SQL can join and label it; the rule itself lives in Core's SizeClass.</summary>
public sealed class SizeClassRow
{
    public required string Code { get; init; }

    public required string Label { get; set; }

    public int MinHeadcount { get; set; }

    public int? MaxHeadcount { get; set; }

    public int SortOrder { get; set; }
}
