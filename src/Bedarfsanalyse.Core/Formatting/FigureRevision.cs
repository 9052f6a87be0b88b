namespace Bedarfsanalyse.Core.Formatting;

/// <summary>Whether a figure is final, provisional ("p", vorläufig) or revised ("r", berichtigt).</summary>
public enum FigureRevision
{
    Final,
    Provisional,
    Revised,
}
