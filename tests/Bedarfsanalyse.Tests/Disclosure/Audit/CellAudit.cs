using Bedarfsanalyse.Core.Disclosure;

namespace Bedarfsanalyse.Tests.Disclosure.Audit;

/// <summary>
/// What the published table reveals about one suppressed cell: the range of values consistent with all published cells,
/// the totals and non-negativity (<see cref="Maximum"/> null = unbounded), and whether it lies on a cycle of suppressed cells.
/// </summary>
internal sealed record CellAudit(CellPosition Position, string Location, decimal Value, decimal Minimum, decimal? Maximum, bool LiesOnCycle)
{
    /// <summary>The cell can be recomputed exactly: the published table leaves it a single value.</summary>
    public bool IsDisclosed => Maximum == Minimum;
}
