using Bedarfsanalyse.Core.Disclosure;
using Bedarfsanalyse.Core.Statistics;

namespace Bedarfsanalyse.Core.Formatting;

/// <summary>
/// The text of a table cell once disclosure control has spoken: the symbol instead of the figure (".", "/", "–"), the
/// figure in brackets for limited reliability, or the figure itself. The only way figures should reach a table.
/// </summary>
public static class TableCellText
{
    /// <summary>A share: "42,5 %", "(42,5 %)", ".", "/" or "–".</summary>
    public static string Share(Estimate estimate, CellStatus status, int decimals = 1)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        return Figure(status, estimate.Point is { } p ? GermanFigureFormat.Percent(p, decimals) : null);
    }

    /// <summary>A mean or median: "3,4", "(3,4)", ".", "/" or "–".</summary>
    public static string Mean(Estimate estimate, CellStatus status, int decimals = 1)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        return Figure(status, estimate.Point is { } p ? GermanFigureFormat.Number(p, decimals) : null);
    }

    /// <summary>A count: "1.234", ".", "–".</summary>
    public static string Count(TableCell cell) => Figure(cell?.Status ?? throw new ArgumentNullException(nameof(cell)), GermanFigureFormat.Number(cell.Value, 0));

    /// <summary>A sum of money: "1.234,56 €", ".", "–".</summary>
    public static string Money(TableCell cell) => Figure(cell?.Status ?? throw new ArgumentNullException(nameof(cell)), GermanFigureFormat.Money(cell.Value));

    /// <summary>Any preformatted figure under a status; a missing figure prints "–".</summary>
    public static string Figure(CellStatus status, string? figure)
    {
        ArgumentNullException.ThrowIfNull(status);
        return status.Symbol switch
        {
            CellSymbol.Secret => ".",
            CellSymbol.NotReliable => "/",
            CellSymbol.Nothing => "–",
            CellSymbol.LimitedReliability => figure is null ? "–" : "(" + figure + ")",
            _ => figure ?? "–",
        };
    }
}
