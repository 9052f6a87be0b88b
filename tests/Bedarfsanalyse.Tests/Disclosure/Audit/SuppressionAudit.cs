using Bedarfsanalyse.Core.Disclosure;

namespace Bedarfsanalyse.Tests.Disclosure.Audit;

/// <summary>The audit of every suppressed cell of a table.</summary>
internal sealed record SuppressionAudit(IReadOnlyList<CellAudit> SuppressedCells)
{
    public IReadOnlyList<CellAudit> Disclosed => SuppressedCells.Where(c => c.IsDisclosed).ToArray();

    /// <summary>No suppressed cell can be recomputed.</summary>
    public bool IsSafe => SuppressedCells.All(c => !c.IsDisclosed);

    /// <summary>The runtime self-check: throws when a suppressed cell can be recomputed.</summary>
    public void EnsureSafe()
    {
        var disclosed = Disclosed;
        if (disclosed.Count > 0)
        {
            throw new DisclosureException(
                "Gesperrte Zellen lassen sich aus den veröffentlichten Werten errechnen: " +
                string.Join("; ", disclosed.Select(c => c.Location)) + ". Die Tabelle darf so nicht veröffentlicht werden.");
        }
    }
}
