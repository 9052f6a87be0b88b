using Bedarfsanalyse.Core.Disclosure;

namespace Bedarfsanalyse.Tests.Disclosure.Audit;

/// <summary>
/// Checks a table as it would be published (cells with <see cref="CellStatus.IsSecret"/> hidden, all others shown):
/// for each hidden cell the interval an intruder can derive, by linear programming over the table's additivity and
/// non-negativity, and the structural cycle test for two-way tables.
/// </summary>
internal static class SuppressionAuditor
{
    public static SuppressionAudit Audit(OneWayTable table) => Audit(LinearTable.From(table));

    public static SuppressionAudit Audit(TwoWayTable table) => Audit(LinearTable.From(table));

    internal static SuppressionAudit Audit(LinearTable table)
    {
        var suppressed = table.Cells.Select(c => c.Status.IsSecret).ToArray();
        var ranges = FeasibleRanges.Compute(table, suppressed);
        var onCycle = SuppressedCellGraph.OnCycle(table, suppressed);
        var audits = Enumerable.Range(0, table.Count).Where(i => suppressed[i])
            .Select(i => new CellAudit(table.Positions[i], table.Describe(i), table.Cells[i].Value, ranges[i].Minimum, ranges[i].Maximum, onCycle[i]))
            .ToArray();
        return new SuppressionAudit(audits);
    }
}
