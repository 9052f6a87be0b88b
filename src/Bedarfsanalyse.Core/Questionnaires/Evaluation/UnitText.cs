using Bedarfsanalyse.Core.Formatting;

namespace Bedarfsanalyse.Core.Questionnaires.Evaluation;

/// <summary>
/// A bound with its unit in a message: "100.000 Personen", "1 Person", "5 €". Units are written in the plural in
/// questionnaires; for exactly one the singular of common units is used, and where it is not known (or depends on
/// gender, as with "Beschäftigte") the unit is named apart ("1 (Einheit: Beschäftigte)") instead of being put next to the 1.
/// </summary>
internal static class UnitText
{
    private static readonly Dictionary<string, string> Singulars = new(StringComparer.Ordinal)
    {
        ["Personen"] = "Person",
        ["Tage"] = "Tag",
        ["Arbeitstage"] = "Arbeitstag",
        ["Jahre"] = "Jahr",
        ["Monate"] = "Monat",
        ["Wochen"] = "Woche",
        ["Stunden"] = "Stunde",
        ["Minuten"] = "Minute",
        ["Plätze"] = "Platz",
        ["Stellen"] = "Stelle",
        ["Verträge"] = "Vertrag",
        ["Kurse"] = "Kurs",
        ["Kilometer"] = "Kilometer",
        ["Euro"] = "Euro",
        ["Prozent"] = "Prozent",
    };

    public static string Amount(decimal value, string? unit)
    {
        var figure = GermanFigureFormat.Exact(value);
        if (string.IsNullOrWhiteSpace(unit))
        {
            return figure;
        }

        // Symbols (€, %, km) and anything not starting with a word do not change with the number.
        if (Math.Abs(value) != 1 || !char.IsLetter(unit[0]))
        {
            return $"{figure} {unit}";
        }

        var words = unit.Split(' ', 2);
        return Singulars.TryGetValue(words[0], out var singular)
            ? $"{figure} {singular}{(words.Length > 1 ? " " + words[1] : "")}"
            : $"{figure} (Einheit: {unit})";
    }
}
