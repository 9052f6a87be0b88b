using System.Globalization;

namespace Bedarfsanalyse.Core.Formatting;

/// <summary>Numbers and dates as German readers expect them (1.234,5; 31.12.2026), whatever the server's culture.</summary>
public static class GermanFormat
{
    public static CultureInfo Culture { get; } = CultureInfo.GetCultureInfo("de-DE");

    public static string Number(decimal value) => value.ToString("#,##0.##########", Culture);

    public static string Number(int value) => value.ToString("N0", Culture);

    public static string Date(DateOnly value) => value.ToString("dd.MM.yyyy", Culture);
}
