using System.Globalization;
using System.Text;
using Bedarfsanalyse.Core.Questionnaires;
using Bedarfsanalyse.Core.Questionnaires.Tabular;
using Bedarfsanalyse.Reports.Excel;

namespace Bedarfsanalyse.Reports.Export;

/// <summary>
/// SPSS syntax (.sps) that reads the CSV of <see cref="DataCsvWriter"/> (GET DATA with semicolon, quotes, UTF-8,
/// decimal comma) and sets variable labels, value labels and measurement levels from the flat layout.
/// </summary>
public static class SpssSyntaxWriter
{
    private const int LabelLimit = 255;

    public static string Write(QuestionnaireDataSet set, string csvFileName)
    {
        ArgumentNullException.ThrowIfNull(set);
        var text = new StringBuilder();
        text.AppendLine("* Encoding: UTF-8.");
        text.AppendLine(CultureInfo.InvariantCulture, $"* {Comment(set.Title)}: Daten aus {csvFileName}, Versionen {string.Join(", ", set.Versions)}.");
        text.AppendLine("* Freitexte, die mit = + - oder @ beginnen, stehen in der CSV-Datei mit einem vorangestellten Apostroph (Schutz vor");
        text.AppendLine("* Formeln in Tabellenprogrammen); diese Syntax entfernt ihn nach dem Einlesen wieder.");
        text.AppendLine(CultureInfo.InvariantCulture, $"* Gewichtet auswerten: WEIGHT BY {InterviewColumns.Weight}. Die Gewichte gelten je Quartal (Summe je Quartal = Grundgesamtheit).");
        // SPSS reads the UTF-8 file through ENCODING in either mode; SET UNICODE would stop PSPP at the SET command.
        text.AppendLine("SET DECIMAL=COMMA.");
        text.AppendLine("GET DATA /TYPE=TXT");
        text.AppendLine(CultureInfo.InvariantCulture, $"  /FILE={Quote(csvFileName)}");
        text.AppendLine("  /ENCODING='UTF8'");
        text.AppendLine("  /DELCASE=LINE");
        text.AppendLine("  /DELIMITERS=\";\"");
        text.AppendLine("  /QUALIFIER='\"'");
        text.AppendLine("  /ARRANGEMENT=DELIMITED");
        text.AppendLine("  /FIRSTCASE=2");
        text.AppendLine("  /VARIABLES=");
        foreach (var column in InterviewColumns.All)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"    {column.Name} {Format(column, set.LabelsOf(column))}");
        }

        foreach (var column in set.Layout.Columns)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"    {column.Name} {Format(column)}");
        }

        text.AppendLine(".");
        text.AppendLine("CACHE.");
        text.AppendLine("EXECUTE.");

        var texts = set.Layout.Columns.Where(c => c.Kind == FlatColumnKind.Text).Select(c => c.Name).ToList();
        if (texts.Count > 0)
        {
            // The inverse of DataCsvWriter.Neutralise: one apostrophe goes where apostrophes and then = + - @ follow.
            text.AppendLine();
            text.AppendLine("STRING #erstes (A1).");
            AppendNames(text, "DO REPEAT v = ", texts, ".");
            text.AppendLine("  COMPUTE #erstes = SUBSTR(LTRIM(v, \"'\"), 1, 1).");
            text.AppendLine("  IF (SUBSTR(v, 1, 1) = \"'\" AND ANY(#erstes, \"=\", \"+\", \"-\", \"@\")) v = SUBSTR(v, 2).");
            text.AppendLine("END REPEAT.");
            text.AppendLine("EXECUTE.");
        }

        text.AppendLine();
        text.AppendLine("VARIABLE LABELS");
        var labels = InterviewColumns.All.Select(c => (c.Name, c.Label)).Concat(set.Layout.Columns.Select(c => (c.Name, c.Label))).ToList();
        for (var i = 0; i < labels.Count; i++)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {labels[i].Name} {Quote(Cut(labels[i].Label))}{(i == labels.Count - 1 ? "." : " /")}");
        }

        var labelled = InterviewColumns.All.Select(c => (c.Name, Numeric: c.Kind != DataColumnKind.Text, Labels: set.LabelsOf(c)))
            .Concat(set.Layout.Columns.Select(c => (c.Name, Numeric: c.Kind is FlatColumnKind.Flag, Labels: c.ValueLabels)))
            .Where(c => c.Labels.Count > 0)
            .ToList();
        if (labelled.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("VALUE LABELS");
            for (var i = 0; i < labelled.Count; i++)
            {
                var column = labelled[i];
                text.AppendLine(CultureInfo.InvariantCulture, $"  {column.Name}");
                foreach (var value in column.Labels)
                {
                    var code = column.Numeric ? value.Code : Quote(value.Code);
                    text.AppendLine(CultureInfo.InvariantCulture, $"    {code} {Quote(Cut(value.Label))}");
                }

                text.AppendLine(i == labelled.Count - 1 ? "." : "  /");
            }
        }

        var nominal = set.Layout.Columns.Where(c => c.Kind is FlatColumnKind.Flag).Select(c => c.Name).Append("einwilligung").ToList();
        text.AppendLine();
        AppendNames(text, "VARIABLE LEVEL ", nominal, " (NOMINAL).");
        var ordinal = set.Layout.Columns.Where(c => c.Kind is FlatColumnKind.Rank).Select(c => c.Name).ToList();
        if (ordinal.Count > 0)
        {
            AppendNames(text, "VARIABLE LEVEL ", ordinal, " (ORDINAL).");
        }

        text.AppendLine("EXECUTE.");
        return text.ToString();
    }

    /// <summary>A command with a long list of variable names, eight to a line.</summary>
    private static void AppendNames(StringBuilder text, string command, IReadOnlyList<string> names, string end)
    {
        text.Append(command);
        for (var i = 0; i < names.Count; i++)
        {
            text.Append(i > 0 && i % 8 == 0 ? "\n    " : i > 0 ? " " : "").Append(names[i]);
        }

        text.AppendLine(end);
    }

    private static string Format(FlatColumn column) => column.Kind switch
    {
        FlatColumnKind.Flag => "F1.0",
        FlatColumnKind.Rank => "F3.0",
        FlatColumnKind.Number => column.Type == QuestionType.Integer ? "F10.0" : "F12.3",
        FlatColumnKind.Date => "EDATE10",
        FlatColumnKind.Code => $"A{Math.Max(1, column.ValueLabels.Select(v => Encoding.UTF8.GetByteCount(v.Code)).DefaultIfEmpty(8).Max())}",
        FlatColumnKind.Text => "A2000",
        _ => "A255",
    };

    private static string Format(InterviewColumn column, IReadOnlyList<ValueLabel> labels) => column.Kind switch
    {
        DataColumnKind.Integer => "F10.0",
        DataColumnKind.Decimal => column.Name == InterviewColumns.Weight ? "F14.4" : "F12.3",
        DataColumnKind.Date => "EDATE10",
        _ when column.Name == "interview_id" => "A36",
        _ when labels.Count > 0 => $"A{Math.Max(8, labels.Max(v => Encoding.UTF8.GetByteCount(v.Code)))}",
        _ => "A40",
    };

    private static string Cut(string label)
    {
        // SPSS counts bytes; cut on a character boundary below the limit.
        if (Encoding.UTF8.GetByteCount(label) <= LabelLimit)
        {
            return label;
        }

        var end = label.Length;
        while (Encoding.UTF8.GetByteCount(label.AsSpan(0, end)) > LabelLimit - 3)
        {
            end--;
        }

        return label[..end] + "...";
    }

    private static string Quote(string text) => "'" + DataSheetWriter.Clean(text).Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal) + "'";

    private static string Comment(string text) => text.Replace(".", "", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
