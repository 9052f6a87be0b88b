using Bedarfsanalyse.Reports.Pdf;
using Bedarfsanalyse.Reports.Pdf.Layout;

namespace Bedarfsanalyse.Tests.Pdf;

public sealed class TextTests
{
    [Fact]
    public void Headings_and_paragraphs_come_back_with_umlauts_quotes_dashes_and_the_euro_sign()
    {
        var document = PdfTestWriter.NewDocument().With(
            new HeadingBlock("Ergebnisse für Größenklasse 10–49"),
            new HeadingBlock("Übersicht der Maßnahmen", level: 2),
            new ParagraphBlock("Die Geschäftsführung äußerte „großen Bedarf“ – vor allem an Schulungen für 1.234,56 € je Teilnehmertag; Öffnungszeiten spielen keine Rolle."));

        using var pdf = PdfTestWriter.WriteAndRead(document);

        pdf.AllText.ShouldContain("Ergebnisse für Größenklasse 10–49");
        pdf.AllText.ShouldContain("Übersicht der Maßnahmen");
        pdf.AllText.ShouldContain("Die Geschäftsführung äußerte „großen Bedarf“ – vor allem an Schulungen für 1.234,56 € je Teilnehmertag; Öffnungszeiten spielen keine Rolle.");
    }

    [Fact]
    public void Wrapping_a_long_paragraph_over_several_pages_keeps_every_word_in_order()
    {
        var words = Enumerable.Range(1, 1500).Select(i => i % 7 == 0 ? $"Weiterbildungsbedarf{i}" : $"Wort{i}").ToList();
        var document = PdfTestWriter.NewDocument().With(new ParagraphBlock(string.Join(' ', words)));

        using var pdf = PdfTestWriter.WriteAndRead(document);

        pdf.Pages.Count.ShouldBeGreaterThan(1);
        var printed = pdf.Words.SelectMany(page => page).Select(w => w.Text).Where(w => w.StartsWith("Wort", StringComparison.Ordinal) || w.StartsWith("Weiterbildungsbedarf", StringComparison.Ordinal)).ToList();
        printed.ShouldBe(words);
    }

    [Fact]
    public void Lines_break_only_between_words_and_never_run_past_the_right_margin()
    {
        var text = "Betriebe im Landkreis Nienburg (Weser) nennen Fachkräftemangel, Digitalisierung und Nachfolge als größte Herausforderungen der nächsten Jahre. ";
        var document = PdfTestWriter.NewDocument().With(new ParagraphBlock(string.Concat(Enumerable.Repeat(text, 8))));

        using var pdf = PdfTestWriter.WriteAndRead(document);

        var theme = PdfTestWriter.Theme;
        var allowed = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet();
        var body = pdf.Words[0].Where(w => w.Letters[0].PointSize > theme.BandSize + 0.5).ToList();
        body.ShouldNotBeEmpty();
        body.ShouldAllBe(w => allowed.Contains(w.Text));
        body.Max(w => w.BoundingBox.Right).ShouldBeLessThanOrEqualTo(theme.PageWidth - theme.MarginRight + 0.5);
    }

    [Fact]
    public void A_word_wider_than_the_line_is_cut_between_letters_without_adding_a_hyphen()
    {
        using var styles = new DocumentStyles(PdfTestWriter.Theme);
        var word = "Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichenherstellungsbetrieb";
        var marker = styles.MarkerFor(styles.Body);

        var lines = LineBreaker.Break(LineBreaker.ToWords([new TextRun("Vorher " + word + " nachher", false)], styles.Body, marker), 120f, styles.Body, marker);

        lines.Count.ShouldBeGreaterThan(3);
        lines.ShouldAllBe(l => l.Width <= 120.01f);
        lines[0].Text.ShouldBe("Vorher");
        lines[^1].Text.ShouldEndWith(" nachher");
        string.Concat(lines.Skip(1).Select(l => l.Text))[..^" nachher".Length].ShouldBe(word, "kein Buchstabe fehlt, kein Trennstrich kommt hinzu");
    }

    [Fact]
    public void A_unit_stays_on_the_line_of_its_number_and_n_equals_stays_whole()
    {
        using var styles = new DocumentStyles(PdfTestWriter.Theme);
        var marker = styles.MarkerFor(styles.Body);
        var words = LineBreaker.ToWords([new TextRun("Anteil 42,5 % bei n = 134 Betrieben, Kosten 1.234 €", false)], styles.Body, marker);

        words.Select(w => w.Text).ShouldBe(["Anteil", "42,5 %", "bei", "n = 134", "Betrieben,", "Kosten", "1.234 €"]);
    }

    [Fact]
    public void A_bracketed_share_and_the_mark_of_a_provisional_or_revised_figure_stay_with_their_number()
    {
        using var styles = new DocumentStyles(PdfTestWriter.Theme);
        var marker = styles.MarkerFor(styles.Body);
        var words = LineBreaker.ToWords(
            [new TextRun("in Holzminden (63,0 %) p, im Verbund 41,4 % p. Danach „Datenschutz“ ((52,0 %) r) und 12 r; Typ p bleibt", false)], styles.Body, marker);

        words.Select(w => w.Text).ShouldBe(
            ["in", "Holzminden", "(63,0 %) p,", "im", "Verbund", "41,4 % p.", "Danach", "„Datenschutz“", "((52,0 %) r)", "und", "12 r;", "Typ", "p", "bleibt"]);
    }
}
