using System.Globalization;
using Bedarfsanalyse.Core.Statistics;

namespace Bedarfsanalyse.Core.Formatting;

/// <summary>
/// Figures as German reports print them: decimal comma, thousands point, "42,5 %", "1.234,56 €", changes with a sign
/// and the typographic minus (U+2212). Independent of the machine's culture. Rounding is commercial (half away from
/// zero, DIN 1333) on the decimal value nearest the double, so 42,45 % prints as 42,5 % although the double is a hair below.
/// </summary>
public static class GermanFigureFormat
{
    /// <summary>The typographic minus sign.</summary>
    public const string Minus = "\u2212";

    public const string NotStatisticallySecured = "statistisch nicht gesichert";

    private static readonly NumberFormatInfo German = new()
    {
        NumberDecimalSeparator = ",",
        NumberGroupSeparator = ".",
        NumberGroupSizes = [3],
        NegativeSign = Minus,
    };

    /// <summary>"1.234,5": a number with the given decimals, rounded half away from zero.</summary>
    public static string Number(decimal value, int decimals = 0)
    {
        CheckDecimals(decimals);
        var rounded = decimal.Round(value, decimals, MidpointRounding.AwayFromZero);
        if (rounded == 0)
        {
            rounded = 0m; // no "−0,0"
        }

        return rounded.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), German);
    }

    public static string Number(double value, int decimals = 0) => Number(ToDecimal(value), decimals);

    /// <summary>"1.234,5": an entered value with exactly the decimals it has (limits, units in messages), not rounded.</summary>
    public static string Exact(decimal value) => value.ToString("#,##0.##########", German);

    /// <summary>German number input ("1.234,5", "-3") for parsing what users type: the minus they type is a hyphen.</summary>
    public static NumberFormatInfo InputFormat { get; } = new()
    {
        NumberDecimalSeparator = ",",
        NumberGroupSeparator = ".",
        NumberGroupSizes = [3],
        NegativeSign = "-",
    };

    /// <summary>"1.234": a count.</summary>
    public static string Count(long count) => Number((decimal)count, 0);

    /// <summary>"1.234,56 €".</summary>
    public static string Money(decimal amount, int decimals = 2) => Number(amount, decimals) + " €";

    /// <summary>"42,5 %" for the proportion 0.425.</summary>
    public static string Percent(double proportion, int decimals = 1) => Number(ToDecimal(proportion) * 100m, decimals) + " %";

    /// <summary>"(42,5 %)": a share with limited reliability.</summary>
    public static string BracketedPercent(double proportion, int decimals = 1) => "(" + Percent(proportion, decimals) + ")";

    /// <summary>"38,1–46,9 %" for an interval of proportions.</summary>
    public static string PercentInterval(ConfidenceInterval interval, int decimals = 1) =>
        Number(ToDecimal(interval.Lower) * 100m, decimals) + "–" + Number(ToDecimal(interval.Upper) * 100m, decimals) + " %";

    /// <summary>"38,1–46,9" for an interval of a mean or median.</summary>
    public static string Interval(ConfidenceInterval interval, int decimals = 1)
    {
        var lower = Number(interval.Lower, decimals);
        var upper = Number(interval.Upper, decimals);

        // "−2,0 bis 3,0" reads better than "−2,0–3,0" once a bound is negative.
        return interval.Lower < 0 || interval.Upper < 0 ? lower + " bis " + upper : lower + "–" + upper;
    }

    /// <summary>"+3,2 Prozentpunkte", "−1,0 Prozentpunkte", "±0,0 Prozentpunkte" for a difference of proportions.</summary>
    public static string PercentagePoints(double difference, int decimals = 1) =>
        Signed(ToDecimal(difference) * 100m, decimals) + " Prozentpunkte";

    /// <summary>"−1,2 bis +3,4 Prozentpunkte" for the interval of a difference of proportions.</summary>
    public static string PercentagePointInterval(ConfidenceInterval interval, int decimals = 1) =>
        Signed(ToDecimal(interval.Lower) * 100m, decimals) + " bis " + Signed(ToDecimal(interval.Upper) * 100m, decimals) + " Prozentpunkte";

    /// <summary>
    /// A change as a report prints it: "+3,2 Prozentpunkte", with " (statistisch nicht gesichert)" when its interval
    /// includes 0, and "–" when there is nothing to compare.
    /// </summary>
    public static string Change(DifferenceEstimate change, int decimals = 1)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.Point is not { } point)
        {
            return "–";
        }

        var text = PercentagePoints(point, decimals);
        return change.IsStatisticallySecured ? text : text + " (" + NotStatisticallySecured + ")";
    }

    /// <summary>"42,5 % p" / "1.234 r": the marks of provisional and revised figures.</summary>
    public static string WithRevision(string figure, FigureRevision revision) =>
        RevisionMark(revision) is { } mark ? figure + " " + mark : figure;

    /// <summary>"p" (vorläufig), "r" (berichtigt) or null for a final figure.</summary>
    public static string? RevisionMark(FigureRevision revision) => revision switch
    {
        FigureRevision.Provisional => "p",
        FigureRevision.Revised => "r",
        _ => null,
    };

    /// <summary>"31.12.2026".</summary>
    public static string Date(DateOnly date) => date.ToString("dd'.'MM'.'yyyy", CultureInfo.InvariantCulture);

    /// <summary>"14:30 Uhr".</summary>
    public static string Time(TimeOnly time) => time.ToString("HH':'mm", CultureInfo.InvariantCulture) + " Uhr";

    /// <summary>The German name of an interval method, for the method notes.</summary>
    public static string MethodName(IntervalMethod method) => method switch
    {
        IntervalMethod.Wilson => "Wilson-Intervall",
        IntervalMethod.ClopperPearson => "exaktes Intervall nach Clopper-Pearson",
        IntervalMethod.StudentT => "t-Intervall",
        IntervalMethod.OrderStatistics => "verteilungsfreies Intervall aus Rangwerten",
        IntervalMethod.Woodruff => "Woodruff-Intervall",
        IntervalMethod.NewcombeHybridScore => "Newcombe-Intervall für Differenzen",
        _ => "kein Intervall",
    };

    private static string Signed(decimal value, int decimals)
    {
        var rounded = decimal.Round(value, decimals, MidpointRounding.AwayFromZero);
        var magnitude = Number(Math.Abs(rounded), decimals);
        return rounded > 0 ? "+" + magnitude : rounded < 0 ? Minus + magnitude : "±" + magnitude;
    }

    // The decimal conversion keeps 15 significant digits, the precision a double reliably holds; it is what makes
    // 0.4245 (stored as 0.42449999…) round like the decimal figure a reader computes by hand.
    private static decimal ToDecimal(double value)
    {
        if (!double.IsFinite(value) || Math.Abs(value) > 7.9e27)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "Nur endliche Zahlen lassen sich als Zahl drucken.");
        }

        return (decimal)value;
    }

    private static void CheckDecimals(int decimals)
    {
        if (decimals is < 0 or > 10)
        {
            throw new ArgumentOutOfRangeException(nameof(decimals), decimals, "Es gibt 0 bis 10 Nachkommastellen.");
        }
    }
}
