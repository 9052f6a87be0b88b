using System.Globalization;
using System.Text;
using ClosedXML.Excel;

namespace Bedarfsanalyse.Web.Features.Uploads;

/// <summary>
/// An uploaded table (.xlsx, or CSV with semicolons as German Excel writes it, or commas): a header row and data
/// rows as text, each with the row number the user sees in their program.
/// </summary>
public sealed record TableFile(IReadOnlyList<string> Headers, IReadOnlyList<TableRow> Rows)
{
    public const long MaxBytes = 5 * 1024 * 1024;

    /// <summary>
    /// Reads a CSV file, or of an .xlsx the sheet that holds the data: the one named <paramref name="sheetName"/> if
    /// there is one, else the first whose header row has all <paramref name="requiredHeaders"/> (a workbook may start
    /// with a cover and a codebook, as the analyst export does), else the first sheet. A file that is neither gives a
    /// German error.
    /// </summary>
    public static Outcome<TableFile> Read(Stream content, string fileName, string? sheetName = null, IReadOnlyCollection<string>? requiredHeaders = null)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        return extension switch
        {
            ".xlsx" => ReadWorkbook(content, sheetName, requiredHeaders ?? []),
            ".csv" or ".txt" => ReadCsv(content),
            _ => InputErrors.Of("file", $"„{fileName}“ ist weder eine Excel-Datei (.xlsx) noch eine CSV-Datei (.csv)."),
        };
    }

    /// <summary>The index of a column by one of its accepted header names (case and spacing ignored), or -1.</summary>
    public int Column(params string[] names) =>
        Headers.Select((h, i) => (Header: Normalize(h), Index: i))
            .Where(h => names.Any(n => Normalize(n) == h.Header))
            .Select(h => h.Index)
            .DefaultIfEmpty(-1)
            .First();

    private static string Normalize(string header) => header.Trim().Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();

    private static Outcome<TableFile> ReadWorkbook(Stream content, string? sheetName, IReadOnlyCollection<string> requiredHeaders)
    {
        try
        {
            using var workbook = new XLWorkbook(content);
            var sheet = workbook.Worksheets.FirstOrDefault(w => sheetName is not null && string.Equals(w.Name.Trim(), sheetName, StringComparison.OrdinalIgnoreCase))
                ?? workbook.Worksheets.FirstOrDefault(w => requiredHeaders.Count > 0 && HasHeaders(w, requiredHeaders))
                ?? workbook.Worksheets.FirstOrDefault();
            var used = sheet?.RangeUsed();
            if (sheet is null || used is null)
            {
                return InputErrors.Of("file", "Die Excel-Datei enthält keine Daten.");
            }

            var firstRow = used.FirstRow().RowNumber();
            var lastRow = used.LastRow().RowNumber();
            var lastColumn = used.LastColumn().ColumnNumber();
            var headers = Enumerable.Range(1, lastColumn).Select(c => sheet.Cell(firstRow, c).GetString().Trim()).ToList();
            var rows = new List<TableRow>();
            for (var r = firstRow + 1; r <= lastRow; r++)
            {
                var cells = Enumerable.Range(1, lastColumn).Select(c => CellText(sheet.Cell(r, c))).ToList();
                if (cells.Any(c => c.Length > 0))
                {
                    rows.Add(new TableRow(r, cells));
                }
            }

            return new TableFile(headers, rows);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return InputErrors.Of("file", "Die Datei ist keine lesbare Excel-Datei (.xlsx). Bitte speichern Sie sie in Excel als „Excel-Arbeitsmappe“.");
        }
    }

    private static bool HasHeaders(IXLWorksheet sheet, IReadOnlyCollection<string> required)
    {
        var used = sheet.RangeUsed();
        if (used is null)
        {
            return false;
        }

        var row = used.FirstRow().RowNumber();
        var headers = Enumerable.Range(1, used.LastColumn().ColumnNumber()).Select(c => Normalize(sheet.Cell(row, c).GetString())).ToHashSet();
        return required.All(h => headers.Contains(Normalize(h)));
    }

    // Dates as the import reads them (TT.MM.JJJJ), numbers without thousands separators and with a decimal point.
    private static string CellText(IXLCell cell) => cell.DataType switch
    {
        XLDataType.Number => cell.GetDouble().ToString(CultureInfo.InvariantCulture),
        XLDataType.DateTime => cell.GetDateTime().ToString("dd.MM.yyyy", CultureInfo.InvariantCulture),
        _ => cell.GetString().Trim(),
    };

    private static Outcome<TableFile> ReadCsv(Stream content)
    {
        using var reader = new StreamReader(content, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        var text = reader.ReadToEnd();
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            return InputErrors.Of("file", "Die Datei ist keine Textdatei (CSV).");
        }

        var firstLine = text.Split('\n', 2)[0];
        var delimiter = firstLine.Count(c => c == ';') >= firstLine.Count(c => c == ',') ? ';' : ',';
        List<string>? headers = null;
        var rows = new List<TableRow>();
        var number = 0;
        foreach (var record in CsvRecords.Parse(text, delimiter))
        {
            number++;
            var cells = record.Select(c => c.Trim()).ToList();
            if (headers is null)
            {
                headers = cells;
            }
            else if (cells.Any(c => c.Length > 0))
            {
                rows.Add(new TableRow(number, cells));
            }
        }

        return headers is null
            ? InputErrors.Of("file", "Die CSV-Datei ist leer.")
            : new TableFile(headers, rows);
    }
}

/// <summary>One data row; <see cref="Number"/> is the row number in the user's file (the header is row 1).</summary>
public sealed record TableRow(int Number, IReadOnlyList<string> Cells)
{
    public string Cell(int column) => column >= 0 && column < Cells.Count ? Cells[column] : "";
}
