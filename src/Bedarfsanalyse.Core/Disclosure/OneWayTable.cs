namespace Bedarfsanalyse.Core.Disclosure;

/// <summary>A one-way table: cells that add up to a total (e.g. counts per answer option of one district).</summary>
public sealed record OneWayTable(IReadOnlyList<TableCell> Cells, TableCell Total);
