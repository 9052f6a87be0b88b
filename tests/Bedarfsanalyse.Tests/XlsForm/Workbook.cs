using ClosedXML.Excel;

namespace Bedarfsanalyse.Tests.XlsForm;

/// <summary>Builds XLSForm workbooks as a person would type them in Excel: a sheet per name, the first row the header.</summary>
internal static class Workbook
{
    public static byte[] Create(params (string Sheet, object?[][] Rows)[] sheets)
    {
        using var workbook = new XLWorkbook();
        foreach (var (name, rows) in sheets)
        {
            var sheet = workbook.Worksheets.Add(name);
            for (var r = 0; r < rows.Length; r++)
            {
                for (var c = 0; c < rows[r].Length; c++)
                {
                    var cell = sheet.Cell(r + 1, c + 1);
                    switch (rows[r][c])
                    {
                        case null:
                            break;
                        case Formula formula:
                            cell.FormulaA1 = formula.Text;
                            break;
                        case string text:
                            cell.SetValue(text);
                            cell.DataType = XLDataType.Text;
                            break;
                        case var value:
                            cell.Value = value;
                            break;
                    }
                }
            }
        }

        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    public static object?[] Row(params object?[] cells) => cells;

    public static (string, object?[][]) Settings(string id = "test", string title = "Test", string groups = "establishment") =>
        ("settings", [Row("form_id", "form_title", "respondent_groups"), Row(id, title, groups)]);

    /// <summary>A cell with an Excel formula.</summary>
    public sealed record Formula(string Text);
}
