using System.Globalization;
using Bedarfsanalyse.Core.Formatting;
using ClosedXML.Excel;

namespace Bedarfsanalyse.XlsForm;

/// <summary>A column of a sheet: its 1-based number, its header as written and as parsed.</summary>
internal sealed record SheetColumn(int Number, string Header, ColumnName Name)
{
    public string Letter => XLHelper.GetColumnLetterFromNumber(Number);
}

/// <summary>A data row of a sheet with its Excel row number; cells are trimmed strings, "" when empty.</summary>
internal sealed record SheetRow(int Number, string[] Cells)
{
    public string this[SheetColumn? column] => column is null ? "" : Cells[column.Number - 1];

    public bool IsEmpty => Cells.All(c => c.Length == 0);
}

/// <summary>A sheet read into strings once, so that the mapping never touches ClosedXML and its exceptions.</summary>
internal sealed class SheetTable
{
    public const int MaxRows = 20_000;
    public const int MaxColumns = 300;

    private SheetTable(string name, List<SheetColumn> columns, List<SheetRow> rows)
    {
        Name = name;
        Columns = columns;
        Rows = rows;
    }

    /// <summary>The sheet name in lower case ("survey", "choices", "settings"), as messages name it.</summary>
    public string Name { get; }

    public IReadOnlyList<SheetColumn> Columns { get; }

    public IReadOnlyList<SheetRow> Rows { get; }

    /// <summary>The first column whose parsed base name is <paramref name="baseName"/> and that has no language.</summary>
    public SheetColumn? Column(string baseName) => Columns.FirstOrDefault(c => c.Name.Base == baseName && c.Name.Language is null);

    public IEnumerable<SheetColumn> ColumnsOf(string baseName) => Columns.Where(c => c.Name.Base == baseName);

    public static SheetTable? Read(IXLWorksheet worksheet, string name, List<XlsFormMessage> errors)
    {
        var lastRow = worksheet.LastRowUsed()?.RowNumber() ?? 0;
        var lastColumn = worksheet.LastColumnUsed()?.ColumnNumber() ?? 0;
        if (lastRow > MaxRows + 1 || lastColumn > MaxColumns)
        {
            errors.Add(new XlsFormMessage(name, null, null, null, null,
                $"Das Blatt ist zu groß (höchstens {GermanFigureFormat.Count(MaxRows)} Zeilen und {MaxColumns} Spalten)."));
            return null;
        }

        var columns = new List<SheetColumn>();
        var seen = new Dictionary<string, SheetColumn>(StringComparer.OrdinalIgnoreCase);
        for (var number = 1; number <= lastColumn; number++)
        {
            var header = CellText(worksheet.Cell(1, number), name, errors);
            if (header.Length == 0)
            {
                continue;
            }

            var column = new SheetColumn(number, header, ColumnName.Parse(header));
            if (seen.TryGetValue(column.Name.Key, out var earlier))
            {
                errors.Add(new XlsFormMessage(name, 1, header, column.Letter, null, $"Die Spalte gibt es doppelt (auch in Spalte {earlier.Letter})."));
                continue;
            }

            seen[column.Name.Key] = column;
            columns.Add(column);
        }

        var rows = new List<SheetRow>();
        for (var number = 2; number <= lastRow; number++)
        {
            var cells = new string[lastColumn];
            Array.Fill(cells, "");
            foreach (var column in columns)
            {
                cells[column.Number - 1] = CellText(worksheet.Cell(number, column.Number), name, errors);
            }

            var row = new SheetRow(number, cells);
            if (!row.IsEmpty)
            {
                rows.Add(row);
            }
        }

        return new SheetTable(name, columns, rows);
    }

    private static string CellText(IXLCell cell, string sheet, List<XlsFormMessage> errors)
    {
        try
        {
            return cell.Value switch
            {
                null => "",
                string text => text.Replace("\r\n", "\n").Trim(),
                double number when number == Math.Floor(number) && Math.Abs(number) < 1e15 => ((long)number).ToString(CultureInfo.InvariantCulture),
                double number => number.ToString("R", CultureInfo.InvariantCulture),
                bool flag => flag ? "true" : "false",
                DateTime date when date.TimeOfDay == TimeSpan.Zero => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                DateTime date => date.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                var other => Convert.ToString(other, CultureInfo.InvariantCulture)?.Trim() ?? "",
            };
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            errors.Add(new XlsFormMessage(sheet, cell.Address.RowNumber, null, cell.Address.ColumnLetter, null,
                "Die Zelle kann nicht gelesen werden (eine Formel, die sich nicht berechnen lässt?). Tragen Sie den Wert direkt ein."));
            return "";
        }
    }
}
