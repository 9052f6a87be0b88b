using System.Globalization;
using System.Text;

namespace Bedarfsanalyse.Reports.Excel;

/// <summary>
/// Writes the rows of one data sheet as a forward-only stream of SpreadsheetML (SAX style: nothing but the current cell
/// and a 64 KB buffer in memory), so memory does not grow with the row count. The XML is written as UTF-8 bytes
/// directly (ADR 0030): the element and attribute names of a cell are constants, so a general XML writer's name and
/// namespace bookkeeping per cell is pure overhead. Empty cells are left out (every written cell carries its
/// reference), which keeps sparse survey data small and fast. Text is written as inline strings: never a formula,
/// whatever it starts with, escaped, and without characters XML (and so Excel) rejects.
/// </summary>
public sealed class DataSheetWriter
{
    /// <summary>Excel's limit for the text of one cell.</summary>
    public const int MaxCellText = 32_767;

    internal const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private const int BufferSize = 1 << 16;

    private static readonly byte[] TextCellEnd = "</t></is></c>"u8.ToArray();

    private readonly Stream _output;
    private readonly IReadOnlyList<DataColumn> _columns;
    private readonly byte[][] _columnNames;
    private readonly byte[] _integerCell;
    private readonly byte[] _decimalCell;
    private readonly byte[] _dateCell;
    private readonly byte[] _buffer = new byte[BufferSize];
    private readonly byte[] _rowNumber = new byte[20];
    private int _rowNumberLength;
    private int _position;
    private int _cellsInRow = -1;

    internal DataSheetWriter(Stream output, IReadOnlyList<DataColumn> columns, NumberStyles styles)
    {
        _output = output;
        _columns = columns;
        _columnNames = [.. Enumerable.Range(1, columns.Count).Select(c => Encoding.ASCII.GetBytes(WorkbookAssembler.ColumnName(c)))];
        _integerCell = StyleEnd(styles.Integer);
        _decimalCell = StyleEnd(styles.Decimal);
        _dateCell = StyleEnd(styles.Date);
    }

    /// <summary>Data rows written so far (the header row not counted).</summary>
    public long Rows { get; private set; }

    public void BeginRow()
    {
        if (_cellsInRow >= 0)
        {
            throw new InvalidOperationException("Die vorige Zeile wurde nicht abgeschlossen.");
        }

        StartRow(Rows + 2);
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

        StartCell();
        Raw("\" t=\"inlineStr\"><is>"u8);
        Raw(char.IsWhiteSpace(clean[0]) || char.IsWhiteSpace(clean[^1]) ? "<t xml:space=\"preserve\">"u8 : "<t>"u8);
        Escaped(clean);
        Raw(TextCellEnd);
    }

    public void Number(decimal? value)
    {
        Next();
        if (value is not { } number)
        {
            return;
        }

        StartCell();
        Raw(_columns[_cellsInRow - 1].Kind == DataColumnKind.Integer ? _integerCell : _decimalCell);
        Ensure(40);
        number.TryFormat(_buffer.AsSpan(_position), out var written, default, CultureInfo.InvariantCulture);
        _position += written;
        Raw("</v></c>"u8);
    }

    public void Number(long? value)
    {
        Next();
        if (value is not { } number)
        {
            return;
        }

        StartCell();
        Raw(_columns[_cellsInRow - 1].Kind == DataColumnKind.Decimal ? _decimalCell : _integerCell);
        Integer(number);
        Raw("</v></c>"u8);
    }

    public void Date(DateOnly? value)
    {
        Next();
        if (value is not { } date)
        {
            return;
        }

        // Excel counts days from 1899-12-30 (its 1900 leap-year quirk included); the style shows TT.MM.JJJJ.
        StartCell();
        Raw(_dateCell);
        Integer(date.DayNumber - ExcelEpoch);
        Raw("</v></c>"u8);
    }

    public void Empty() => Next();

    public void EndRow()
    {
        if (_cellsInRow != _columns.Count)
        {
            throw new InvalidOperationException($"Eine Zeile hat {_cellsInRow} statt {_columns.Count} Zellen.");
        }

        Raw("</row>"u8);
        _cellsInRow = -1;
        Rows++;
    }

    private static readonly int ExcelEpoch = new DateOnly(1899, 12, 30).DayNumber;

    /// <summary>The part of a number cell after its reference: its style, and the start of its value.</summary>
    private static byte[] StyleEnd(int style) => Encoding.ASCII.GetBytes($"\" s=\"{style.ToString(CultureInfo.InvariantCulture)}\"><v>");

    private void StartRow(long number)
    {
        number.TryFormat(_rowNumber, out _rowNumberLength, default, CultureInfo.InvariantCulture);
        Raw("<row r=\""u8);
        Raw(_rowNumber.AsSpan(0, _rowNumberLength));
        Raw("\">"u8);
        _cellsInRow = 0;
    }

    /// <summary>Writes <c>&lt;c r="AB12</c>; the caller closes the attribute.</summary>
    private void StartCell()
    {
        Raw("<c r=\""u8);
        Raw(_columnNames[_cellsInRow - 1]);
        Raw(_rowNumber.AsSpan(0, _rowNumberLength));
    }

    private void Integer(long number)
    {
        Ensure(24);
        number.TryFormat(_buffer.AsSpan(_position), out var written, default, CultureInfo.InvariantCulture);
        _position += written;
    }

    /// <summary>Text as element content: &amp; &lt; &gt; escaped, line breaks as Excel keeps them (LF), UTF-8.</summary>
    private void Escaped(string text)
    {
        var span = text.AsSpan();
        while (span.Length > 0)
        {
            var special = span.IndexOfAny("&<>\r");
            var run = special < 0 ? span : span[..special];
            while (run.Length > 0)
            {
                // At most 3 bytes a UTF-16 unit; never split a surrogate pair between two pieces.
                var take = Math.Min(run.Length, (BufferSize / 2) / 3);
                if (take < run.Length && char.IsHighSurrogate(run[take - 1]))
                {
                    take--;
                }

                Ensure(take * 3);
                _position += Encoding.UTF8.GetBytes(run[..take], _buffer.AsSpan(_position));
                run = run[take..];
            }

            if (special < 0)
            {
                return;
            }

            switch (span[special])
            {
                case '&':
                    Raw("&amp;"u8);
                    break;
                case '<':
                    Raw("&lt;"u8);
                    break;
                case '>':
                    Raw("&gt;"u8);
                    break;
                default:
                    // CR LF and a lone CR become LF, as an XML reader would read them anyway.
                    Raw("\n"u8);
                    if (special + 1 < span.Length && span[special + 1] == '\n')
                    {
                        special++;
                    }

                    break;
            }

            span = span[(special + 1)..];
        }
    }

    internal void Raw(ReadOnlySpan<byte> bytes)
    {
        Ensure(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(_position));
        _position += bytes.Length;
    }

    internal void Raw(string ascii)
    {
        Ensure(Encoding.UTF8.GetMaxByteCount(ascii.Length));
        _position += Encoding.UTF8.GetBytes(ascii, _buffer.AsSpan(_position));
    }

    private void Ensure(int bytes)
    {
        if (_position + bytes > BufferSize)
        {
            Flush();
        }
    }

    internal void Flush()
    {
        _output.Write(_buffer, 0, _position);
        _position = 0;
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
        StartRow(1);
        foreach (var column in _columns)
        {
            Text(column.Header);
        }

        Raw("</row>"u8);
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
