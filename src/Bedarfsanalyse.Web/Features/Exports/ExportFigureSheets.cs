using Bedarfsanalyse.Core.Formatting;
using Bedarfsanalyse.Reports.Export;
using Bedarfsanalyse.Reports.Quarterly;
using Bedarfsanalyse.Reports.Templates;

namespace Bedarfsanalyse.Web.Features.Exports;

/// <summary>
/// The aggregate and trend sheets of the workbook, built from the same <see cref="IDistrictReportData"/> and the same
/// template blocks as the quarterly PDF: the figures are the PDF's, with its intervals, n and suppression symbols.
/// Nothing is computed here; figures are only selected and laid out as tables.
/// </summary>
internal static class ExportFigureSheets
{
    private static readonly FigureColumn[] FigureColumns =
    [
        new("Abschnitt", FigureKind.Text), new("Kennzahl", FigureKind.Text), new("Antwort", FigureKind.Text),
        new("Wert", FigureKind.Text), new("95-%-Konfidenzintervall", FigureKind.Text), new("n (ungewichtet)", FigureKind.Count),
        new("Anteil in %", FigureKind.Percent),
    ];

    public const string Note = "Wert wie im Quartalsbericht: „.“ geheim, „/“ nicht ausreichend belastbar, „( )“ eingeschränkt belastbar, „–“ nichts vorhanden, „p“ vorläufige, „r“ berichtigte Zahl. „Anteil in %“ nur, wo der Wert gezeigt werden darf.";

    /// <summary>One sheet per district: every figure of the report's result sections.</summary>
    /// <param name="periodNote">For an export of several quarters: which quarter the figures are of.</param>
    public static FigureSheet District(IDistrictReportData data, ReportTemplate template, string? periodNote = null)
    {
        var rows = new List<object?[]>();
        var seen = new HashSet<(string?, string?, string?)>();
        foreach (var section in template.Sections)
        {
            foreach (var block in section.Blocks)
            {
                var title = block.Title ?? block.Question ?? "";
                switch (block.Kind)
                {
                    case BlockKind.FieldTargets:
                        foreach (var line in data.FieldTargets)
                        {
                            rows.Add([section.Title, "Interviews nach Befragtengruppe" + (line.Target is { } t ? $" (Soll {GermanFigureFormat.Count(t)})" : ""), line.Group,
                                GermanFigureFormat.Count(line.Interviews), "", line.Interviews, null]);
                        }

                        break;
                    case BlockKind.Distribution:
                        foreach (var count in data.Distribution(block.Questionnaire!, block.Question!))
                        {
                            rows.Add([section.Title, title, count.Label, count.Text, "", null, null]);
                        }

                        break;
                    case BlockKind.Indicator when seen.Add((block.Questionnaire, block.Question, block.Value)):
                        rows.Add(Share(section.Title, title, data.Share(block.Questionnaire!, block.Question!, block.Value!), null));
                        break;
                    case BlockKind.Bars or BlockKind.Table when seen.Add((block.Questionnaire, block.Question, null)):
                        rows.AddRange(data.Shares(block.Questionnaire!, block.Question!).Select(s => Share(section.Title, title, s, s.Label)));
                        break;
                    case BlockKind.Numeric when seen.Add((block.Questionnaire, block.Question, null)):
                        var number = data.Number(block.Questionnaire!, block.Question!);
                        rows.Add([section.Title, title, "Summe", number.SumText, "", number.Mean.UnweightedN, null]);
                        rows.Add([section.Title, title, "Mittelwert", number.MeanText, number.MeanIntervalText, number.Mean.UnweightedN, null]);
                        rows.Add([section.Title, title, "Median", number.MedianText, "", number.Mean.UnweightedN, null]);
                        break;
                    case BlockKind.Matrix when seen.Add((block.Questionnaire, block.Question, null)):
                        foreach (var line in data.Matrix(block.Questionnaire!, block.Question!).Rows)
                        {
                            // As in the report's stacked bar: one hidden answer hides the row, or 100 % minus the others would tell it.
                            var hidden = line.HiddenShare;
                            rows.AddRange(line.Shares.Select(s => hidden is null
                                ? Share(section.Title, title, s, $"{line.Label} – {s.Label}")
                                : [section.Title, title, $"{line.Label} – {s.Label}", hidden.Text, "", s.Estimate.UnweightedN, null]));
                        }

                        break;
                    case BlockKind.HeatMap:
                        var matrix = data.ByEmployeeGroup(block.Question!);
                        foreach (var row in matrix.Rows)
                        {
                            for (var g = 0; g < matrix.Groups.Count && g < row.Cells.Count; g++)
                            {
                                rows.Add(Share(section.Title, title, row.Cells[g], $"{row.Label} – {matrix.Groups[g].Label}"));
                            }
                        }

                        break;
                    case BlockKind.Comparison:
                        foreach (var line in data.Compare(block.Question!, block.CompareWith!))
                        {
                            rows.Add(Share(section.Title, title, line.Employers, $"{line.Label} – Betriebe"));
                            rows.Add(Share(section.Title, title, line.Employees, $"{line.Label} – Beschäftigte"));
                        }

                        break;
                }
            }
        }

        return new FigureSheet($"Kreis {data.DistrictKey}", $"{data.DistrictName} ({data.DistrictKey}) – {data.Quarter.ToGermanLongString()}", WithPeriod(periodNote), FigureColumns, rows);
    }

    /// <summary>The network total beside every district, for each indicator of the report.</summary>
    public static FigureSheet Network(IDistrictReportData data, ReportTemplate template, string? periodNote = null)
    {
        var rows = new List<object?[]>();
        var seen = new HashSet<(string?, string?, string?)>();
        foreach (var block in template.Sections.SelectMany(s => s.Blocks))
        {
            if (block.Kind is not (BlockKind.Indicator or BlockKind.Regional) || !seen.Add((block.Questionnaire, block.Question, block.Value)))
            {
                continue;
            }

            var title = block.Title ?? block.Question ?? "";
            var regional = data.Regional(block.Questionnaire!, block.Question!, block.Value!);
            rows.Add(Share("Verbund insgesamt", title, regional.Network, ""));
            foreach (var line in regional.Districts)
            {
                rows.Add(Share(line.DistrictName, title, line.Share, line.DistrictKey));
            }
        }

        return new FigureSheet("Verbund", $"{data.NetworkName}: Verbund und Landkreise – {data.Quarter.ToGermanLongString()}", WithPeriod(periodNote),
        [
            new("Gebiet", FigureKind.Text), new("Kennzahl", FigureKind.Text), new("Kreisschlüssel", FigureKind.Text),
            new("Wert", FigureKind.Text), new("95-%-Konfidenzintervall", FigureKind.Text), new("n (ungewichtet)", FigureKind.Count),
            new("Anteil in %", FigureKind.Percent),
        ], rows);
    }

    /// <summary>
    /// Quarterly and rolling values of each trend indicator, per district: the points, texts and changes of the
    /// report's trend block (its table prints the same Wert, KI, n and gleitend; its sentences the same changes).
    /// </summary>
    public static FigureSheet Trends(IEnumerable<IDistrictReportData> districts, ReportTemplate template, string periodText)
    {
        var rows = new List<object?[]>();
        var blocks = template.Sections.SelectMany(s => s.Blocks).Where(b => b.Kind == BlockKind.Trend).ToList();
        foreach (var data in districts)
        {
            foreach (var block in blocks)
            {
                var trend = data.Trend(block.Questionnaire!, block.Question!, block.Value!);
                var title = block.Title ?? block.Question ?? "";
                foreach (var point in trend.Points)
                {
                    var current = point.Quarter == data.Quarter;
                    rows.Add([data.DistrictKey, data.DistrictName, title, point.Quarter.ToString(), point.Quarterly.Text, point.Quarterly.IntervalText,
                        point.Quarterly.Estimate.UnweightedN, Percent(point.Quarterly), point.Rolling?.Text ?? "–", point.Rolling is { } rolling ? Percent(rolling) : null,
                        current ? ChangeText(trend.ChangeToSameQuarterPreviousYear) : "", current ? ChangeInterval(trend.ChangeToSameQuarterPreviousYear) : "",
                        current ? ChangeText(trend.ChangeToPreviousQuarter) : "", current ? ChangeInterval(trend.ChangeToPreviousQuarter) : ""]);
                }
            }
        }

        return new FigureSheet("Zeitverlauf", $"Entwicklung im Zeitverlauf (bis {periodText})",
            Note + " Wie im Quartalsbericht die Quartale seines Zeitverlaufs; Veränderungen in Prozentpunkten mit 95-%-Konfidenzintervall (Newcombe).",
        [
            new("Kreisschlüssel", FigureKind.Text), new("Kreis", FigureKind.Text), new("Kennzahl", FigureKind.Text), new("Quartal", FigureKind.Text),
            new("Wert", FigureKind.Text), new("95-%-Konfidenzintervall", FigureKind.Text), new("n (ungewichtet)", FigureKind.Count),
            new("Anteil in %", FigureKind.Percent), new("Gleitender Wert (4 Quartale)", FigureKind.Text), new("Gleitend in %", FigureKind.Percent),
            new("Veränderung zum Vorjahresquartal", FigureKind.Text), new("95-%-KI der Veränderung zum Vorjahresquartal", FigureKind.Text),
            new("Veränderung zum Vorquartal", FigureKind.Text), new("95-%-KI der Veränderung zum Vorquartal", FigureKind.Text),
        ], rows);
    }

    private static string WithPeriod(string? periodNote) => periodNote is null ? Note : periodNote + " " + Note;

    private static string ChangeText(Core.Statistics.DifferenceEstimate? change) =>
        change is { HasData: true } ? GermanFigureFormat.Change(change) : "kein Vergleichswert";

    private static string ChangeInterval(Core.Statistics.DifferenceEstimate? change) =>
        change is { HasData: true, Interval: { } interval } ? GermanFigureFormat.PercentagePointInterval(interval) : "";

    private static double? Percent(ShareFigure share) => share.ShownPercent is { } p ? Math.Round(p, 1) : null;

    private static object?[] Share(string section, string title, ShareFigure share, string? answer) =>
        [section, title, answer ?? share.Label, share.Text, share.IntervalText, share.Estimate.UnweightedN, Percent(share)];
}
