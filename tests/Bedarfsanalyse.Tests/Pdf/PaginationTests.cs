using Bedarfsanalyse.Reports.Pdf;

namespace Bedarfsanalyse.Tests.Pdf;

public sealed class PaginationTests
{
    [Fact]
    public void Every_page_says_Seite_X_von_Y_with_the_real_page_count()
    {
        var document = PdfTestWriter.NewDocument().With(
            Enumerable.Range(1, 120).Select(i => (Block)new ParagraphBlock($"Absatz {i}: Die Betriebe im Verbund berichten über ihren Weiterbildungsbedarf und die Hindernisse, die einer Teilnahme im Weg stehen.")).ToArray());

        using var pdf = PdfTestWriter.WriteAndRead(document);

        pdf.Pages.Count.ShouldBeGreaterThan(3);
        for (var page = 1; page <= pdf.Pages.Count; page++)
        {
            pdf.Texts[page - 1].ShouldContain($"Seite {page} von {pdf.Pages.Count}");
        }
    }

    [Fact]
    public void A_long_table_repeats_its_header_row_on_every_page_it_spans()
    {
        var rows = Enumerable.Range(1, 140).Select(i => new TableRow([$"Zeile{i}", $"{i * 3}", $"{i % 100},5"])).ToList();
        var document = PdfTestWriter.NewDocument().With(
            new ParagraphBlock("Vorspann vor der Tabelle."),
            new TableBlock([new TableColumn("Kennziffer", Weight: 2), TableColumn.Numeric("Fallzahl"), TableColumn.Numeric("Quote")], rows) { Caption = "Tabelle 9: Lange Tabelle" },
            new ParagraphBlock("Nachsatz nach der Tabelle."));

        using var pdf = PdfTestWriter.WriteAndRead(document);

        var tablePages = Enumerable.Range(1, 140).Select(i => pdf.PagesWithWord($"Zeile{i}").ShouldHaveSingleItem()).Distinct().ToList();
        tablePages.Count.ShouldBeGreaterThan(2);
        foreach (var page in tablePages)
        {
            var header = pdf.WordsOnPage(page, "Kennziffer").ShouldHaveSingleItem();
            var rowsOnPage = pdf.Words[page - 1].Where(w => w.Text.StartsWith("Zeile", StringComparison.Ordinal));
            rowsOnPage.ShouldAllBe(row => row.BoundingBox.Top < header.BoundingBox.Bottom, $"Kopfzeile über allen Zeilen auf Seite {page}");
        }

        pdf.PageWith("Tabelle 9: Lange Tabelle").ShouldBe(tablePages[0]);
    }

    [Fact]
    public void A_table_row_with_wrapped_cells_is_never_split_across_pages()
    {
        var rows = Enumerable.Range(1, 60).Select(i => new TableRow(
        [
            $"Anfang{i} " + string.Join(' ', Enumerable.Repeat("Hindernis", 6 + i % 5)) + $" Ende{i}",
            $"Mitte{i} " + string.Join(' ', Enumerable.Repeat("Grund", 3 + i % 4)) + $" Schluss{i}",
            $"{i},0",
        ])).ToList();
        var document = PdfTestWriter.NewDocument().With(
            new TableBlock([new TableColumn("Hindernis"), new TableColumn("Begründung"), TableColumn.Numeric("Anteil in %")], rows));

        using var pdf = PdfTestWriter.WriteAndRead(document);

        pdf.Pages.Count.ShouldBeGreaterThan(1);
        for (var i = 1; i <= 60; i++)
        {
            var page = pdf.PagesWithWord($"Anfang{i}").ShouldHaveSingleItem();
            pdf.PagesWithWord($"Ende{i}").ShouldBe([page], $"Zeile {i}");
            pdf.PagesWithWord($"Mitte{i}").ShouldBe([page], $"Zeile {i}");
            pdf.PagesWithWord($"Schluss{i}").ShouldBe([page], $"Zeile {i}");
            pdf.PagesWithWord($"{i},0").ShouldBe([page], $"Zeile {i}");
        }
    }

    [Theory]
    [MemberData(nameof(FillerLengths))]
    public void A_heading_never_stands_alone_at_the_foot_of_a_page(int fillerParagraphs)
    {
        var filler = Enumerable.Range(1, fillerParagraphs).Select(i => (Block)new ParagraphBlock($"Füllabsatz {i} mit einer Zeile Text."));
        var document = PdfTestWriter.NewDocument().With([
            .. filler,
            new HeadingBlock("Zwischenüberschrift", level: 2),
            new ParagraphBlock("Anschlusstext " + string.Join(' ', Enumerable.Repeat("der den Abschnitt unter der Überschrift eröffnet und über mehrere Zeilen läuft", 4))),
        ]);

        using var pdf = PdfTestWriter.WriteAndRead(document);

        var headingPage = pdf.PageWith("Zwischenüberschrift");
        pdf.PagesWith("Anschlusstext").ShouldBe([headingPage]);
        var heading = pdf.WordsOnPage(headingPage, "Zwischenüberschrift").Single();
        pdf.Words[headingPage - 1].Count(w => w.BoundingBox.Top < heading.BoundingBox.Bottom && w.Text == "der").ShouldBeGreaterThanOrEqualTo(1, "mindestens eine weitere Zeile folgt der Überschrift auf derselben Seite");
    }

    public static TheoryData<int> FillerLengths()
    {
        // Around the number of one-line paragraphs that fill the first page, so the heading lands at its foot.
        var data = new TheoryData<int>();
        foreach (var count in Enumerable.Range(30, 8))
        {
            data.Add(count);
        }

        return data;
    }

    [Fact]
    public void A_spacer_that_opens_the_document_moves_the_cover_title_down_the_first_page()
    {
        var document = PdfTestWriter.NewDocument().With(
            new SpacerBlock(150f),
            new HeadingBlock("Deckblatttitel"),
            new PageBreakBlock(),
            new HeadingBlock("Abschnittstitel"));

        using var pdf = PdfTestWriter.WriteAndRead(document);

        var cover = pdf.WordsOnPage(1, "Deckblatttitel").Single();
        var section = pdf.WordsOnPage(2, "Abschnittstitel").Single();
        (section.BoundingBox.Top - cover.BoundingBox.Top).ShouldBe(150, 0.5, "der Titel steht 150 pt tiefer als eine Überschrift oben auf der Seite");
    }

    [Fact]
    public void A_spacer_between_blocks_is_dropped_where_the_next_block_opens_a_page()
    {
        static ReportDocument Filled(int lines, params Block[] after) => PdfTestWriter.NewDocument().With(
            [.. Enumerable.Range(1, lines).Select(i => (Block)new ParagraphBlock($"Füllzeile{i} mit Text.")), .. after]);

        // As many one-line paragraphs as fill the first page, so what follows them opens the second.
        using var probe = PdfTestWriter.WriteAndRead(Filled(80));
        var perPage = probe.Words[0].Count(w => w.Text.StartsWith("Füllzeile", StringComparison.Ordinal));
        using var pdf = PdfTestWriter.WriteAndRead(Filled(perPage, new SpacerBlock(120f), new ParagraphBlock("Folgeabsatz nach dem Abstand.")));

        var next = pdf.WordsOnPage(2, "Folgeabsatz").ShouldHaveSingleItem();
        var firstOnPage1 = pdf.WordsOnPage(1, "Füllzeile1").Single();
        next.BoundingBox.Top.ShouldBe(firstOnPage1.BoundingBox.Top, 0.5, "oben auf Seite 2 ohne den Abstand");
    }

    [Fact]
    public void A_document_without_content_is_still_one_valid_page_with_its_footer()
    {
        using var pdf = PdfTestWriter.WriteAndRead(PdfTestWriter.NewDocument());

        pdf.Pages.Count.ShouldBe(1);
        pdf.Texts[0].ShouldBe("Seite 1 von 1");
    }

    [Fact]
    public void A_page_break_starts_the_next_block_on_a_new_page_without_leaving_an_empty_page()
    {
        var document = PdfTestWriter.NewDocument().With(
            new ParagraphBlock("Erste Seite."),
            new PageBreakBlock(),
            new PageBreakBlock(),
            new HeadingBlock("Zweite Seite"));

        using var pdf = PdfTestWriter.WriteAndRead(document);

        pdf.Pages.Count.ShouldBe(2);
        pdf.PageWith("Zweite Seite").ShouldBe(2);
    }

    [Fact]
    public void Footnotes_are_numbered_in_order_and_printed_at_the_foot_of_the_page_of_their_number()
    {
        var document = PdfTestWriter.NewDocument().With(
            new ParagraphBlock("Die Quote liegt bei 42,5 %", new Footnote("Fußnote Alpha: gewichtet."), " und damit über dem Vorjahr."),
            new PageBreakBlock(),
            new TableBlock([new TableColumn("Thema"), TableColumn.Numeric("Anteil")], [new TableRow(["IT-Sicherheit", "48,5"])])
            {
                Caption = "Tabelle 2: Bedarf",
                Footnotes = [new Footnote("Fußnote Beta: Mehrfachnennungen möglich.")],
            },
            new KeyFigureBlock([new KeyFigure("61,2 %", "Bedarf an Grundlagen", "n = 134", new Footnote("Fußnote Gamma: ohne Auszubildende."))]));

        using var pdf = PdfTestWriter.WriteAndRead(document);

        pdf.PageWith("Fußnote Alpha").ShouldBe(1);
        pdf.PageWith("Fußnote Beta").ShouldBe(2);
        pdf.PageWith("Fußnote Gamma").ShouldBe(2);
        pdf.Texts[0].ShouldContain("1 Fußnote Alpha: gewichtet.");
        pdf.Texts[1].ShouldContain("2 Fußnote Beta: Mehrfachnennungen möglich.");
        pdf.Texts[1].ShouldContain("3 Fußnote Gamma: ohne Auszubildende.");

        var footnote = pdf.WordsOnPage(1, "Alpha:").Single();
        var paragraph = pdf.WordsOnPage(1, "Quote").Single();
        var footer = pdf.WordsOnPage(1, "Seite").Single();
        footnote.BoundingBox.Bottom.ShouldBeLessThan(paragraph.BoundingBox.Bottom - 300, "die Fußnote steht am Fuß der Seite");
        footnote.BoundingBox.Bottom.ShouldBeGreaterThan(footer.BoundingBox.Top, "über der Fußzeile");
    }
}
