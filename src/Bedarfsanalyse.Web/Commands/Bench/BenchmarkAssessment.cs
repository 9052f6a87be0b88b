using System.Globalization;
using System.Text.RegularExpressions;

namespace Bedarfsanalyse.Web.Commands.Bench;

/// <summary>
/// The Bewertung column: a figure against its target, both as numbers. Rows that carry no numbers get them read from
/// their German text ("12,3 s", "&lt; 30 s", "≤ 1,5", "1.024 MB"); where that is not possible, or the units do not
/// compare (seconds against pages), the row is not assessed ("—").
/// </summary>
internal static partial class BenchmarkAssessment
{
    public const string Met = "erfüllt";
    public const string Missed = "verfehlt";
    public const string NotAssessed = "—";

    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    // Factor of each unit to the base of its dimension (milliseconds, megabytes).
    private static readonly Dictionary<string, (string Dimension, double Factor)> Units = new(StringComparer.Ordinal)
    {
        ["ms"] = ("time", 1),
        ["s"] = ("time", 1_000),
        ["min"] = ("time", 60_000),
        ["KB"] = ("size", 1.0 / 1024),
        ["MB"] = ("size", 1),
        ["GB"] = ("size", 1024),
        [""] = ("number", 1),
    };

    public static Quantity? Measured(BenchmarkRow row) => row.Measured ?? ReadQuantity(row.Value, wholeText: true);

    public static BenchmarkTarget? Target(BenchmarkRow row) => row.Goal ?? ReadTarget(row.Target);

    /// <summary>The baseline as a number, only when its text starts with a number and a unit ("0,81 ms ohne …").</summary>
    public static Quantity? Baseline(BenchmarkRow row) => row.Compared ?? (ReadQuantity(row.Baseline, wholeText: false) is { Unit.Length: > 0 } q ? q : null);

    public static string Status(BenchmarkRow row)
    {
        if (row.Target.Trim() == "gleich" && row.Goal is null)
        {
            // "stored / answered": both counts must agree.
            var parts = row.Value.Split('/', StringSplitOptions.TrimEntries);
            return parts.Length == 2 && ReadQuantity(parts[0], true) is { } left && ReadQuantity(parts[1], true) is { } right
                ? left.Amount == right.Amount ? Met : Missed
                : NotAssessed;
        }

        if (Measured(row) is not { } value || Target(row) is not { } target || !Units.TryGetValue(value.Unit, out var valueUnit)
            || !Units.TryGetValue(target.Limit.Unit, out var limitUnit) || valueUnit.Dimension != limitUnit.Dimension)
        {
            return NotAssessed;
        }

        var amount = value.Amount * valueUnit.Factor;
        var limit = target.Limit.Amount * limitUnit.Factor;
        var met = target.Comparison switch
        {
            TargetComparison.LessThan => amount < limit,
            TargetComparison.AtMost => amount <= limit,
            TargetComparison.AtLeast => amount >= limit,
            TargetComparison.GreaterThan => amount > limit,
            _ => Math.Abs(amount - limit) <= 0.1 * Math.Abs(limit),
        };
        return met ? Met : Missed;
    }

    /// <summary>"12,3 s", "1.024 MB", "0,98", "12 Mio."; with <paramref name="wholeText"/> nothing may follow.</summary>
    public static Quantity? ReadQuantity(string text, bool wholeText)
    {
        var match = QuantityPattern().Match(text.Trim());
        if (!match.Success || (wholeText && match.Length != text.Trim().Length))
        {
            return null;
        }

        var amount = double.Parse(match.Groups["number"].Value, NumberStyles.AllowThousands | NumberStyles.AllowDecimalPoint, German);
        var unit = match.Groups["unit"].Value;
        return unit == "Mio." ? new Quantity(amount * 1_000_000, "") : new Quantity(amount, unit);
    }

    public static BenchmarkTarget? ReadTarget(string text)
    {
        var match = TargetPattern().Match(text.Trim());
        if (!match.Success || ReadQuantity(match.Groups["quantity"].Value, wholeText: false) is not { } limit)
        {
            return null;
        }

        var comparison = match.Groups["op"].Value switch
        {
            "<" => TargetComparison.LessThan,
            "≤" or "<=" => TargetComparison.AtMost,
            "≥" or ">=" => TargetComparison.AtLeast,
            ">" => TargetComparison.GreaterThan,
            _ => TargetComparison.About,
        };
        return new BenchmarkTarget(comparison, limit);
    }

    /// <summary>The target as the table prints it, e.g. "&lt; 3 min" or "≈ 12 Mio.".</summary>
    public static string Describe(BenchmarkTarget target)
    {
        var op = target.Comparison switch
        {
            TargetComparison.LessThan => "<",
            TargetComparison.AtMost => "≤",
            TargetComparison.AtLeast => "≥",
            TargetComparison.GreaterThan => ">",
            _ => "≈",
        };
        var amount = target.Limit.Amount;
        var number = amount >= 1_000_000 && target.Limit.Unit.Length == 0
            ? (amount / 1_000_000).ToString("#,##0.##", German) + " Mio."
            : amount.ToString("#,##0.###", German);
        return target.Limit.Unit.Length == 0 ? $"{op} {number}" : $"{op} {number} {target.Limit.Unit}";
    }

    [GeneratedRegex(@"^(?<number>\d{1,3}(\.\d{3})+(,\d+)?|\d+(,\d+)?)(\s*(?<unit>ms|s|min|KB|MB|GB|Mio\.)(?![\p{L}]))?")]
    private static partial Regex QuantityPattern();

    [GeneratedRegex(@"^(?<op><=|>=|<|>|≤|≥|≈|~)\s*(?<quantity>.+)$")]
    private static partial Regex TargetPattern();
}
