namespace Bedarfsanalyse.Core.Disclosure;

/// <summary>The symbols of official German statistics a table cell can carry instead of, or around, its value.</summary>
public enum CellSymbol
{
    /// <summary>The value is shown as it is.</summary>
    None,

    /// <summary>"." geheim: suppressed for confidentiality.</summary>
    Secret,

    /// <summary>"/" keine Angabe, da Zahlenwert nicht sicher genug.</summary>
    NotReliable,

    /// <summary>"( )" Aussagewert eingeschränkt: the value is shown in brackets.</summary>
    LimitedReliability,

    /// <summary>"–" nichts vorhanden.</summary>
    Nothing,
}
