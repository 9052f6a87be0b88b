using Bedarfsanalyse.Core.Formatting;
namespace Bedarfsanalyse.Reports.Pdf.Charts;

/// <summary>
/// How a value and its reporting symbol appear in a chart: no value shows the symbol ("." secret, "/" not
/// reliable enough, "–" nothing); a value with the symbol "( )" (limited reliability) is shown in brackets and a
/// provisional or revised value carries its mark ("42,5 % p").
/// </summary>
internal static class ChartSymbols
{
    public const string LimitedReliability = "( )";

    public static string Display(double? value, string? symbol, int decimals, bool withPercent = true, string? mark = null)
    {
        if (value is not { } v)
        {
            return string.IsNullOrWhiteSpace(symbol) ? "–" : symbol;
        }

        // Charts hold shares in percent (0–100); the one formatter of the project takes proportions.
        var text = withPercent ? GermanFigureFormat.Percent(v / 100.0, decimals) : GermanFigureFormat.Number(v, decimals);
        text = symbol is LimitedReliability or "()" ? "(" + text + ")" : text;
        return string.IsNullOrEmpty(mark) ? text : text + " " + mark;
    }
}
