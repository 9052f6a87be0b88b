using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Bedarfsanalyse.Reports.Excel;

/// <summary>
/// Writes one data sheet with DocumentFormat.OpenXml's SAX writer: a frozen header row, computed column widths, then
/// rows cell by cell straight into the package, so memory does not grow with the row count. Text is written as inline
/// strings: never a formula, whatever it starts with, and without characters XML (and so Excel) rejects.
/// </summary>
public sealed class DataSheetWriter
{
    /// <summary>Excel's limit for the text of one cell.</summary>
    public const int MaxCellText = 32_767;

    private static readonly OpenXmlAttribute[] InlineStringType = [new("t", "", "inlineStr")];

    private readonly OpenXmlWriter _writer;
    private readonly IReadOnlyList<DataColumn> _columns;
    private readonly OpenXmlAttribute[] _integerStyle;
    private readonly OpenXmlAttribute[] _decimalStyle;
    private readonly OpenXmlAttribute[] _dateStyle;
    private int _cellsInRow = -1;

    internal DataSheetWriter(OpenXmlWriter writer, IReadOnlyList<DataColumn> columns, NumberStyles styles)
    {
        _writer = writer;
        _columns = columns;
        _integerStyle = [new("s", "", styles.Integer.ToString(CultureInfo.InvariantCulture))];
        _decimalStyle = [new("s", "", styles.Decimal.ToString(CultureInfo.InvariantCulture))];
        _dateStyle = [new("s", "", styles.Date.ToString(CultureInfo.InvariantCulture))];
    }

    /// <summary>Data rows written so far (the header row not counted).</summary>
    public long Rows { get; private set; }

    public void BeginRow()
    {
        if (_cellsInRow >= 0)
        {
            throw new InvalidOperationException("Die vorige Zeile wurde nicht abgeschlossen.");
        }

        _writer.WriteStartElement(new Row());
        _cellsInRow = 0;
    }

    public void Text(string? value)
    {
        Next();
        if (string.IsNullOrEmpty(value))
        {
            _writer.WriteElement(new Cell());
            return;
        }

        _writer.WriteStartElement(new Cell(), InlineStringType);
        _writer.WriteStartElement(new InlineString());
        _writer.WriteElement(new Text(Clean(value)) { Space = SpaceProcessingModeValues.Preserve });
        _writer.WriteEndElement();
        _writer.WriteEndElement();
    }

    public void Number(decimal? value)
    {
        Next();
        if (value is not { } number)
        {
            _writer.WriteElement(new Cell());
            return;
        }

        var style = _columns[_cellsInRow - 1].Kind == DataColumnKind.Integer ? _integerStyle : _decimalStyle;
        _writer.WriteStartElement(new Cell(), style);
        _writer.WriteElement(new CellValue(number.ToString(CultureInfo.InvariantCulture)));
        _writer.WriteEndElement();
    }

    public void Number(long? value) => Number(value is { } v ? (decimal)v : null);

    public void Date(DateOnly? value)
    {
        Next();
        if (value is not { } date)
        {
            _writer.WriteElement(new Cell());
            return;
        }

        // Excel counts days from 1899-12-30 (its 1900 leap-year quirk included); the style shows TT.MM.JJJJ.
        var serial = date.DayNumber - new DateOnly(1899, 12, 30).DayNumber;
        _writer.WriteStartElement(new Cell(), _dateStyle);
        _writer.WriteElement(new CellValue(serial.ToString(CultureInfo.InvariantCulture)));
        _writer.WriteEndElement();
    }

    public void Empty()
    {
        Next();
        _writer.WriteElement(new Cell());
    }

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
        BeginRow();
        foreach (var column in _columns)
        {
            Text(column.Header);
        }

        EndRow();
        Rows = 0;
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
