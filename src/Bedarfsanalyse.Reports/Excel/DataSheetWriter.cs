using System.Globalization;
using System.Text;
using System.Xml;

namespace Bedarfsanalyse.Reports.Excel;

/// <summary>
/// Writes the rows of one data sheet as a forward-only XML stream (SAX style: nothing but the current cell in memory),
/// so memory does not grow with the row count. Empty cells are left out (every written cell carries its reference),
/// which keeps sparse survey data small and fast. Text is written as inline strings: never a formula, whatever it
/// starts with, and without characters XML (and so Excel) rejects.
/// </summary>
public sealed class DataSheetWriter
{
    /// <summary>Excel's limit for the text of one cell.</summary>
    public const int MaxCellText = 32_767;

    internal const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private readonly XmlWriter _writer;
    private readonly IReadOnlyList<DataColumn> _columns;
    private readonly string[] _columnNames;
    private readonly string _integerStyle;
    private readonly string _decimalStyle;
    private readonly string _dateStyle;
    private int _cellsInRow = -1;
    private string _rowText = "1";

    internal DataSheetWriter(XmlWriter writer, IReadOnlyList<DataColumn> columns, NumberStyles styles)
    {
        _writer = writer;
        _columns = columns;
        _columnNames = [.. Enumerable.Range(1, columns.Count).Select(WorkbookAssembler.ColumnName)];
        _integerStyle = styles.Integer.ToString(CultureInfo.InvariantCulture);
        _decimalStyle = styles.Decimal.ToString(CultureInfo.InvariantCulture);
        _dateStyle = styles.Date.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Data rows written so far (the header row not counted).</summary>
    public long Rows { get; private set; }

    public void BeginRow()
    {
        if (_cellsInRow >= 0)
        {
            throw new InvalidOperationException("Die vorige Zeile wurde nicht abgeschlossen.");
        }

        _rowText = (Rows + 2).ToString(CultureInfo.InvariantCulture);
        _writer.WriteStartElement("row", Main);
        _writer.WriteAttributeString("r", _rowText);
        _cellsInRow = 0;
    }

    public void Text(string? value)
    {
        Next();
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        // A text of nothing but control characters is empty once cleaned: no cell, like an empty answer.
        var clean = Clean(value);
        if (clean.Length == 0)
        {
            return;
        }

        StartCell(null, "inlineStr");
        _writer.WriteStartElement("is", Main);
        _writer.WriteStartElement("t", Main);
        if (char.IsWhiteSpace(clean[0]) || char.IsWhiteSpace(clean[^1]))
        {
            _writer.WriteAttributeString("xml", "space", null, "preserve");
        }

        _writer.WriteString(clean);
        _writer.WriteEndElement();
        _writer.WriteEndElement();
        _writer.WriteEndElement();
    }

    public void Number(decimal? value)
    {
        Next();
        if (value is not { } number)
        {
            return;
        }

        StartCell(_columns[_cellsInRow - 1].Kind == DataColumnKind.Integer ? _integerStyle : _decimalStyle, null);
        _writer.WriteStartElement("v", Main);
        _writer.WriteValue(number);
        _writer.WriteEndElement();
        _writer.WriteEndElement();
    }

    public void Number(long? value)
    {
        Next();
        if (value is not { } number)
        {
            return;
        }

        StartCell(_columns[_cellsInRow - 1].Kind == DataColumnKind.Decimal ? _decimalStyle : _integerStyle, null);
        _writer.WriteStartElement("v", Main);
        _writer.WriteValue(number);
        _writer.WriteEndElement();
        _writer.WriteEndElement();
    }

    public void Date(DateOnly? value)
    {
        Next();
        if (value is not { } date)
        {
            return;
        }

        // Excel counts days from 1899-12-30 (its 1900 leap-year quirk included); the style shows TT.MM.JJJJ.
        StartCell(_dateStyle, null);
        _writer.WriteStartElement("v", Main);
        _writer.WriteValue(date.DayNumber - ExcelEpoch);
        _writer.WriteEndElement();
        _writer.WriteEndElement();
    }

    public void Empty() => Next();

    public void EndRow()
    {
        if (_cellsInRow != _columns.Count)
        {
            throw new InvalidOperationException($"Eine Zeile hat {_cellsInRow} statt {_columns.Count} Zellen.");
        }

        _writer.WriteEndElement();
        _cellsInRow = -1;
        Rows++;
    }

    private static readonly int ExcelEpoch = new DateOnly(1899, 12, 30).DayNumber;

    private void StartCell(string? style, string? type)
    {
        _writer.WriteStartElement("c", Main);
        _writer.WriteStartAttribute("r");
        _writer.WriteString(_columnNames[_cellsInRow - 1]);
        _writer.WriteString(_rowText);
        _writer.WriteEndAttribute();
        if (style is not null)
        {
            _writer.WriteAttributeString("s", style);
        }

        if (type is not null)
        {
            _writer.WriteAttributeString("t", type);
        }
    }

    /// <summary>Text as XML 1.0 allows it: control characters (but tab and line breaks) and broken surrogates removed, cut to Excel's limit.</summary>
    public static string Clean(string text)
    {
        var clean = true;
        foreach (var c in text)
        {
            if (!IsAllowed(c) || char.IsSurrogate(c))
            {
                clean = false;
                break;
            }
        }

        if (clean && text.Length <= MaxCellText)
        {
            return text;
        }

        var builder = new StringBuilder(Math.Min(text.Length, MaxCellText));
        for (var i = 0; i < text.Length && builder.Length < MaxCellText; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else if (IsAllowed(c) && !char.IsSurrogate(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    internal void WriteHeader()
    {
        _writer.WriteStartElement("row", Main);
        _writer.WriteAttributeString("r", "1");
        _rowText = "1";
        _cellsInRow = 0;
        foreach (var column in _columns)
        {
            Text(column.Header);
        }

        _writer.WriteEndElement();
        _cellsInRow = -1;
    }

    private static bool IsAllowed(char c) => c is '\t' or '\n' or '\r' || (c >= 0x20 && c != '\uFFFE' && c != '\uFFFF');

    private void Next()
    {
        if (_cellsInRow < 0)
        {
            throw new InvalidOperationException("BeginRow fehlt.");
        }

        if (_cellsInRow == _columns.Count)
        {
            throw new InvalidOperationException($"Die Zeile hat mehr als {_columns.Count} Zellen.");
        }

        _cellsInRow++;
    }

    /// <summary>Indexes of the cell formats the assembler added to the workbook's styles.</summary>
    internal readonly record struct NumberStyles(int Integer, int Decimal, int Date);
}
