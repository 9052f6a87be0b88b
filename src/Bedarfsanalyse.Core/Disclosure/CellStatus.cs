namespace Bedarfsanalyse.Core.Disclosure;

/// <summary>What a cell shows: its value, the value in brackets, or a symbol; with the German reason.</summary>
public sealed record CellStatus(CellSymbol Symbol, SuppressionReason Reason, string? ReasonText)
{
    public static CellStatus Published { get; } = new(CellSymbol.None, SuppressionReason.None, null);

    /// <summary>"." – the value must not be published nor be recomputable.</summary>
    public bool IsSecret => Symbol == CellSymbol.Secret;

    /// <summary>The value is printed (plain or in brackets).</summary>
    public bool ShowsValue => Symbol is CellSymbol.None or CellSymbol.LimitedReliability;

    /// <summary>The symbol as printed: ".", "/", "( )", "–" or "" for a plain value.</summary>
    public string SymbolText => Symbol switch
    {
        CellSymbol.Secret => ".",
        CellSymbol.NotReliable => "/",
        CellSymbol.LimitedReliability => "( )",
        CellSymbol.Nothing => "–",
        _ => "",
    };

    internal static CellStatus Of(CellSymbol symbol, SuppressionReason reason, DisclosureSettings settings) =>
        new(symbol, reason, settings.Text(reason));
}
