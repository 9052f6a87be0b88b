using Bedarfsanalyse.Core.Questionnaires;
using Bedarfsanalyse.Tests.Questionnaires;
using Bedarfsanalyse.XlsForm;
using ClosedXML.Excel;

namespace Bedarfsanalyse.Tests.XlsForm;

public sealed class XlsFormRoundTripTests
{
    [Fact]
    public void Export_then_import_gives_back_an_equal_questionnaire()
    {
        var definition = Sample.Rich();

        var result = XlsFormReader.Read(XlsFormWriter.Write(definition));

        result.Errors.ShouldBeEmpty();
        result.Definition.ShouldBe(definition);
    }

    [Fact]
    public void The_export_is_a_plain_xlsform_with_the_extensions_in_their_own_columns()
    {
        using var workbook = new XLWorkbook(new MemoryStream(XlsFormWriter.Write(Sample.Rich())));

        var survey = workbook.Worksheet("survey");
        var headers = survey.Row(1).CellsUsed().Select(c => c.GetString()).ToList();
        headers.ShouldBe(
        [
            "type", "name", "label::Deutsch (de)", "label::English (en)", "hint::Deutsch (de)", "hint::English (en)", "required", "relevant", "constraint",
            "constraint_message::Deutsch (de)", "constraint_message::English (en)", "calculation", "choice_filter", "appearance", "min", "max",
            "unit::Deutsch (de)", "unit::English (en)", "matrix_rows", "other_label::Deutsch (de)", "other_label::English (en)",
        ]);
        var matrixRow = survey.RowsUsed().First(r => r.Cell(2).GetString() == "b_dringlichkeit");
        matrixRow.Cell(1).GetString().ShouldBe("select_one dringlichkeit");
        matrixRow.Cell(headers.IndexOf("matrix_rows") + 1).GetString().ShouldBe("themen");
        workbook.Worksheet("settings").Row(2).Cell(3).GetString().ShouldBe("Deutsch (de)");
        workbook.Worksheet("choices").Row(1).CellsUsed().Select(c => c.GetString()).ShouldBe(
            ["list_name", "name", "label::Deutsch (de)", "label::English (en)", "non_substantive", "bereich", "stufe"]);
    }

    [Fact]
    public void Codes_that_look_like_numbers_and_texts_that_look_like_formulas_stay_text()
    {
        var definition = Sample.Rich() with
        {
            ChoiceLists = [.. Sample.Rich().ChoiceLists.Select(l => l.Name == "skala" ? l with { Choices = [.. l.Choices, new Choice("007", "=SUMME(A1:A3)"), new Choice("1e5", "TRUE")] } : l)],
        };

        var read = XlsFormReader.Read(XlsFormWriter.Write(definition));

        read.Definition.ShouldBe(definition);
    }
}
