using System.Globalization;

namespace Bedarfsanalyse.Reports.Pdf.Charts;

/// <summary>Numbers as a German reader expects them in charts: decimal comma, thousands point, "42,5 %".</summary>
internal static class GermanNumberFormat
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    public static string Number(double value, int decimals) => value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), German);

    public static string Percent(double value, int decimals) => Number(value, decimals) + " %";

    /// <summary>Axis ticks show decimals only where a tick needs them: "0 %", "12,5 %".</summary>
    public static string PercentTick(double value) =>
        Math.Abs(value - Math.Round(value)) < 1e-9 ? Percent(value, 0) : Percent(value, 1);
}
