using Bedarfsanalyse.Core.Disclosure;

namespace Bedarfsanalyse.Tests.Disclosure.Audit;

/// <summary>A one-way table: cells that add up to a total (e.g. counts per answer option of one district).</summary>
internal sealed record OneWayTable(IReadOnlyList<TableCell> Cells, TableCell Total);
