using ClosedXML.Excel;

namespace Bedarfsanalyse.IntegrationTests.Questionnaires;

/// <summary>Writes a small XLSForm workbook the way a survey author would fill the sheets.</summary>
internal static class XlsFormBuilder
{
    public static byte[] Build(string key, string title, string[][] survey, string[][]? choices = null, string[]? surveyHeaders = null)
    {
        using var workbook = new XLWorkbook();
        Fill(workbook.AddWorksheet("survey"), surveyHeaders ?? ["type", "name", "label", "relevant", "required"], survey);
        Fill(workbook.AddWorksheet("choices"), ["list_name", "name", "label"], choices ?? [["ja_nein", "ja", "Ja"], ["ja_nein", "nein", "Nein"]]);
        Fill(workbook.AddWorksheet("settings"), ["form_id", "form_title", "respondent_groups"], [[key, title, "establishment"]]);
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private static void Fill(IXLWorksheet sheet, string[] headers, string[][] rows)
    {
        for (var c = 0; c < headers.Length; c++)
        {
            sheet.Cell(1, c + 1).Value = headers[c];
        }

        for (var r = 0; r < rows.Length; r++)
        {
            for (var c = 0; c < rows[r].Length; c++)
            {
                sheet.Cell(r + 2, c + 1).Value = rows[r][c];
            }
        }
    }
}
