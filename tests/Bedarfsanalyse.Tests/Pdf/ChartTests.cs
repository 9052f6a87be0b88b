using Bedarfsanalyse.Core.Formatting;
using Bedarfsanalyse.Reports.Pdf;
using Bedarfsanalyse.Reports.Pdf.Charts;
using Bedarfsanalyse.Reports.Pdf.Layout;

namespace Bedarfsanalyse.Tests.Pdf;

public sealed class ChartTests
{
    [Fact]
    public void Bar_chart_labels_carry_n_and_values_in_German_format_as_text()
    {
        var document = PdfTestWriter.NewDocument().With(new BarChartBlock("Abbildung 1: Top-10-Bedarfe", SampleReport.TopTenNeeds()));

        using var pdf = PdfTestWriter.WriteAndRead(document);

        var text = pdf.Texts[0];
        text.ShouldContain("Abbildung 1: Top-10-Bedarfe");
        text.ShouldContain("Digitale Grundlagen (n = 134)");
        text.ShouldContain("61,2 %");
        text.ShouldContain("(24,0 %)");
        text.ShouldContain("Grundbildung (n = 2) .");
        text.ShouldContain("Anteil in %");
        text.ShouldContain("20 % 40 % 60 %");
        text.ShouldNotContain("61.2");
    }

    [Fact]
    public void A_bar_chart_whose_bars_are_all_hidden_keeps_the_whole_percent_scale_and_shows_each_symbol()
    {
        var items = new[]
        {
            new BarChartItem("IT-Sicherheit", null, 8, Symbol: "."),
            new BarChartItem("Datenschutz", null, 8, Symbol: "/"),
        };

        using var pdf = PdfTestWriter.WriteAndRead(PdfTestWriter.NewDocument().With(new BarChartBlock("Abbildung 1", items)));

        var text = pdf.Texts[0];
        text.ShouldContain("IT-Sicherheit (n = 8) .");
        text.ShouldContain("Datenschutz (n = 8) /");
        text.ShouldContain("0 % 20 % 40 % 60 % 80 % 100 %");
        text.ShouldNotContain(" 1 %");
    }

    [Fact]
    public void A_bar_chart_prints_a_share_and_its_n_exactly_as_the_tables_do()
    {
        // 0.4245 is stored a hair below 0.4245; the report's tables round it commercially to 42,5 %, and so must the chart.
        var share = 0.4245;
        var chart = new BarChartBlock("Abbildung 1", [new BarChartItem("Holzminden", share * 100.0, 12345, Symbol: "( )")]);

        using var pdf = PdfTestWriter.WriteAndRead(PdfTestWriter.NewDocument().With(chart));

        pdf.Texts[0].ShouldContain($"Holzminden (n = {GermanFigureFormat.Count(12345)})");
        pdf.Texts[0].ShouldContain(GermanFigureFormat.BracketedPercent(share));
        pdf.Texts[0].ShouldContain("(42,5 %)");
    }

    [Fact]
    public void A_bar_chart_draws_each_whisker_from_the_lower_to_the_upper_bound_of_its_interval()
    {
        var items = new[]
        {
            new BarChartItem("Holzminden", 40.0, 134, 30.0, 52.0),
            new BarChartItem("Schaumburg", 20.0, 60, 12.5, 31.0),
        };
        var document = PdfTestWriter.NewDocument().With(new BarChartBlock("Abbildung 1", items));

        using var pdf = PdfTestWriter.WriteAndRead(document);

        // The page position of a share, from where the axis labels "0 %" and "40 %" stand (centred on their ticks).
        var words = pdf.Words[0];
        double TickCentre(string number)
        {
            var value = words.Single(w => w.Text == number);
            var percent = words.Where(p => p.Text == "%" && Math.Abs(p.BoundingBox.Bottom - value.BoundingBox.Bottom) < 1 && p.BoundingBox.Left > value.BoundingBox.Right).MinBy(p => p.BoundingBox.Left)!;
            return (value.BoundingBox.Left + percent.BoundingBox.Right) / 2;
        }

        var zero = TickCentre("0");
        var perPercent = (TickCentre("40") - zero) / 40;
        var whiskers = pdf.Pages[0].Paths
            .Where(p => p.IsStroked && !p.IsClipping && p.StrokeColor?.ToRGBValues() is var (r, g, b) && Math.Abs(r - 0x2B / 255.0) < 0.01 && Math.Abs(g - 0x35 / 255.0) < 0.01 && Math.Abs(b - 0x40 / 255.0) < 0.01)
            .SelectMany(p => p)
            .Select(line => line.GetBoundingRectangle())
            .OfType<UglyToad.PdfPig.Core.PdfRectangle>()
            .Where(box => box.Width > 5 && box.Height < 0.5)
            .OrderByDescending(box => box.Bottom)
            .ToList();

        whiskers.Count.ShouldBe(2, "eine waagerechte Linie je Fehlerbalken");
        for (var i = 0; i < items.Length; i++)
        {
            whiskers[i].Left.ShouldBe(zero + items[i].Lower!.Value * perPercent, 1.0, $"{items[i].Label}: untere Grenze");
            whiskers[i].Right.ShouldBe(zero + items[i].Upper!.Value * perPercent, 1.0, $"{items[i].Label}: obere Grenze");
        }
    }

    [Fact]
    public void Chart_text_is_drawn_once_in_the_report_font()
    {
        var document = PdfTestWriter.NewDocument().With(new BarChartBlock("Abbildung 1", SampleReport.TopTenNeeds()));

        using var pdf = PdfTestWriter.WriteAndRead(document);

        pdf.WordsOnPage(1, "IT-Sicherheit").Count().ShouldBe(1);
        pdf.WordsOnPage(1, "48,5").Count().ShouldBe(1);
        var fonts = pdf.Pages[0].Letters.Select(l => l.FontName).Distinct().ToList();
        var expected = Path.GetFileNameWithoutExtension(PdfTestWriter.Theme.Fonts.RegularPath);
        fonts.ShouldAllBe(font => font != null && font.Contains(expected.Split('-')[0], StringComparison.Ordinal));
        fonts.Count.ShouldBeLessThanOrEqualTo(2, "eine normale und eine fette Schrift, jede nur einmal eingebettet");
    }

    [Fact]
    public void Stacked_bars_show_the_segment_names_and_the_shares_of_wide_segments()
    {
        var document = PdfTestWriter.NewDocument().With(
            new StackedBarChartBlock("Abbildung 2: Dringlichkeit", ["jetzt", "in 1–2 Jahren", "in 3–5 Jahren"], SampleReport.Urgency()));

        using var pdf = PdfTestWriter.WriteAndRead(document);

        var text = pdf.Texts[0];
        text.ShouldContain("jetzt");
        text.ShouldContain("in 1–2 Jahren");
        text.ShouldContain("in 3–5 Jahren");
        text.ShouldContain("Führung auf Distanz (n = 55)");
        text.ShouldContain("55 %");
        text.ShouldContain("Grundbildung (n = 2) .");
        text.ShouldContain("100 %");
    }

    [Fact]
    public void A_line_chart_names_the_periods_and_series_and_leaves_a_gap_for_a_missing_quarter()
    {
        var chart = new LineChartBlock("Abbildung 4: Trend", SampleReport.Quarters, SampleReport.Trend());
        var document = PdfTestWriter.NewDocument().With(chart);

        using var pdf = PdfTestWriter.WriteAndRead(document);

        var text = pdf.Texts[0];
        foreach (var quarter in SampleReport.Quarters)
        {
            text.ShouldContain(quarter);
        }

        text.ShouldContain("Holzminden");
        text.ShouldContain("Verbund MehrWert");
        text.ShouldContain("40 %");

        // Holzminden has no value for Q2/2026 (index 6): its line stops at Q1/2026 and starts again at Q3/2026.
        using var styles = new DocumentStyles(PdfTestWriter.Theme);
        var plot = chart.CreatePlot(new LayoutContext(PdfTestWriter.Theme, styles), 470, 170);
        var holzminden = plot.GetPlottables().OfType<ScottPlot.Plottables.Scatter>()
            .Where(s => s.Color == ScottPlot.Color.FromSKColor(PdfTestWriter.Theme.SeriesColors[0]))
            .Select(s => s.Data.GetScatterPoints().Select(p => p.X).ToList())
            .ToList();
        holzminden.ShouldBe([[0, 1, 2, 3, 4, 5], [7]]);
    }

    [Fact]
    public void A_heat_map_writes_every_value_and_shows_suppressed_cells_only_as_their_symbol()
    {
        var rows = new List<HeatMapRow>
        {
            new("Digitale Grundlagen", [new(61.2), new(48.0), new(35.0, "( )")]),
            new("Deutsch für den Beruf", [new(8.2), new(null, "."), new(null, "/")]),
        };
        var document = PdfTestWriter.NewDocument().With(
            new HeatMapBlock("Abbildung 3: Thema × Gruppe", ["Inhaber*innen, Geschäftsführung", "Beschäftigte 55+", "Auszubildende"], rows));

        using var pdf = PdfTestWriter.WriteAndRead(document);

        var text = pdf.Texts[0];
        text.ShouldContain("Inhaber*innen, Geschäftsführung");
        text.ShouldContain("Beschäftigte 55+");
        text.ShouldContain("Deutsch für den Beruf");
        text.ShouldContain("61,2 %");
        text.ShouldContain("(35,0 %)");
        text.ShouldContain("8,2 % . /");
    }
}
