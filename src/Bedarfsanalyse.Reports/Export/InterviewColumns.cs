using Bedarfsanalyse.Reports.Excel;

namespace Bedarfsanalyse.Reports.Export;

/// <summary>
/// The leading columns of every data sheet, CSV and SPSS file: first those the interview import reads back
/// (interview_id, version, kreis, befragtengruppe, datum, einwilligung; ADR 0012), then what the analyst needs to
/// cut by. An establishment appears only by its pseudonym, never by name.
/// </summary>
public static class InterviewColumns
{
    public const string Weight = "gewicht";

    public static IReadOnlyList<InterviewColumn> All { get; } =
    [
        new("interview_id", "Interview-ID (zufällig, ohne Bezug zur Person oder zum Betrieb)", DataColumnKind.Text, 38, r => r.InterviewId.ToString()),
        new("version", "Version des Fragebogens", DataColumnKind.Integer, 9, r => (long)r.Version),
        new("kreis", "Kreisschlüssel", DataColumnKind.Text, 8, r => r.DistrictKey),
        new("befragtengruppe", "Befragtengruppe (Code)", DataColumnKind.Text, 20, r => r.RespondentGroup),
        new("datum", "Datum des Interviews", DataColumnKind.Date, 12, r => r.ConductedOn),
        new("einwilligung", "Einwilligung dokumentiert (1 = ja)", DataColumnKind.Integer, 13, _ => 1L) { FixedLabels = [new("1", "ja")] },
        new("kreis_name", "Name des Kreises", DataColumnKind.Text, 22, r => r.DistrictName),
        new("quartal", "Quartal des Interviews", DataColumnKind.Text, 10, r => r.Quarter),
        new("pseudonym", "Pseudonym des Betriebs (nur Betriebsbefragung)", DataColumnKind.Text, 14, r => r.Pseudonym),
        new("wirtschaftszweig", "Wirtschaftszweig des Betriebs (WZ-Abschnitt, nur Betriebsbefragung)", DataColumnKind.Text, 17, r => r.Sector),
        new("groessenklasse", "Größenklasse des Betriebs (aus der Beschäftigtenzahl, nur Betriebsbefragung)", DataColumnKind.Text, 15, r => r.SizeClass),
        new(Weight, "Gewicht im Quartal (Betriebe: Kreis × Größenklasse × Wirtschaftsgruppe, Beschäftigte: Kreis; 1 = ungewichtet)", DataColumnKind.Decimal, 10, r => r.Weight),
    ];
}

/// <summary>One leading column: variable name, German label, kind, width and how a row gives its value.</summary>
/// <remarks><see cref="FixedLabels"/>: value labels that do not depend on the network (otherwise from the data set).</remarks>
public sealed record InterviewColumn(string Name, string Label, DataColumnKind Kind, double Width, Func<InterviewRow, object?> Value)
{
    public IReadOnlyList<Core.Questionnaires.Tabular.ValueLabel>? FixedLabels { get; init; }
}
