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
        text.AppendLine("SET UNICODE=ON DECIMAL=COMMA.");
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
            text.AppendLine(CultureInfo.InvariantCulture, $"    {column.Name} {Format(column.Kind, column.Name == "interview_id" ? 36 : 40)}");
        }

        foreach (var column in set.Layout.Columns)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"    {column.Name} {Format(column)}");
        }

        text.AppendLine(".");
        text.AppendLine("CACHE.");
        text.AppendLine("EXECUTE.");
        text.AppendLine();
        text.AppendLine("VARIABLE LABELS");
        var labels = InterviewColumns.All.Select(c => (c.Name, c.Label)).Concat(set.Layout.Columns.Select(c => (c.Name, c.Label))).ToList();
        for (var i = 0; i < labels.Count; i++)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {labels[i].Name} {Quote(Cut(labels[i].Label))}{(i == labels.Count - 1 ? "." : " /")}");
        }

        var labelled = set.Layout.Columns.Where(c => c.ValueLabels.Count > 0).ToList();
        if (labelled.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("VALUE LABELS");
            for (var i = 0; i < labelled.Count; i++)
            {
                var column = labelled[i];
                text.AppendLine(CultureInfo.InvariantCulture, $"  {column.Name}");
                foreach (var value in column.ValueLabels)
                {
                    var code = column.Kind == FlatColumnKind.Flag ? value.Code : Quote(value.Code);
                    text.AppendLine(CultureInfo.InvariantCulture, $"    {code} {Quote(Cut(value.Label))}");
                }

                text.AppendLine(i == labelled.Count - 1 ? "." : "  /");
            }
        }

        var nominal = set.Layout.Columns.Where(c => c.Kind is FlatColumnKind.Flag).Select(c => c.Name).ToList();
        if (nominal.Count > 0)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"VARIABLE LEVEL {string.Join(" ", nominal)} (NOMINAL).");
        }

        var ordinal = set.Layout.Columns.Where(c => c.Kind is FlatColumnKind.Rank).Select(c => c.Name).ToList();
        if (ordinal.Count > 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"VARIABLE LEVEL {string.Join(" ", ordinal)} (ORDINAL).");
        }

        text.AppendLine("EXECUTE.");
        return text.ToString();
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

    private static string Format(DataColumnKind kind, int textWidth) => kind switch
    {
        DataColumnKind.Integer => "F10.0",
        DataColumnKind.Decimal => "F12.3",
        DataColumnKind.Date => "EDATE10",
        _ => $"A{textWidth}",
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
