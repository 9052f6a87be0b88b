using Bedarfsanalyse.Core.Questionnaires.Network;
using Bedarfsanalyse.Core.Questionnaires.Tabular;
using Bedarfsanalyse.Reports.Export;
using ClosedXML.Excel;

namespace Bedarfsanalyse.Tests.Export;

/// <summary>The analyst workbook, CSV and SPSS writers on a model in memory.</summary>
public sealed class AnalystWorkbookWriterTests
{
    private static readonly FlatLayout Layout = FlatLayout.For(NetworkQuestionnaires.Employer, 1);

    private static QuestionnaireDataSet DataSet(params InterviewRow[] rows) =>
        new("arbeitgeber", "Arbeitgeber", "Daten arbeitgeber", "test-arbeitgeber", [1], Layout, _ => rows.ToAsyncEnumerable());

    private static InterviewRow Row(string? remark)
    {
        var cells = new object?[Layout.Columns.Count];
        var column = Layout.Columns.Select((c, i) => (c, i)).First(x => x.c.Kind == FlatColumnKind.Text).i;
        cells[column] = remark;
        return new InterviewRow(Guid.NewGuid(), 1, "03255", "Holzminden", "establishment", new DateOnly(2026, 8, 12), "2026-Q3", "B-ABC123", "C", "10-49", 2.5, cells);
    }

    [Fact]
    public async Task Formula_like_text_in_the_formatted_sheets_stays_text()
    {
        var model = new AnalystWorkbookModel("Titel", [new CoverLine("Angabe", "=SUM(A1:A9)"), new CoverLine("Steuer\u0001zeichen", "@x")], [DataSet()],
            [new FigureSheet("Kreis 03255", "+Titel", null, [new("Wert", FigureKind.Text), new("n", FigureKind.Count)], [["-1+2", 12]])]);
        using var output = new MemoryStream();

        await AnalystWorkbookWriter.WriteAsync(model, output);
        using var workbook = new XLWorkbook(new MemoryStream(output.ToArray()));

        var cover = workbook.Worksheet("Deckblatt");
        cover.Cell(4, 2).GetString().ShouldBe("=SUM(A1:A9)");
        cover.Cell(4, 2).HasFormula.ShouldBeFalse();
        cover.Cell(5, 1).GetString().ShouldBe("Steuerzeichen");
        var figures = workbook.Worksheet("Kreis 03255");
        figures.Cell(4, 1).GetString().ShouldBe("-1+2");
        figures.Cell(4, 1).HasFormula.ShouldBeFalse();
        figures.Cell(4, 2).GetDouble().ShouldBe(12);
        figures.Cell(4, 2).Style.NumberFormat.Format.ShouldBe("#,##0");
    }

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+49 5531", "'+49 5531")]
    [InlineData("-stark", "'-stark")]
    [InlineData("@home", "'@home")]
    [InlineData("'=1+1", "''=1+1")]
    [InlineData("'nur ein Apostroph", "'nur ein Apostroph")]
    [InlineData("ganz normal", "ganz normal")]
    public void A_CSV_cell_that_starts_like_a_formula_gets_an_apostrophe(string text, string expected) =>
        DataCsvWriter.Format(text).ShouldBe(expected);

    [Fact]
    public void Numbers_and_dates_in_the_CSV_are_German_without_thousands_separators()
    {
        DataCsvWriter.Format(1234.5m).ShouldBe("1234,5");
        DataCsvWriter.Format(-3).ShouldBe("-3");
        DataCsvWriter.Format(new DateOnly(2026, 8, 12)).ShouldBe("12.08.2026");
    }

    [Fact]
    public async Task The_CSV_quotes_text_with_separators_quotes_or_line_breaks()
    {
        using var output = new MemoryStream();

        await DataCsvWriter.WriteAsync(DataSet(Row("Zeit; Geld und \"Lust\"\nzweite Zeile")), output);

        var text = System.Text.Encoding.UTF8.GetString(output.ToArray());
        text.ShouldContain(";\"Zeit; Geld und \"\"Lust\"\"\nzweite Zeile\";");
        text.ShouldContain(";B-ABC123;C;10-49;2,5;");
    }

    [Fact]
    public async Task A_failure_of_the_figure_sheets_is_reported_as_itself_and_stops_the_rows()
    {
        var endless = new QuestionnaireDataSet("arbeitgeber", "Arbeitgeber", "Daten arbeitgeber", "test", [1], Layout, Endless);
        var model = new AnalystWorkbookModel("Titel", [], [endless], async ct =>
        {
            await Task.Delay(50, ct);
            throw new InvalidOperationException("Kennzahlen nicht verfügbar");
        });

        var error = await Should.ThrowAsync<InvalidOperationException>(() => AnalystWorkbookWriter.WriteAsync(model, Stream.Null).WaitAsync(TimeSpan.FromSeconds(60)));

        error.Message.ShouldBe("Kennzahlen nicht verfügbar");
    }

    [Fact]
    public async Task The_formatted_sheets_keep_their_number_formats_and_fonts_beside_the_data_sheets()
    {
        var model = new AnalystWorkbookModel("Titel", [new CoverLine("Verbund", "MehrWert")], [DataSet(Row("Text"))],
            [new FigureSheet("Verbund", "Kennzahlen", "Hinweis", [new("Wert", FigureKind.Text), new("n", FigureKind.Count), new("Anteil in %", FigureKind.Percent)], [["42,5 %", 1234, 42.5]])]);
        using var output = new MemoryStream();

        await AnalystWorkbookWriter.WriteAsync(model, output);
        using var workbook = new XLWorkbook(new MemoryStream(output.ToArray()));

        var figures = workbook.Worksheet("Verbund");
        figures.Cell(1, 1).Style.Font.Bold.ShouldBeTrue();
        figures.Cell(1, 1).Style.Font.FontSize.ShouldBe(14);
        figures.Cell(2, 1).Style.Font.Italic.ShouldBeTrue();
        figures.Cell(5, 2).Style.NumberFormat.Format.ShouldBe("#,##0");
        figures.Cell(5, 3).Style.NumberFormat.Format.ShouldBe("0.0");
        var data = workbook.Worksheet("Daten arbeitgeber");
        var weight = data.Row(1).CellsUsed().First(c => c.GetString() == InterviewColumns.Weight).Address.ColumnNumber;
        data.Cell(2, weight).GetDouble().ShouldBe(2.5);
        data.Cell(2, weight).Style.NumberFormat.Format.ShouldBe("#,##0.0##");
        data.Cell(2, data.Row(1).CellsUsed().First(c => c.GetString() == "datum").Address.ColumnNumber).Style.NumberFormat.Format.ShouldBe("dd\\.mm\\.yyyy");
    }

    [Fact]
    public void The_SPSS_syntax_labels_the_leading_columns_and_strips_the_protective_apostrophe()
    {
        var set = DataSet() with
        {
            InterviewLabels = new Dictionary<string, IReadOnlyList<ValueLabel>>
            {
                ["kreis"] = [new("03255", "Holzminden")],
                ["befragtengruppe"] = [new("establishment", "Betriebe"), new("apprentices", "Auszubildende")],
                ["groessenklasse"] = [new("10-49", "10–49 Beschäftigte")],
            },
        };

        var syntax = SpssSyntaxWriter.Write(set, "daten.csv");

        syntax.ShouldContain("\n  kreis\n    '03255' 'Holzminden'\n");
        syntax.ShouldContain("\n  befragtengruppe\n    'establishment' 'Betriebe'\n    'apprentices' 'Auszubildende'\n");
        syntax.ShouldContain("\n  einwilligung\n    1 'ja'\n");
        syntax.ShouldContain("    befragtengruppe A13\n");
        syntax.ShouldContain("    gewicht F14.4\n");
        syntax.ShouldContain("DO REPEAT v = ");
        syntax.ShouldContain("f_anmerkungen");
        syntax.ShouldNotContain("UNICODE");
    }

    private static async IAsyncEnumerable<InterviewRow> Endless([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Yield();
            yield return Row("noch eine Zeile");
        }
    }
}
