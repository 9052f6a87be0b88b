using Bedarfsanalyse.Reports.Pdf;
using Bedarfsanalyse.Reports.Pdf.Charts;

namespace Bedarfsanalyse.Tests.Pdf;

/// <summary>A heading and the sentence that introduces a chart or table never stay behind at the foot of a page.</summary>
public sealed class KeepWithNextTests
{
    private const string Intro = "Einleitungssatz zur Abbildung, der erklärt, was die folgende Darstellung zeigt und wie die Werte zu lesen sind, damit der Steuerkreis sie einordnen kann.";

    private static IEnumerable<Block> Filler(int lines) =>
        Enumerable.Range(1, lines).Select(i => (Block)new ParagraphBlock($"Füllabsatz {i} mit einer Zeile Text."));

    public static TheoryData<int> FillerLengths()
    {
        // From a chart in the middle of the first page to a heading on its last lines, in steps of one line.
        var data = new TheoryData<int>();
        foreach (var count in Enumerable.Range(14, 24))
        {
            data.Add(count);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FillerLengths))]
    public void A_heading_and_its_intro_go_to_the_page_of_the_chart_they_introduce(int fillerLines)
    {
        var document = PdfTestWriter.NewDocument().With([
            .. Filler(fillerLines),
            new HeadingBlock("Zwischenüberschrift", level: 2),
            new ParagraphBlock(Intro),
            new BarChartBlock("Abbildung 1: Top-10-Bedarfe", SampleReport.TopTenNeeds()),
        ]);

        using var pdf = PdfTestWriter.WriteAndRead(document);

        var chartPage = pdf.PageWith("Abbildung 1: Top-10-Bedarfe");
        pdf.PageWith("Zwischenüberschrift").ShouldBe(chartPage, "die Überschrift steht auf der Seite der Abbildung");
        pdf.PagesWith("Einleitungssatz").ShouldBe([chartPage], "der Einleitungssatz steht auf der Seite der Abbildung");
        pdf.PagesWith("Steuerkreis sie einordnen").ShouldBe([chartPage], "ganz");
        pdf.PagesWith("Digitale Grundlagen (n = 134)").ShouldBe([chartPage]);
    }

    [Theory]
    [MemberData(nameof(FillerLengths))]
    public void A_heading_and_its_intro_go_to_the_page_where_the_table_begins(int fillerLines)
    {
        var rows = Enumerable.Range(1, 6).Select(i => new TableRow([$"Zeile{i}", $"{i},5"])).ToList();
        var document = PdfTestWriter.NewDocument().With([
            .. Filler(fillerLines + 10),
            new HeadingBlock("Zwischenüberschrift", level: 2),
            new ParagraphBlock(Intro),
            new TableBlock([new TableColumn("Kennziffer"), TableColumn.Numeric("Anteil in %")], rows) { Caption = "Tabelle 2: Werte" },
        ]);

        using var pdf = PdfTestWriter.WriteAndRead(document);

        var tablePage = pdf.PageWith("Tabelle 2: Werte");
        pdf.PageWith("Zwischenüberschrift").ShouldBe(tablePage);
        pdf.PagesWith("Einleitungssatz").ShouldBe([tablePage]);
        pdf.PagesWith("Steuerkreis sie einordnen").ShouldBe([tablePage]);
        pdf.PagesWithWord("Zeile1").ShouldBe([tablePage], "die erste Zeile steht unter der Überschrift");
    }

    [Theory]
    [MemberData(nameof(FillerLengths))]
    public void A_paragraph_marked_keep_with_next_goes_to_the_page_of_the_next_block(int fillerLines)
    {
        var document = PdfTestWriter.NewDocument().With([
            .. Filler(fillerLines),
            new ParagraphBlock("Überleitung " + Intro) { KeepWithNext = true },
            new BarChartBlock("Abbildung 1: Top-10-Bedarfe", SampleReport.TopTenNeeds()),
        ]);

        using var pdf = PdfTestWriter.WriteAndRead(document);

        var chartPage = pdf.PageWith("Abbildung 1: Top-10-Bedarfe");
        pdf.PagesWith("Überleitung").ShouldBe([chartPage]);
        pdf.PagesWith("Steuerkreis sie einordnen").ShouldBe([chartPage]);
    }

    [Fact]
    public void A_heading_before_an_intro_longer_than_a_page_keeps_the_first_lines_under_it()
    {
        var longIntro = string.Join(' ', Enumerable.Range(1, 900).Select(i => $"Wort{i}"));
        var document = PdfTestWriter.NewDocument().With(
            new ParagraphBlock("Erste Seite."),
            new HeadingBlock("Zwischenüberschrift", level: 2),
            new ParagraphBlock(longIntro) { KeepWithNext = true },
            new BarChartBlock("Abbildung 1: Top-10-Bedarfe", SampleReport.TopTenNeeds()));

        using var pdf = PdfTestWriter.WriteAndRead(document);

        var headingPage = pdf.PageWith("Zwischenüberschrift");
        pdf.PagesWithWord("Wort1").ShouldBe([headingPage], "der Absatz beginnt unter seiner Überschrift");
        pdf.PagesWithWord("Wort900").Single().ShouldBeGreaterThan(headingPage);
    }

    [Fact]
    public void A_split_chart_after_a_heading_and_intro_starts_on_their_page()
    {
        var items = Enumerable.Range(1, 45).Select(i => new BarChartItem($"Landkreis {i}", 30 + i * 0.5, 60 + i, 25 + i * 0.5, 35 + i * 0.5)).ToList();
        var document = PdfTestWriter.NewDocument().With(
            new ParagraphBlock("Erste Seite."),
            new HeadingBlock("Regionalvergleich"),
            new ParagraphBlock(Intro),
            new BarChartBlock("Abbildung 5: Nach Landkreis", items));

        using var pdf = PdfTestWriter.WriteAndRead(document);

        var headingPage = pdf.PageWith("Regionalvergleich");
        pdf.PagesWith("Abbildung 5: Nach Landkreis").Min().ShouldBe(headingPage);
        pdf.PagesWith("Landkreis 1 (n = 61)").ShouldBe([headingPage]);
        pdf.PagesWith("Abbildung 5: Nach Landkreis (Fortsetzung)").ShouldNotBeEmpty();
    }
}
