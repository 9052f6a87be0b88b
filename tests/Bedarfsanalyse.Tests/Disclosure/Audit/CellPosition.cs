using Bedarfsanalyse.Core.Disclosure;

namespace Bedarfsanalyse.Tests.Disclosure.Audit;

/// <summary>
/// Where a cell sits: 0-based row and column, null for the total. In a one-way table the row is 0 and the total has
/// column null; in a two-way table (2, null) is the total of row 2 and (null, null) the grand total.
/// </summary>
internal readonly record struct CellPosition(int? Row, int? Column)
{
    internal string Describe(bool twoWay) => twoWay
        ? (Row, Column) switch
        {
            (null, null) => "Gesamtsumme",
            (int r, null) => $"Zeilensumme {r + 1}",
            (null, int c) => $"Spaltensumme {c + 1}",
            (int r, int c) => $"Zeile {r + 1}, Spalte {c + 1}",
        }
        : Column is int column ? $"Zelle {column + 1}" : "Summe";
}
