using Bedarfsanalyse.Reports.Pdf;
using Bedarfsanalyse.Reports.Pdf.Charts;

namespace Bedarfsanalyse.Tests.Pdf;

/// <summary>Tables and heat maps taller than a page continue on the next pages and never run over the footer.</summary>
public sealed class LongBlockTests
{
    private static readonly string[] Groups = ["Ältere", "Jüngere", "Auszubildende", "Einwanderungsgeschichte"];

    private static HeatMapBlock LongHeatMap(int rows) => new(
        "Abbildung 7: Bedarf nach Thema und Gruppe",
        Groups,
        Enumerable.Range(1, rows).Select(r => new HeatMapRow($"Thema-{r}", Groups.Select((_, c) => new HeatMapCell(r + c / 10.0)).ToList())).ToList())
    {
        Note = "Anteil der Beschäftigten in %; Schlussnotiz der Heatmap.",
    };

    [Fact]
    public void A_heat_map_taller_than_a_page_continues_with_its_column_labels_and_keeps_every_row_whole()
    {
        var document = PdfTestWriter.NewDocument().With(
            new HeadingBlock("Ergebnisse Beschäftigtengruppen"),
            new ParagraphBlock("Vorspann vor der Heatmap."),
            LongHeatMap(70));

        using var pdf = PdfTestWriter.WriteAndRead(document);

        var title = "Abbildung 7: Bedarf nach Thema und Gruppe";
        var first = pdf.PagesWith(title).Min();
        var continued = pdf.PagesWith(title + " (Fortsetzung)");
        continued.ShouldNotBeEmpty();
        continued.ShouldBe(Enumerable.Range(first + 1, continued.Count).ToList(), "die Fortsetzungen folgen Seite für Seite");
        pdf.PageWith("Schlussnotiz").ShouldBe(continued[^1], "die Notiz steht unter dem letzten Teil");

        for (var r = 1; r <= 70; r++)
        {
            var page = pdf.PagesWithWord($"Thema-{r}").ShouldHaveSingleItem($"Thema-{r} steht genau einmal");
            var label = pdf.WordsOnPage(page, $"Thema-{r}").Single();
            for (var c = 0; c < Groups.Length; c++)
            {
                var value = pdf.WordsOnPage(page, $"{r},{c}").ShouldHaveSingleItem($"Thema-{r}, Gruppe {c + 1} auf Seite {page}");
                value.BoundingBox.Bottom.ShouldBe(label.BoundingBox.Bottom, 2.5, $"Wert und Zeilenbeschriftung von Thema-{r} stehen auf einer Höhe");
            }
        }

        foreach (var page in continued.Prepend(first))
        {
            var header = pdf.WordsOnPage(page, "Auszubildende").ShouldHaveSingleItem($"Spaltenköpfe auf Seite {page}");
            pdf.Words[page - 1].Where(w => w.Text.StartsWith("Thema-", StringComparison.Ordinal))
                .ShouldAllBe(w => w.BoundingBox.Top < header.BoundingBox.Bottom, $"Spaltenköpfe über allen Zeilen auf Seite {page}");
        }

        NothingStandsBelowTheContentArea(pdf);
    }

    [Fact]
    public void A_stacked_bar_chart_taller_than_a_page_continues_with_its_legend_and_keeps_every_row_with_its_shares()
    {
        var items = Enumerable.Range(1, 60).Select(r => new StackedBarItem($"Thema-{r}", 100 + r, [40 + r % 20, 30, 30 - r % 20])).ToList();
        var document = PdfTestWriter.NewDocument().With(
            new HeadingBlock("Dringlichkeit"),
            new ParagraphBlock("Vorspann vor dem Diagramm."),
            new StackedBarChartBlock("Abbildung 8: Dringlichkeit nach Thema", ["jetzt", "später", "irgendwann"], items)
            {
                Note = "Anteil in %; Schlussnotiz des Diagramms.",
            });

        using var pdf = PdfTestWriter.WriteAndRead(document);

        var title = "Abbildung 8: Dringlichkeit nach Thema";
        var first = pdf.PagesWith(title).Min();
        var continued = pdf.PagesWith(title + " (Fortsetzung)");
        continued.ShouldNotBeEmpty();
        continued.ShouldBe(Enumerable.Range(first + 1, continued.Count).ToList(), "die Fortsetzungen folgen Seite für Seite");
        pdf.PageWith("Schlussnotiz").ShouldBe(continued[^1], "die Notiz steht unter dem letzten Teil");
        foreach (var page in continued.Prepend(first))
        {
            pdf.WordsOnPage(page, "irgendwann").ShouldHaveSingleItem($"Legende auf Seite {page}");
        }

        for (var r = 1; r <= 60; r++)
        {
            var page = pdf.PagesWithWord($"Thema-{r}").ShouldHaveSingleItem($"Thema-{r} steht genau einmal");
            var label = pdf.WordsOnPage(page, $"Thema-{r}").Single();
            var firstShare = pdf.Words[page - 1].Where(w => w.Text == $"{40 + r % 20}" && Math.Abs(w.BoundingBox.Bottom - label.BoundingBox.Bottom) < 6);
            firstShare.ShouldNotBeEmpty($"der erste Anteil von Thema-{r} steht auf der Höhe seiner Zeile (Seite {page})");
        }

        NothingStandsBelowTheContentArea(pdf);
    }

    [Fact]
    public void A_heat_map_that_fits_on_a_page_is_not_split()
    {
        using var pdf = PdfTestWriter.WriteAndRead(PdfTestWriter.NewDocument().With(LongHeatMap(12)));

        pdf.Pages.Count.ShouldBe(1);
        pdf.AllText.ShouldNotContain("(Fortsetzung)");
    }

    [Fact]
    public void A_table_taller_than_a_page_breaks_between_rows_with_its_header_repeated_and_stays_above_the_footer()
    {
        var rows = Enumerable.Range(1, 90).Select(i => new TableRow(
        [
            $"Anfang{i} " + string.Join(' ', Enumerable.Repeat("Hindernis", 4 + i % 7)) + $" Ende{i}",
            $"{i},5",
        ])).ToList();
        var document = PdfTestWriter.NewDocument().With(
            new ParagraphBlock("Vorspann vor der Tabelle."),
            new TableBlock([new TableColumn("Begründung", Weight: 3), TableColumn.Numeric("Anteil in %")], rows)
            {
                Caption = "Tabelle 4: Hindernisse",
                Note = "Schlussnotiz der Tabelle.",
            });

        using var pdf = PdfTestWriter.WriteAndRead(document);

        var pages = Enumerable.Range(1, 90).Select(i => pdf.PagesWithWord($"Anfang{i}").ShouldHaveSingleItem()).Distinct().ToList();
        pages.Count.ShouldBeGreaterThan(2);
        for (var i = 1; i <= 90; i++)
        {
            var page = pdf.PagesWithWord($"Anfang{i}").Single();
            pdf.PagesWithWord($"Ende{i}").ShouldBe([page], $"Zeile {i} ist nicht geteilt");
            pdf.PagesWithWord($"{i},5").ShouldBe([page], $"Zeile {i} ist nicht geteilt");
        }

        foreach (var page in pages)
        {
            var header = pdf.WordsOnPage(page, "Begründung").ShouldHaveSingleItem($"Kopfzeile auf Seite {page}");
            pdf.Words[page - 1].Where(w => w.Text.StartsWith("Anfang", StringComparison.Ordinal))
                .ShouldAllBe(w => w.BoundingBox.Top < header.BoundingBox.Bottom, $"Kopfzeile über allen Zeilen auf Seite {page}");
        }

        NothingStandsBelowTheContentArea(pdf);
    }

    /// <summary>Below the content area stand only the footer's words ("Seite X von Y") and the rule above them.</summary>
    private static void NothingStandsBelowTheContentArea(PdfReadBack pdf)
    {
        var theme = PdfTestWriter.Theme;
        var contentBottom = theme.PageHeight - theme.ContentBottom;
        var footerRule = theme.PageHeight - (theme.FooterTop - 1f);
        for (var page = 1; page <= pdf.Pages.Count; page++)
        {
            var footer = $"Seite {page} von {pdf.Pages.Count}".Split(' ');
            var below = pdf.WordsBelow(page, contentBottom);
            below.ShouldAllBe(word => footer.Contains(word), $"Seite {page}: {string.Join(' ', below)}");

            var drawn = pdf.Drawings(page).Where(d => d.Bottom < contentBottom - 0.5).ToList();
            drawn.ShouldAllBe(d => d.Height < 1.5 && Math.Abs(d.Bottom - footerRule) < 1.5, $"Seite {page}: Zeichnung unter dem Inhaltsbereich");
        }
    }
}
