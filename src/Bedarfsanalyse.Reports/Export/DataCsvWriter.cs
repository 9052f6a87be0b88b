using System.Globalization;
using System.Text;
using Bedarfsanalyse.Reports.Excel;

namespace Bedarfsanalyse.Reports.Export;

/// <summary>
/// One data set as CSV for German Excel, SPSS and R: semicolon, UTF-8 with BOM, decimal comma without thousands
/// separators, dates TT.MM.JJJJ, the same columns and codes as the data sheet. Text that a spreadsheet would read as a
/// formula (starting with = + - @, tab or carriage return) gets a leading apostrophe (CSV injection, see <see cref="Neutralise"/>).
/// </summary>
public static class DataCsvWriter
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    /// <summary>Writes the rows; returns how many.</summary>
    public static async Task<long> WriteAsync(QuestionnaireDataSet set, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(set);
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 1 << 16, leaveOpen: true);
        writer.NewLine = "\r\n";
        var line = new StringBuilder();
        foreach (var name in InterviewColumns.All.Select(c => c.Name).Concat(set.Layout.Columns.Select(c => c.Name)))
        {
            Append(line, name);
        }

        await WriteLineAsync(writer, line);
        long rows = 0;
        await foreach (var row in set.Rows(cancellationToken).WithCancellation(cancellationToken))
        {
            foreach (var column in InterviewColumns.All)
            {
                Append(line, Format(column.Value(row)));
            }

            foreach (var cell in row.Cells)
            {
                Append(line, Format(cell));
            }

            await WriteLineAsync(writer, line);
            rows++;
        }

        return rows;
    }

    private static async Task WriteLineAsync(StreamWriter writer, StringBuilder line)
    {
        line.Length--; // the last separator
        await writer.WriteLineAsync(line);
        line.Clear();
    }

    /// <summary>The cell as the CSV shows it (before quoting).</summary>
    public static string Format(object? value) => value switch
    {
        null => "",
        string text => Neutralise(DataSheetWriter.Clean(text)),
        int number => number.ToString(CultureInfo.InvariantCulture),
        long number => number.ToString(CultureInfo.InvariantCulture),
        decimal number => number.ToString("0.##########", German),
        double number => number.ToString("0.##########", German),
        DateOnly date => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture),
        _ => Neutralise(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""),
    };

    /// <summary>
    /// Text that starts like a formula gets a leading apostrophe (OWASP's advice against CSV injection). So that
    /// removing one apostrophe always gives the answer back, a text of apostrophes followed by such a character gets
    /// one too: the SPSS syntax and a re-import strip one apostrophe exactly where apostrophes and then = + - @ tab or
    /// CR begin the text.
    /// </summary>
    public static string Neutralise(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var first = text.AsSpan().TrimStart('\'');
        return first.Length > 0 && first[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
    }

    private static void Append(StringBuilder line, string text)
    {
        if (text.AsSpan().IndexOfAny(";\"\r\n") >= 0)
        {
            line.Append('"').Append(text.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
        }
        else
        {
            line.Append(text);
        }

        line.Append(';');
    }
}
