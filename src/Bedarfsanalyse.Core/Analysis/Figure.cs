using Bedarfsanalyse.Core.Disclosure;
using Bedarfsanalyse.Core.Formatting;
using Bedarfsanalyse.Core.Statistics;

namespace Bedarfsanalyse.Core.Analysis;

/// <summary>
/// One published figure of the model: the estimate (unweighted n always, interval, weighted where the model is) and
/// what disclosure control lets a report show of it. Reports format it; none computes or bypasses it.
/// </summary>
public sealed record Figure(Estimate Estimate, CellStatus Status)
{
    /// <summary>Whether the value may be printed (plainly or in brackets).</summary>
    public bool ShowsValue => Status.ShowsValue && Estimate.HasData;

    /// <summary>"p" while a quarter of its period may still change, "r" when one changed after it had closed (<see cref="PeriodRevision"/>).</summary>
    public FigureRevision Revision { get; init; } = FigureRevision.Final;
}
