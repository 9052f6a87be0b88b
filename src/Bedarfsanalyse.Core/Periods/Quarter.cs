using System.Globalization;
using System.Text.RegularExpressions;

namespace Bedarfsanalyse.Core.Periods;

/// <summary>A calendar quarter (Quartal), the period every report is cut by.</summary>
public readonly partial record struct Quarter : IComparable<Quarter>
{
    public Quarter(int year, int number)
    {
        if (year is < 1900 or > 9999)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, "Das Jahr muss zwischen 1900 und 9999 liegen.");
        }

        if (number is < 1 or > 4)
        {
            throw new ArgumentOutOfRangeException(nameof(number), number, "Ein Quartal ist 1, 2, 3 oder 4.");
        }

        Year = year;
        Number = number;
    }

    public int Year { get; }

    public int Number { get; }

    public DateOnly FirstDay => new(Year, (Number - 1) * 3 + 1, 1);

    /// <summary>The first day of the next quarter: periods are half-open, [FirstDay, NextFirstDay).</summary>
    public DateOnly NextFirstDay => Next().FirstDay;

    public DateOnly LastDay => NextFirstDay.AddDays(-1);

    public static Quarter Of(DateOnly date) => new(date.Year, (date.Month - 1) / 3 + 1);

    public Quarter Next() => Number == 4 ? new Quarter(Year + 1, 1) : new Quarter(Year, Number + 1);

    public Quarter Previous() => Number == 1 ? new Quarter(Year - 1, 4) : new Quarter(Year, Number - 1);

    public Quarter SameQuarterPreviousYear() => new(Year - 1, Number);

    public Quarter AddQuarters(int count)
    {
        var index = Year * 4 + (Number - 1) + count;
        return new Quarter(index / 4, index % 4 + 1);
    }

    public bool Contains(DateOnly date) => date >= FirstDay && date < NextFirstDay;

    /// <summary>Parses "2026-Q3", "Q3/2026" or "3/2026".</summary>
    public static bool TryParse(string? text, out Quarter quarter)
    {
        quarter = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var match = IsoPattern().Match(text.Trim());
        if (!match.Success)
        {
            match = GermanPattern().Match(text.Trim());
        }

        if (!match.Success)
        {
            return false;
        }

        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        var number = int.Parse(match.Groups["number"].Value, CultureInfo.InvariantCulture);
        if (year is < 1900 or > 9999 || number is < 1 or > 4)
        {
            return false;
        }

        quarter = new Quarter(year, number);
        return true;
    }

    public static Quarter Parse(string text) => TryParse(text, out var quarter)
        ? quarter
        : throw new FormatException($"„{text}“ ist kein Quartal. Erwartet wird z. B. 2026-Q3.");

    /// <summary>"2026-Q3": the form used in commands, URLs and file names.</summary>
    public override string ToString() => $"{Year:D4}-Q{Number}";

    /// <summary>"3. Quartal 2026": the form used in report texts.</summary>
    public string ToGermanLongString() => $"{Number}. Quartal {Year}";

    /// <summary>"Q3/2026": the short form used in table heads and charts.</summary>
    public string ToGermanShortString() => $"Q{Number}/{Year}";

    public int CompareTo(Quarter other) => (Year, Number).CompareTo((other.Year, other.Number));

    public static bool operator <(Quarter left, Quarter right) => left.CompareTo(right) < 0;

    public static bool operator >(Quarter left, Quarter right) => left.CompareTo(right) > 0;

    public static bool operator <=(Quarter left, Quarter right) => left.CompareTo(right) <= 0;

    public static bool operator >=(Quarter left, Quarter right) => left.CompareTo(right) >= 0;

    [GeneratedRegex(@"^(?<year>\d{4})-?[Qq](?<number>\d)$")]
    private static partial Regex IsoPattern();

    [GeneratedRegex(@"^[Qq]?(?<number>\d)\s*/\s*(?<year>\d{4})$")]
    private static partial Regex GermanPattern();
}
