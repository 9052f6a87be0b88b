using Bedarfsanalyse.Reports.Excel;
using ClosedXML.Excel;

namespace Bedarfsanalyse.Tests.Excel;

public sealed class WorkbookAssemblerTests
{
    private static readonly DataColumn[] Columns =
    [
        new("interview_id", DataColumnKind.Text, 38),
        new("beschaeftigte", DataColumnKind.Integer, 14),
        new("ausgaben", DataColumnKind.Decimal, 12),
        new("datum", DataColumnKind.Date, 12),
        new("bemerkung", DataColumnKind.Text, 40),
    ];

    [Fact]
    public async Task Formatted_and_streamed_sheets_make_one_workbook_that_Excel_readers_open_with_typed_values()
    {
        var workbook = await AssembleAsync(rows: 1000);

        using var read = new XLWorkbook(new MemoryStream(workbook));
        read.Worksheets.Select(w => w.Name).ShouldBe(["Deckblatt", "Daten Betriebe", "Kennzahlen"]);
        var data = read.Worksheet("Daten Betriebe");
        data.Cell(1, 2).GetString().ShouldBe("beschaeftigte");
        data.Cell(2, 1).GetString().ShouldBe("I-0");
        data.Cell(2, 2).GetDouble().ShouldBe(0);
        data.Cell(3, 3).GetDouble().ShouldBe(1.25);
        data.Cell(4, 4).GetDateTime().ShouldBe(new DateTime(2026, 7, 3));
        data.Cell(4, 4).Style.DateFormat.Format.ShouldBe("dd\\.mm\\.yyyy");
        data.LastRowUsed()!.RowNumber().ShouldBe(1001);
        data.Tables.Single().Range(1, 1, 1, 5).FirstCell().GetString().ShouldBe("interview_id");
        data.Tables.Single().ShowAutoFilter.ShouldBeTrue();
        data.SheetView.SplitRow.ShouldBe(1);
        data.Column(5).Width.ShouldBeInRange(39, 41);
        read.Worksheet("Deckblatt").Cell(1, 1).GetString().ShouldBe("Weiterbildungsbedarf – Verbund MehrWert");
    }

    [Fact]
    public async Task Text_that_looks_like_a_formula_stays_text_and_control_characters_are_removed()
    {
        var workbook = await AssembleAsync(rows: 3);

        using var read = new XLWorkbook(new MemoryStream(workbook));
        var data = read.Worksheet("Daten Betriebe");
        data.Cell(2, 5).GetString().ShouldBe("=HYPERLINK(\"http://böse.example\")");
        data.Cell(2, 5).HasFormula.ShouldBeFalse();
        data.Cell(3, 5).GetString().ShouldBe("Zeile mitSteuerzeichen");
        data.Cell(4, 5).IsEmpty().ShouldBeTrue();
    }

    [Fact]
    public async Task A_text_of_nothing_but_control_characters_is_an_empty_cell_not_a_crash()
    {
        var sheet = new StreamedSheet("Daten", 1, Columns, writer =>
        {
            writer.BeginRow();
            writer.Text("\u0001\u0002\u0007");
            writer.Number(1L);
            writer.Number(2.5m);
            writer.Date(new DateOnly(2026, 7, 1));
            writer.Text("\u0008");
            writer.EndRow();
            return Task.CompletedTask;
        });
        using var output = new MemoryStream();

        await WorkbookAssembler.AssembleAsync(Formatted(), [sheet], output);

        using var read = new XLWorkbook(new MemoryStream(output.ToArray()));
        var data = read.Worksheet("Daten");
        data.Cell(2, 1).IsEmpty().ShouldBeTrue();
        data.Cell(2, 2).GetDouble().ShouldBe(1);
        data.Cell(2, 5).IsEmpty().ShouldBeTrue();
    }

    [Theory]
    [InlineData("Kosten & Zeit <hoch> > 3", "Kosten & Zeit <hoch> > 3")]
    [InlineData("  Leerzeichen außen  ", "  Leerzeichen außen  ")]
    [InlineData("Zeile 1\r\nZeile 2\rZeile 3\nZeile 4", "Zeile 1\nZeile 2\nZeile 3\nZeile 4")]
    [InlineData("Emoji 😀 und 漢字, Umlaute äöüß", "Emoji 😀 und 漢字, Umlaute äöüß")]
    [InlineData("]]> kein CDATA-Ende", "]]> kein CDATA-Ende")]
    public async Task Text_is_escaped_so_that_readers_get_it_back(string text, string expected)
    {
        var sheet = new StreamedSheet("Daten", 1, Columns, writer =>
        {
            writer.BeginRow();
            writer.Text(text);
            writer.Number(-12L);
            writer.Number(-0.125m);
            writer.Date(new DateOnly(1900, 3, 1));
            writer.Text(new string('x', 40_000));
            writer.EndRow();
            return Task.CompletedTask;
        });
        using var output = new MemoryStream();

        await WorkbookAssembler.AssembleAsync(Formatted(), [sheet], output);

        using var read = new XLWorkbook(new MemoryStream(output.ToArray()));
        var data = read.Worksheet("Daten");
        data.Cell(2, 1).GetString().ShouldBe(expected);
        data.Cell(2, 2).GetDouble().ShouldBe(-12);
        data.Cell(2, 3).GetDouble().ShouldBe(-0.125);
        data.Cell(2, 4).GetDateTime().ShouldBe(new DateTime(1900, 3, 1));
        data.Cell(2, 5).GetString().Length.ShouldBe(DataSheetWriter.MaxCellText);
    }

    [Fact]
    public async Task A_row_with_the_wrong_number_of_cells_is_refused()
    {
        var sheet = new StreamedSheet("Daten", 1, Columns, writer =>
        {
            writer.BeginRow();
            writer.Text("nur eine Zelle");
            writer.EndRow();
            return Task.CompletedTask;
        });

        await Should.ThrowAsync<InvalidOperationException>(() => WorkbookAssembler.AssembleAsync(Formatted(), [sheet], new MemoryStream()));
    }

    [Theory]
    [InlineData(1, "A")]
    [InlineData(26, "Z")]
    [InlineData(27, "AA")]
    [InlineData(703, "AAA")]
    public void Columns_are_named_as_Excel_names_them(int number, string name)
    {
        WorkbookAssembler.ColumnName(number).ShouldBe(name);
    }

    private static async Task<byte[]> AssembleAsync(int rows)
    {
        var sheet = new StreamedSheet("Daten Betriebe", 1, Columns, writer =>
        {
            for (var i = 0; i < rows; i++)
            {
                writer.BeginRow();
                writer.Text($"I-{i}");
                writer.Number((long)i);
                writer.Number(i * 1.25m);
                writer.Date(new DateOnly(2026, 7, 1).AddDays(i % 90));
                writer.Text(i switch { 0 => "=HYPERLINK(\"http://böse.example\")", 1 => "Zeile mit\u0001Steuerzeichen", _ => null });
                writer.EndRow();
            }

            return Task.CompletedTask;
        });
        using var output = new MemoryStream();
        await WorkbookAssembler.AssembleAsync(Formatted(), [sheet], output);
        return output.ToArray();
    }

    private static byte[] Formatted()
    {
        using var workbook = new XLWorkbook();
        workbook.AddWorksheet("Deckblatt").Cell(1, 1).Value = "Weiterbildungsbedarf – Verbund MehrWert";
        var figures = workbook.AddWorksheet("Kennzahlen");
        figures.Cell(1, 1).Value = "Kennzahl";
        figures.Cell(2, 1).Value = "Interviews";
        figures.Range(1, 1, 2, 1).CreateTable("Kennzahlen");
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }
}
