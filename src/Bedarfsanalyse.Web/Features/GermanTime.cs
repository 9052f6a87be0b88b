using System.Globalization;

namespace Bedarfsanalyse.Web.Features;

/// <summary>Points in time as German users read them: German local time, "22.11.2026, 14:30 Uhr".</summary>
public static class GermanTime
{
    private static readonly TimeZoneInfo Berlin = FindBerlin();

    public static DateTimeOffset ToLocal(DateTimeOffset time) => TimeZoneInfo.ConvertTime(time, Berlin);

    public static string Format(DateTimeOffset time) =>
        ToLocal(time).ToString("dd.MM.yyyy, HH:mm 'Uhr'", CultureInfo.InvariantCulture);

    public static string Date(DateOnly date) => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    /// <summary>The moment a German calendar day begins (midnight in Berlin: 23:00 or 22:00 UTC the day before).</summary>
    public static DateTimeOffset StartOfDay(DateOnly date)
    {
        var midnight = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(midnight, Berlin.GetUtcOffset(midnight)).ToUniversalTime();
    }

    // Debian's tzdata provides Europe/Berlin; without it the times are shown in UTC rather than failing.
    private static TimeZoneInfo FindBerlin()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}
