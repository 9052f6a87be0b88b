using System.Globalization;
using Bedarfsanalyse.Core.Questionnaires;
using Bedarfsanalyse.Core.Questionnaires.Tabular;
using Bedarfsanalyse.Reports.Excel;
using ClosedXML.Excel;

namespace Bedarfsanalyse.Reports.Export;

/// <summary>
/// Writes the analyst workbook (ADR 0018, 0020): cover, codebook, one streamed data sheet per questionnaire, then the
/// figure sheets. The small sheets are formatted with ClosedXML; the data sheets are streamed (SAX style) row by row,
/// so memory does not grow with the number of interviews. Every sheet is one Excel table with filters and a frozen
/// header; text is written as text (never a formula) without the control characters Excel rejects.
/// </summary>
public static class AnalystWorkbookWriter
{
    public const string CoverSheet = "Deckblatt";
    public const string CodebookSheet = "Codebuch";

    private const int MaxWidth = 60;

    /// <summary>How to read the data sheets and the CSV files beside them.</summary>
    public const string CodebookNote =
        "Mehrfachantworten sind je Antwortmöglichkeit eine 0/1-Spalte, Matrixfragen je Zeile eine Spalte. Leere Zelle: nicht gefragt, " +
        "nicht beantwortet oder in der Fragebogenversion des Interviews nicht enthalten. „gewicht“: Gewicht des Interviews in seinem Quartal " +
        "(Summe je Quartal = Grundgesamtheit; über mehrere Quartale durch deren Zahl teilen). In den CSV-Dateien steht vor Freitexten, " +
        "die mit = + - oder @ beginnen, ein Apostroph (Schutz vor Formeln); die SPSS-Syntax entfernt ihn beim Einlesen.";

    /// <summary>
    /// Writes the workbook. The figure sheets are computed and formatted on another thread while the data sheets are
    /// written (the formatted sheets go into the file after them); a failure of either stops the other.
    /// </summary>
    /// <param name="rowsWritten">Data rows written so far over all data sheets, reported every <see cref="ProgressEvery"/> rows and at the end.</param>
    public static async Task WriteAsync(AnalystWorkbookModel model, Stream output, CancellationToken cancellationToken = default, IProgress<long>? rowsWritten = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // The formatted sheets (ClosedXML) are built as soon as their figures are there, beside the rows as well.
        var formatted = Task.Run(async () =>
        {
            try
            {
                return Formatted(model, await model.FigureSheets(stop.Token));
            }
            catch
            {
                await stop.CancelAsync();
                throw;
            }
        }, CancellationToken.None);

        long written = 0;
        var streamed = model.DataSets.Select((set, i) => new StreamedSheet(set.SheetName, 2 + i, DataColumns(set.Layout), async writer =>
        {
            await foreach (var row in RowReadAhead.ReadAsync(set.Rows, stop.Token).WithCancellation(stop.Token))
            {
                writer.BeginRow();
                foreach (var column in InterviewColumns.All)
                {
                    Write(writer, column.Value(row));
                }

                foreach (var cell in row.Cells)
                {
                    Write(writer, cell);
                }

                writer.EndRow();
                if (++written % ProgressEvery == 0)
                {
                    rowsWritten?.Report(written);
                }
            }
        })).ToList();

        try
        {
            await WorkbookAssembler.AssembleAsync(() => formatted, streamed, output);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // Only a failure of the figures cancels the rows: their error is the one to report.
            await formatted;
            throw;
        }
        finally
        {
            if (!formatted.IsCompleted)
            {
                await stop.CancelAsync();
                await formatted.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
        }

        rowsWritten?.Report(written);
    }

    public const int ProgressEvery = 100;

    /// <summary>The columns of a data sheet: the leading interview columns, then the layout's variables.</summary>
    public static IReadOnlyList<DataColumn> DataColumns(FlatLayout layout) =>
    [
        .. InterviewColumns.All.Select(c => new DataColumn(c.Name, c.Kind, Math.Max(c.Width, c.Name.Length + 2))),
        .. layout.Columns.Select(c => new DataColumn(c.Name, KindOf(c), WidthOf(c))),
    ];

    private static DataColumnKind KindOf(FlatColumn column) => column.Kind switch
    {
        FlatColumnKind.Flag or FlatColumnKind.Rank => DataColumnKind.Integer,
        FlatColumnKind.Number => column.Type == QuestionType.Integer ? DataColumnKind.Integer : DataColumnKind.Decimal,
        FlatColumnKind.Date => DataColumnKind.Date,
        _ => DataColumnKind.Text,
    };

    private static double WidthOf(FlatColumn column)
    {
        // The header (variable name with the table's filter button) or the longest code, whichever is wider.
        var content = column.Kind switch
        {
            FlatColumnKind.Code => column.ValueLabels.Select(v => v.Code.Length).DefaultIfEmpty(4).Max(),
            FlatColumnKind.Text => 30,
            FlatColumnKind.Date => 10,
            FlatColumnKind.Number or FlatColumnKind.Calculated => 10,
            _ => 3,
        };
        return Math.Min(MaxWidth, Math.Max(column.Name.Length + 4, content + 2));
    }

    private static void Write(DataSheetWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.Empty();
                break;
            case string text:
                writer.Text(text);
                break;
            case int number:
                writer.Number((long)number);
                break;
            case long number:
                writer.Number(number);
                break;
            case decimal number:
                writer.Number(number);
                break;
            case double number:
                writer.Number((decimal)number);
                break;
            case DateOnly date:
                writer.Date(date);
                break;
            case bool flag:
                writer.Number(flag ? 1L : 0L);
                break;
            default:
                writer.Text(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }

    private static byte[] Formatted(AnalystWorkbookModel model, IReadOnlyList<FigureSheet> figureSheets)
    {
        using var workbook = new XLWorkbook();
        var tables = 0;

        var cover = workbook.AddWorksheet(CoverSheet);
        Title(cover, model.Title, null);
        AddTable(cover, 3, ["Angabe", "Wert"], [FigureKind.Text, FigureKind.Text],
            model.Cover.Select(l => new object?[] { l.Label, l.Value }).ToList(), "Deckblatt", ref tables);

        var codebook = workbook.AddWorksheet(CodebookSheet);
        Title(codebook, "Codebuch: alle Variablen der Datenblätter", CodebookNote);
        AddTable(codebook, 4, ["Fragebogen", "Variable", "Frage", "Fragetyp", "Spaltenart", "Codes und Bedeutungen", "Versionen"],
            [FigureKind.Text, FigureKind.Text, FigureKind.Text, FigureKind.Text, FigureKind.Text, FigureKind.Text, FigureKind.Text],
            CodebookRows(model.DataSets), "Codebuch", ref tables);

        foreach (var sheet in figureSheets)
        {
            var worksheet = workbook.AddWorksheet(WorkbookAssembler.SheetName(sheet.SheetName));
            Title(worksheet, sheet.Title, sheet.Note);
            AddTable(worksheet, sheet.Note is null ? 3 : 4, sheet.Columns.Select(c => c.Header).ToList(), sheet.Columns.Select(c => c.Kind).ToList(),
                sheet.Rows, "Kennzahlen", ref tables);
        }

        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    /// <summary>One codebook row per variable: the leading interview columns, then each layout variable.</summary>
    public static IReadOnlyList<object?[]> CodebookRows(IEnumerable<QuestionnaireDataSet> dataSets)
    {
        var rows = new List<object?[]>();
        foreach (var set in dataSets)
        {
            var versions = VersionText(set.Versions);
            foreach (var column in InterviewColumns.All)
            {
                rows.Add([set.Title, column.Name, column.Label, "Angabe zum Interview", KindText(column.Kind), CodesText(set.LabelsOf(column)), versions]);
            }

            foreach (var column in set.Layout.Columns)
            {
                rows.Add([set.Title, column.Name, column.Label, TypeText(column.Type), KindText(column.Kind),
                    CodesText(column.ValueLabels), VersionText(column.Versions)]);
            }
        }

        return rows;
    }

    private static string CodesText(IEnumerable<ValueLabel> labels) => string.Join("; ", labels.Select(v => $"{v.Code} = {v.Label}"));

    private static string VersionText(IEnumerable<int> versions) => string.Join(", ", versions.Order().Select(v => v.ToString(CultureInfo.InvariantCulture)));

    private static string KindText(DataColumnKind kind) => kind switch
    {
        DataColumnKind.Integer => "ganze Zahl",
        DataColumnKind.Decimal => "Zahl",
        DataColumnKind.Date => "Datum",
        _ => "Text",
    };

    public static string KindText(FlatColumnKind kind) => kind switch
    {
        FlatColumnKind.Code => "Code",
        FlatColumnKind.Flag => "0/1 (genannt)",
        FlatColumnKind.Rank => "Rang",
        FlatColumnKind.Number => "Zahl",
        FlatColumnKind.Text => "Text",
        FlatColumnKind.Date => "Datum",
        _ => "berechnet",
    };

    public static string TypeText(QuestionType type) => type switch
    {
        QuestionType.SingleChoice => "Einfachauswahl",
        QuestionType.MultipleChoice => "Mehrfachauswahl",
        QuestionType.YesNo => "Ja/Nein",
        QuestionType.Likert => "Skala",
        QuestionType.Matrix => "Matrix",
        QuestionType.Ranking => "Rangfolge",
        QuestionType.Integer => "ganze Zahl",
        QuestionType.Decimal => "Zahl",
        QuestionType.ShortText or QuestionType.LongText => "Freitext",
        QuestionType.Date => "Datum",
        QuestionType.Calculated => "berechnet",
        _ => type.ToString(),
    };

    private static void Title(IXLWorksheet sheet, string title, string? note)
    {
        SetText(sheet.Cell(1, 1), title);
        sheet.Cell(1, 1).Style.Font.Bold = true;
        sheet.Cell(1, 1).Style.Font.FontSize = 14;
        if (note is not null)
        {
            SetText(sheet.Cell(2, 1), note);
            sheet.Cell(2, 1).Style.Font.Italic = true;
        }
    }

    private static void AddTable(IXLWorksheet sheet, int headerRow, IReadOnlyList<string> headers, IReadOnlyList<FigureKind> kinds,
        IReadOnlyList<object?[]> rows, string tableStem, ref int tables)
    {
        var widths = headers.Select(h => (double)h.Length + 4).ToArray();
        for (var c = 0; c < headers.Count; c++)
        {
            SetText(sheet.Cell(headerRow, c + 1), headers[c]);
        }

        for (var r = 0; r < rows.Count; r++)
        {
            for (var c = 0; c < headers.Count; c++)
            {
                var cell = sheet.Cell(headerRow + 1 + r, c + 1);
                var value = c < rows[r].Length ? rows[r][c] : null;
                switch (value)
                {
                    case null:
                        break;
                    case string text:
                        SetText(cell, text);
                        widths[c] = Math.Max(widths[c], text.Length + 2);
                        break;
                    case int or long or double or decimal:
                        cell.Value = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                        widths[c] = Math.Max(widths[c], 10);
                        break;
                    default:
                        SetText(cell, Convert.ToString(value, CultureInfo.InvariantCulture) ?? "");
                        break;
                }
            }
        }

        // Computed widths: ClosedXML's AdjustToContents needs libgdiplus (../shared/stack.md).
        for (var c = 0; c < headers.Count; c++)
        {
            var column = sheet.Column(c + 1);
            column.Width = Math.Min(MaxWidth, widths[c]);
            column.Style.Alignment.WrapText = widths[c] > MaxWidth;
            column.Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
            switch (kinds[c])
            {
                case FigureKind.Count:
                    sheet.Range(headerRow + 1, c + 1, headerRow + Math.Max(rows.Count, 1), c + 1).Style.NumberFormat.Format = "#,##0";
                    break;
                case FigureKind.Percent:
                    sheet.Range(headerRow + 1, c + 1, headerRow + Math.Max(rows.Count, 1), c + 1).Style.NumberFormat.Format = "0.0";
                    break;
            }
        }

        var range = sheet.Range(headerRow, 1, headerRow + Math.Max(rows.Count, 1), headers.Count);
        range.CreateTable($"{tableStem}_{++tables}");
        sheet.SheetView.FreezeRows(headerRow);
    }

    /// <summary>Text as text: without characters Excel rejects, and never read as a formula whatever it starts with.</summary>
    private static void SetText(IXLCell cell, string text)
    {
        cell.SetValue(DataSheetWriter.Clean(text));
        cell.DataType = XLDataType.Text;
    }
}
