using System.Diagnostics;
using Bedarfsanalyse.Core.Formatting;
using Bedarfsanalyse.Core.Questionnaires.Network;
using Bedarfsanalyse.Reports.Pdf;
using Bedarfsanalyse.Reports.Quarterly;
using Bedarfsanalyse.Reports.Templates;
using Bedarfsanalyse.Tests.Pdf;

namespace Bedarfsanalyse.Tests.Reports;

public sealed class QuarterlyReportTests
{
    private static readonly Theme Theme = Theme.CreateDefault();

    private static ReportTemplate Template(string? network = "mehrwert") =>
        new ReportTemplateLoader(ReportTemplateLoader.FindRoot(), NetworkQuestionnaires.All).Load(network);

    private static PdfReadBack Render(IDistrictReportData data, ReportTemplate? template = null) =>
        PdfReadBack.Of(new PdfDocumentWriter(Theme).Write(new QuarterlyReportComposer().Compose(data, template ?? Template())));

    [Fact]
    public void The_cover_names_district_quarter_network_and_committee()
    {
        using var pdf = Render(new SampleDistrictData());

        pdf.Texts[0].ShouldContain("Holzminden – 3. Quartal 2026");
        pdf.Texts[0].ShouldContain("Bericht für den Steuerkreis MehrWert");
        pdf.Texts[0].ShouldContain("Weiterbildungsverbund MehrWert");
        pdf.Texts[0].ShouldContain("Stand: 05.10.2026");
    }

    [Fact]
    public void With_45_districts_the_regional_chart_continues_on_the_next_page_and_nothing_stands_over_the_footer()
    {
        var data = new SampleDistrictData(districts: 45);
        using var pdf = Render(data);

        var title = "Betriebe, die Weiterbildung unterstützt haben, nach Landkreis";
        var first = pdf.PagesWith(title).Min();
        var continued = pdf.PagesWith(title + " (Fortsetzung)");
        continued.ShouldNotBeEmpty();
        continued.ShouldBe(Enumerable.Range(first + 1, continued.Count).ToList());
        pdf.PagesWith("Landkreis 45 (n = 105)").Min().ShouldBe(continued[^1]);

        // Below the content area stand only the footer's words.
        var contentBottom = Theme.PageHeight - Theme.ContentBottom;
        for (var page = 1; page <= pdf.Pages.Count; page++)
        {
            var footer = $"Steuerkreis MehrWert · {data.NetworkName} Seite {page} von {pdf.Pages.Count}".Split(' ');
            var below = pdf.Words[page - 1].Where(w => w.BoundingBox.Bottom < contentBottom - 0.5).Select(w => w.Text).ToList();
            below.ShouldAllBe(word => footer.Contains(word), $"Seite {page}: {string.Join(' ', below)}");
        }
    }

    [Theory]
    [InlineData("mehrwert", "für den Steuerkreis MehrWert")]
    [InlineData("leine-weser", "für die Lenkungsgruppe des Fachkräftebündnisses")]
    public void The_committee_is_named_with_its_own_article_on_the_cover_in_the_text_and_in_the_metadata(string network, string expected)
    {
        using var pdf = Render(new SampleDistrictData(), Template(network));

        pdf.Texts[0].ShouldContain("Bericht " + expected);
        pdf.Texts[1].ShouldContain("Dieser Bericht fasst " + expected);
        (pdf.Document.Information.Subject ?? "").ShouldContain("Quartalsbericht " + expected);
        pdf.AllText.ShouldNotContain("den Lenkungsgruppe");
    }

    [Fact]
    public void The_sector_and_size_tables_are_headed_with_German_names_not_variable_names()
    {
        using var pdf = Render(new SampleDistrictData());

        pdf.AllText.ShouldContain("Wirtschaftszweig Interviews");
        pdf.AllText.ShouldContain("Größenklasse Interviews");
        pdf.AllText.ShouldNotContain("a_wirtschaftsgruppe");
        pdf.AllText.ShouldNotContain("a_groessenklasse");
    }

    [Fact]
    public void The_regional_comparison_names_the_network_in_a_grammatical_sentence()
    {
        using var pdf = Render(new SampleDistrictData());

        pdf.AllText.ShouldContain("Die Übersicht stellt Holzminden dem gesamten Verbund (Weiterbildungsverbund MehrWert) und den übrigen Landkreisen des Verbunds gegenüber.");
        pdf.AllText.ShouldNotContain("neben den Verbund");
    }

    [Fact]
    public void In_the_regional_table_the_reports_own_district_is_marked_and_set_in_bold_and_the_others_are_not()
    {
        var data = new SampleDistrictData();
        using var pdf = Render(data);
        var own = data.Regional("arbeitgeber", "b_gefoerdert", "ja").Districts.Single(d => d.IsReportDistrict).Share;
        var page = pdf.PageWith($"Holzminden (dieser Bericht) {own.Text} {own.IntervalText} {own.NText}");

        // The table's rows are the lines that end in the n; the chart above names the districts with "(n = …)".
        var tableWords = pdf.Words[page - 1].Where(w => w.Text is "Holzminden" or "Hameln-Pyrmont" or "Schaumburg")
            .GroupBy(w => w.Text)
            .ToDictionary(g => g.Key, g => g.OrderBy(w => w.BoundingBox.Bottom).First());
        bool IsBold(UglyToad.PdfPig.Content.Word word) => word.Letters.All(l => l.FontName?.Contains("Bold", StringComparison.Ordinal) == true);

        IsBold(tableWords["Holzminden"]).ShouldBeTrue("die Zeile des eigenen Landkreises ist fett");
        IsBold(tableWords["Hameln-Pyrmont"]).ShouldBeFalse();
        IsBold(tableWords["Schaumburg"]).ShouldBeFalse();
        pdf.AllText.ShouldContain("Hameln-Pyrmont 51,0 %");
    }

    [Fact]
    public void Every_page_says_Seite_X_von_Y()
    {
        using var pdf = Render(new SampleDistrictData());

        pdf.Pages.Count.ShouldBeGreaterThan(5);
        for (var page = 1; page <= pdf.Pages.Count; page++)
        {
            pdf.Texts[page - 1].ShouldContain($"Seite {page} von {pdf.Pages.Count}");
        }
    }

    [Fact]
    public void The_eight_sections_appear_in_the_order_of_the_template()
    {
        using var pdf = Render(new SampleDistrictData());

        var pages = new[]
        {
            "1 Das Wichtigste in Kürze", "2 Feldbericht", "3 Ergebnisse Betriebe", "4 Ergebnisse Beschäftigtengruppen",
            "5 Regionalvergleich", "6 Entwicklung im Zeitverlauf", "7 Methodische Hinweise", "8 Anhang",
        }.Select(pdf.PageWith).ToList();

        pages.ShouldBeInOrder();
    }

    [Fact]
    public void Figures_are_the_models_formatted_figures_with_n_and_interval()
    {
        var data = new SampleDistrictData();
        using var pdf = Render(data);
        var share = data.Share("arbeitgeber", "b_gefoerdert", "ja");

        pdf.AllText.ShouldContain($"{share.Text} {share.IntervalText} {share.NText}");
        pdf.AllText.ShouldContain("42,5 %");
        pdf.AllText.ShouldContain("n = 134; 95-%-KI 34,5–50,5 %");
        pdf.AllText.ShouldContain("+3,1 Prozentpunkte (statistisch nicht gesichert)");
        pdf.AllText.ShouldContain("(25,0 %)");
    }

    [Fact]
    public void Each_indicator_row_shows_its_own_share_interval_and_n()
    {
        var data = new SampleDistrictData();
        using var pdf = Render(data);

        foreach (var (title, question) in new[]
                 {
                     ("Betriebe, die Weiterbildung unterstützt haben", "b_gefoerdert"),
                     ("Betriebe mit schwer zu besetzenden Stellen", "f_offene_stellen"),
                     ("Ausbildungsbetriebe", "b_bildet_aus"),
                 })
        {
            var share = data.Share("arbeitgeber", question, "ja");
            pdf.AllText.ShouldContain($"{title} {share.Text} {share.IntervalText} {share.NText}");
        }

        pdf.AllText.ShouldContain("Betriebe mit schwer zu besetzenden Stellen 31,7 % 23,7–39,7 % 126");
        pdf.AllText.ShouldContain("Ausbildungsbetriebe 23,8 % 15,8–31,8 % 130");
    }

    [Fact]
    public void A_suppressed_share_shows_its_symbol_and_never_the_number()
    {

        var data = new SampleDistrictData();
        using var pdf = Render(data);
        var secret = data.Shares("arbeitgeber", "d_hemmnisse")[1];

        pdf.AllText.ShouldNotContain("77,7");
        pdf.AllText.ShouldNotContain("69,7");
        pdf.AllText.ShouldNotContain("85,7");

        // In the appendix table the share's and the interval's cells hold the symbol, the n stands; in the chart the symbol replaces the bar.
        pdf.AllText.ShouldContain($"{secret.Label} . . {secret.NText}");
        var chart = pdf.AllText[pdf.AllText.IndexOf("Was Weiterbildung im Betrieb erschwert", StringComparison.Ordinal)..];
        chart[..chart.IndexOf("Anteil in %", StringComparison.Ordinal)].ShouldContain($"(n = {secret.NText}) .");
        pdf.AllText.ShouldContain("Schaumburg / / 8");
    }

    [Fact]
    public void The_employer_results_show_vacancies_and_apprenticeship_figures_with_sum_mean_median_and_n()
    {
        using var pdf = Render(new SampleDistrictData());
        var page = pdf.Texts[pdf.PageWith("Schwer zu besetzende Stellen (57)") - 1];

        page.ShouldContain("Kennzahl Summe Mittelwert 95-%-KI Median n");
        page.ShouldContain("Schwer zu besetzende Stellen (57) (2,4) 1,9–2,9 (2,0) 24");
        pdf.AllText.ShouldContain("Neu abgeschlossene Ausbildungsverträge 1.248 1,6 1,3–1,9 1,0 780");
        pdf.PageWith("Schwer zu besetzende Stellen (57)").ShouldBeLessThan(pdf.PageWith("4 Ergebnisse Beschäftigtengruppen"));
    }

    [Fact]
    public void A_sum_dominated_by_one_or_two_establishments_and_a_small_base_show_only_their_symbols_in_every_column()
    {
        using var pdf = Render(new SampleDistrictData());

        pdf.AllText.ShouldContain("Unbesetzte Ausbildungsplätze . . . . 31");
        pdf.AllText.ShouldContain("Vorzeitig gelöste Ausbildungsverträge / / / / 5");
        pdf.AllText.ShouldNotContain("777");
        pdf.AllText.ShouldNotContain("77,7");
    }

    [Fact]
    public void Urgency_per_topic_is_a_stacked_bar_chart_most_urgent_first_with_n_and_a_hidden_row_as_its_symbol()
    {
        using var pdf = Render(new SampleDistrictData());
        var page = pdf.Texts[pdf.PageWith("Wie dringend der Bedarf ist, nach Thema") - 1];

        page.ShouldContain("Künstliche Intelligenz (n = 61)");
        page.IndexOf("Künstliche Intelligenz (n = 61)", StringComparison.Ordinal).ShouldBeLessThan(page.IndexOf("Digitale Grundkenntnisse (n = 48)", StringComparison.Ordinal));
        page.ShouldContain("59 %");
        page.ShouldContain("jetzt in 1–2 Jahren in 3–5 Jahren");
        page.ShouldContain("IT-Sicherheit (n = 12)");
        page.ShouldNotContain("Führung (n = 0)");
        page.ShouldNotContain("78 %");

        // A row with a hidden share shows only the symbol: its other shares would give the hidden one away (100 % minus them).
        var words = pdf.Words[pdf.PageWith("Wie dringend der Bedarf ist, nach Thema") - 1];
        var n = words.Single(w => w.Text == "12)");
        var label = words.Single(w => w.Text == "IT-Sicherheit" && Math.Abs(w.BoundingBox.Bottom - n.BoundingBox.Bottom) < 3);
        words.Where(w => w.BoundingBox.Left > n.BoundingBox.Right && Math.Abs(w.BoundingBox.Bottom - label.BoundingBox.Bottom) < 4)
            .Select(w => w.Text).ShouldBe(["."]);
        pdf.PageWith("Wie dringend der Bedarf ist, nach Thema").ShouldBeLessThan(pdf.PageWith("4 Ergebnisse Beschäftigtengruppen"));
    }

    [Fact]
    public void The_key_messages_compare_with_the_network_name_the_top_need_the_change_and_the_field_work()
    {
        var data = new SampleDistrictData();
        using var pdf = Render(data);
        var summary = pdf.Texts[pdf.PageWith("1 Das Wichtigste in Kürze") - 1];
        var top = data.Shares("arbeitgeber", "c_themen").Where(s => s.ShownPercent is not null).OrderByDescending(s => s.ShownPercent).ToList();

        summary.ShouldContain("• Betriebe, die Weiterbildung unterstützt haben: in Holzminden 42,5 %, im Verbund 46,8 %; ein Unterschied zum Verbund ist statistisch nicht gesichert.");
        summary.ShouldContain($"• Häufigster Weiterbildungsbedarf der Betriebe: „{top[0].Label}“ mit 62,0 % (n = 134), danach „{top[1].Label}“ mit 56,0 % und „{top[2].Label}“ mit 50,0 %.");
        summary.ShouldContain("• Gegenüber dem 3. Quartal 2025 hat sich keine der Kennzahlen statistisch gesichert verändert.");
        summary.ShouldContain("• Feldarbeit im 3. Quartal 2026: 298 von 300 geplanten Interviews (99 % des Solls). Dazu kommen 48 Interviews in Gruppen ohne Soll (Auszubildende).");
        summary.ShouldNotContain("über dem Verbund");
        summary.ShouldNotContain("unter dem Verbund");
        summary.Split('•').Length.ShouldBeInRange(4, 6);
    }

    [Fact]
    public void A_secured_difference_to_the_network_and_the_largest_secured_change_are_named_with_their_direction()
    {
        var data = new SampleDistrictData
        {
            NetworkDifference = new Core.Statistics.DifferenceEstimate
            {
                Point = -0.081, Interval = new Core.Statistics.ConfidenceInterval(-0.15, -0.01), IsStatisticallySecured = true, CurrentUnweightedN = 134, PreviousUnweightedN = 905,
            },
            SecuredChanges = new Dictionary<string, (double, double)> { ["b_bildet_aus"] = (0.30, 0.125), ["f_offene_stellen"] = (0.5, -0.075) },
        };
        using var pdf = Render(data);
        var summary = pdf.Texts[pdf.PageWith("1 Das Wichtigste in Kürze") - 1];

        summary.ShouldContain("Holzminden liegt damit statistisch gesichert 8,1 Prozentpunkte unter dem Verbund.");
        summary.ShouldContain("• Größte gesicherte Veränderung gegenüber dem 3. Quartal 2025: Ausbildungsbetriebe +12,5 Prozentpunkte (von 30,0 % auf 23,8 %).");
        summary.ShouldNotContain("nicht gesichert");
    }

    [Fact]
    public void A_district_with_only_employer_interviews_says_so_in_one_sentence_instead_of_a_heat_map_of_dashes()
    {
        using var pdf = Render(new SampleDistrictData(employerInterviews: 134, employeeInterviews: 0));
        var section = pdf.AllText[pdf.AllText.IndexOf("4 Ergebnisse Beschäftigtengruppen", StringComparison.Ordinal)..pdf.AllText.IndexOf("5 Regionalvergleich", StringComparison.Ordinal)];

        section.ShouldContain("Für Holzminden liegen im 3. Quartal 2026 keine Interviews mit Beschäftigten vor; Ergebnisse der Beschäftigtengruppen können deshalb nicht ausgewiesen werden.");
        pdf.AllText.ShouldNotContain("Bedarfsthemen nach Beschäftigtengruppe");
        pdf.AllText.ShouldNotContain("Was Beschäftigte von Weiterbildung abhält");
        pdf.AllText.ShouldContain("Betriebe, die Weiterbildung unterstützt haben");
    }

    [Fact]
    public void A_suppressed_count_shows_its_symbol_and_never_the_number()
    {
        using var pdf = Render(new SampleDistrictData());

        // The table may continue on the next page, so the rows are looked for after its caption.
        var table = pdf.AllText[pdf.AllText.IndexOf("Befragte Betriebe nach Wirtschaftszweig", StringComparison.Ordinal)..];
        table.ShouldContain("A Land- und Forstwirtschaft .");
        table.ShouldContain("J–N Dienstleistungen .");
        table.ShouldContain("B–F Produzierendes Gewerbe 41");
    }

    [Fact]
    public void The_methods_explain_every_symbol()
    {
        var template = Template();
        var data = new SampleDistrictData();
        using var pdf = Render(data, template);
        var values = QuarterlyReportComposer.Values(data, template);

        foreach (var (symbol, meaning) in QuarterlyReportComposer.Symbols)
        {
            pdf.AllText.ShouldContain($"{symbol} {template.Texts.Render(meaning, values)}");
        }

        pdf.AllText.ShouldContain("p vorläufige Zahl");
        pdf.AllText.ShouldContain(". geheim: weniger als 3 Befragte");
        pdf.AllText.ShouldContain("(Basis 10 bis 29 Befragte)");
    }

    [Fact]
    public void The_methods_and_the_symbol_table_name_the_disclosure_thresholds_that_were_applied()
    {
        var data = new SampleDistrictData { Disclosure = new DisclosureRules(5, 20, 50, 3, 90m) };
        using var pdf = Render(data);

        // The methods paragraph may continue on the next page, below its header: its parts one by one.
        pdf.AllText.ShouldContain("Werte aus weniger als 5 Interviews und Anteile mit einer Basis unter 20 Befragten werden nicht veröffentlicht");
        pdf.AllText.ShouldContain("zu denen die 3 größten Betriebe mehr als 90 % beitragen.");
        pdf.AllText.ShouldContain(". geheim: weniger als 5 Befragte");
        pdf.AllText.ShouldContain("/ keine Angabe, da Zahlenwert nicht sicher genug (Basis unter 20 Befragten)");
        pdf.AllText.ShouldContain("(Basis 20 bis 49 Befragte)");
        pdf.AllText.ShouldNotContain("weniger als 3");
        pdf.AllText.ShouldNotContain("Basis 10 bis 29");
    }

    [Fact]
    public void The_field_report_sets_interviews_against_targets()
    {
        using var pdf = Render(new SampleDistrictData());

        pdf.AllText.ShouldContain("Befragtengruppe Soll Ist Erreicht");
        pdf.AllText.ShouldContain("Befragte Unternehmen 150 134 89 %");
    }

    [Fact]
    public void The_field_table_totals_the_groups_with_a_target_apart_from_all_interviews()
    {
        using var pdf = Render(new SampleDistrictData());

        // Soll 150 + 50 + 50 + 50, Ist 134 + 60 + 52 + 52; the 48 apprentices have no Soll and count only in "Insgesamt".
        pdf.AllText.ShouldContain("Beschäftigte mit Einwanderungsgeschichte 50 52 104 % Gruppen mit Soll 300 298 99 % Insgesamt – 346 –");
    }

    [Fact]
    public void Where_every_interviewed_group_has_a_target_the_field_table_has_one_total()
    {
        var data = new SampleDistrictData { FieldTargetLines = [new("Betriebe", 30, 40, IsEmployers: true), new("Auszubildende", 10, 8)] };
        using var pdf = Render(data);

        pdf.AllText.ShouldContain("Auszubildende 8 10 125 % Insgesamt 48 40 83 %");
        pdf.AllText.ShouldNotContain("Gruppen mit Soll");
    }

    [Fact]
    public void The_field_report_shows_a_tile_per_respondent_group_with_Ist_against_Soll_and_the_share_of_the_target()
    {
        using var pdf = Render(new SampleDistrictData(employerInterviews: 38));
        var page = pdf.PageWith("2 Feldbericht");

        Tile(pdf, page, "38").ShouldBe("38 Befragte Unternehmen von 150 · 25 % des Solls");
        Tile(pdf, page, "60").ShouldBe("60 Ältere Beschäftigte (55 und älter) von 50 · 120 % des Solls");
        Tile(pdf, page, "52", first: true).ShouldBe("52 Jüngere Beschäftigte (unter 25) von 50 · 104 % des Solls");
        Tile(pdf, page, "48").ShouldBe("48 Auszubildende kein Soll hinterlegt");
    }

    /// <summary>The words of the field report's key-figure tile whose big figure is <paramref name="value"/>, from top to bottom.</summary>
    /// <summary>The words of a tile, read down its column: by default a field-report tile, with keyFigure a tile of "Das Wichtigste in Kürze".</summary>
    private static string Tile(PdfReadBack pdf, int page, string value, bool first = false, bool keyFigure = false)
    {
        var words = pdf.Words[page - 1];
        var big = words.Max(w => w.BoundingBox.Height) * 0.8;
        bool IsBig(UglyToad.PdfPig.Content.Word w) => w.BoundingBox.Height > big;
        var heading = words.Single(w => w.Text == "Feldbericht").BoundingBox.Bottom;
        var values = words.Where(w => w.Text == value && IsBig(w) && (keyFigure ? w.BoundingBox.Bottom > heading : w.BoundingBox.Top < heading)).OrderByDescending(w => w.BoundingBox.Top).ToList();
        var figure = first ? values[0] : values.ShouldHaveSingleItem($"eine Kachel mit {value}");
        var column = words.Where(w => w.BoundingBox.Left >= figure.BoundingBox.Left - 1 && w.BoundingBox.Left < figure.BoundingBox.Left + 120 && w.BoundingBox.Top <= figure.BoundingBox.Top + 1)
            .OrderByDescending(w => Math.Round(w.Letters[0].StartBaseLine.Y))
            .ThenBy(w => w.BoundingBox.Left)
            .ToList();

        // The tile ends at the next big figure or at a gap wider than a line.
        var tile = new List<UglyToad.PdfPig.Content.Word> { figure };
        foreach (var word in column.Skip(1).TakeWhile(w => !IsBig(w)))
        {
            if (tile[^1].BoundingBox.Bottom - word.BoundingBox.Top > 12)
            {
                break;
            }

            tile.Add(word);
        }

        return PdfReadBack.Normalise(string.Join(' ', tile.Select(w => w.Text)));
    }

    [Fact]
    public void The_trend_chart_shows_the_n_of_every_quarter_and_marks_the_provisional_quarter_p_in_chart_and_table()
    {
        var data = new SampleDistrictData();
        using var pdf = Render(data);
        var section = pdf.AllText[pdf.AllText.IndexOf("6 Entwicklung im Zeitverlauf", StringComparison.Ordinal)..];
        var chart = section[..section.IndexOf("Tabelle", StringComparison.Ordinal)];

        foreach (var point in data.Trend("arbeitgeber", "b_gefoerdert", "ja").Points)
        {
            chart.ShouldContain($"n = {point.Quarterly.NText}");
        }

        chart.ShouldContain("Q3/2026 p");
        chart.ShouldNotContain("Q2/2026 p");
        chart.ShouldContain("„p“ vorläufige Zahl");
        chart.ShouldNotContain("„r“");
        pdf.AllText.ShouldContain("Q3/2026 42,5 % p 34,5–50,5 % 134 43,0 % p 386");
        pdf.AllText.ShouldContain("Q2/2026 44,0 % 36,0–52,0 % 128 41,5 % 372");
        pdf.AllText.ShouldContain("Q3/2025 39,4 % 31,4–47,4 % 120 – –");
    }

    [Fact]
    public void Provisional_figures_carry_p_in_every_table_chart_value_tile_and_message_and_the_notes_explain_it()
    {
        var data = new SampleDistrictData { CurrentRevision = FigureRevision.Provisional };
        using var pdf = Render(data);
        var text = pdf.AllText;
        var beforeTrend = text[..text.IndexOf("6 Entwicklung im Zeitverlauf", StringComparison.Ordinal)];
        var top = data.Shares("arbeitgeber", "c_themen")[0];

        pdf.Texts[1].ShouldContain("42,5 % p");
        beforeTrend.ShouldContain("in Holzminden 42,5 % p, im Verbund 46,8 % p;");
        beforeTrend.ShouldContain("Ausbildungsbetriebe 23,8 % p 15,8–31,8 % 130");
        beforeTrend.ShouldContain("Neu abgeschlossene Ausbildungsverträge 1.248 p 1,6 p 1,3–1,9 1,0 p 780");
        beforeTrend.ShouldContain("Hameln-Pyrmont 51,0 % p");
        text.ShouldContain($"{top.Label} 62,0 % p 54,0–70,0 % 134");

        // A chart writes the mark after each shown value; a hidden one keeps its bare symbol.
        var bars = Between(text, "Die zehn häufigsten Bedarfsthemen der Betriebe", "Anteil in %");
        bars.ShouldContain("62,0 % p");
        var heatMap = Between(text, "Bedarfsthemen nach Beschäftigtengruppe", "Tabelle");
        heatMap.ShouldContain("20,0 % p 23,0 % p");
        text.ShouldContain("Unbesetzte Ausbildungsplätze . . . . 31");
        text.ShouldContain("Schaumburg / / 8");
        text.ShouldNotContain(". p ");
        text.ShouldNotContain("/ p ");

        beforeTrend.ShouldContain("„p“ vorläufige Zahl");
        beforeTrend.ShouldNotContain("„r“");
        beforeTrend.ShouldContain("Die Anteile sind vorläufig („p“).");
    }

    [Fact]
    public void Final_figures_carry_no_mark_and_their_notes_name_neither_p_nor_r()
    {
        using var pdf = Render(new SampleDistrictData());
        var beforeTrend = pdf.AllText[..pdf.AllText.IndexOf("6 Entwicklung im Zeitverlauf", StringComparison.Ordinal)];

        beforeTrend.ShouldContain("Hameln-Pyrmont 51,0 % 43,0–59,0 % 160");
        beforeTrend.ShouldNotContain("% p");
        beforeTrend.ShouldNotContain("„p“");
        beforeTrend.ShouldNotContain("„r“");
        beforeTrend.ShouldNotContain("vorläufig");
    }

    [Fact]
    public void Revised_figures_carry_r_and_their_notes_explain_r()
    {
        using var pdf = Render(new SampleDistrictData { CurrentRevision = FigureRevision.Revised });
        var beforeTrend = pdf.AllText[..pdf.AllText.IndexOf("6 Entwicklung im Zeitverlauf", StringComparison.Ordinal)];

        beforeTrend.ShouldContain("Hameln-Pyrmont 51,0 % r");
        beforeTrend.ShouldContain("Ausbildungsbetriebe 23,8 % r 15,8–31,8 % 130");
        beforeTrend.ShouldContain("„r“ berichtigte Zahl");
        beforeTrend.ShouldNotContain("„p“");
    }

    private static string Between(string text, string start, string end)
    {
        var from = text.IndexOf(start, StringComparison.Ordinal);
        from.ShouldBeGreaterThanOrEqualTo(0, $"„{start}“ fehlt");
        var rest = text[from..];
        var to = rest.IndexOf(end, start.Length, StringComparison.Ordinal);
        return to < 0 ? rest : rest[..to];
    }

    [Fact]
    public void A_district_without_interviews_gets_a_short_report_that_says_so()
    {
        using var pdf = Render(new SampleDistrictData(employerInterviews: 0, employeeInterviews: 0));

        pdf.Pages.Count.ShouldBe(1);
        pdf.AllText.ShouldContain("Für Holzminden liegen für das 3. Quartal 2026 keine abgeschlossenen Interviews vor.");
        pdf.AllText.ShouldContain("Seite 1 von 1");
    }

    [Theory]
    [InlineData(1, 0, "nur ein abgeschlossenes Interview vor")]
    [InlineData(1, 1, "nur 2 abgeschlossene Interviews vor")]
    public void A_district_with_one_or_two_interviews_gets_a_short_report_without_symbols_or_charts(int employers, int employees, string expected)
    {
        using var pdf = Render(new SampleDistrictData(employerInterviews: employers, employeeInterviews: employees));

        pdf.Pages.Count.ShouldBe(1);
        pdf.AllText.ShouldContain("Zu wenige Interviews");
        pdf.AllText.ShouldContain(expected);
        pdf.AllText.ShouldContain("Ergebnisse werden erst ab 3 Interviews ausgewiesen");
        pdf.AllText.ShouldNotContain("Abbildung 1");
        pdf.AllText.ShouldNotContain("Tabelle 1");
    }

    [Fact]
    public void A_network_override_changes_the_committee_and_the_order_of_sections()
    {
        using var pdf = Render(new SampleDistrictData(), Template("leine-weser"));

        pdf.Texts[0].ShouldContain("Lenkungsgruppe des Fachkräftebündnisses");
        pdf.PageWith("2 Ergebnisse Betriebe").ShouldBeLessThan(pdf.PageWith("4 Feldbericht"));
    }

    [Fact]
    public void A_network_file_that_renames_a_section_and_rewords_a_key_message_shows_both_in_the_PDF()
    {
        using var folder = new TemplateFolder();
        folder.Write("networks/testverbund.json", """
            {
              "titles": { "summary": "Auf einen Blick" },
              "texts": {
                "message_network_not_secured": "{{ titel }}: {{ anteil }} in {{ bezirk }} gegenüber {{ anteil_verbund }} im ganzen Verbund, ein gesicherter Abstand ist das nicht."
              }
            }
            """);

        using var pdf = Render(new SampleDistrictData(), folder.Loader.Load("testverbund"));
        var summary = pdf.Texts[pdf.PageWith("1 Auf einen Blick") - 1];

        summary.ShouldContain("• Betriebe, die Weiterbildung unterstützt haben: 42,5 % in Holzminden gegenüber 46,8 % im ganzen Verbund, ein gesicherter Abstand ist das nicht.");
        summary.ShouldNotContain("ein Unterschied zum Verbund ist statistisch nicht gesichert");
        pdf.AllText.ShouldNotContain("Das Wichtigste in Kürze");
        pdf.AllText.ShouldContain("2 Feldbericht");
    }

    [Fact]
    public void The_metadata_name_district_quarter_network_and_language()
    {
        using var pdf = Render(new SampleDistrictData());
        var information = pdf.Document.Information;

        information.Title.ShouldBe("Quartalsbericht Weiterbildungsbedarf: Holzminden – 3. Quartal 2026");
        information.Author.ShouldBe("Weiterbildungsverbund MehrWert");
        information.Subject!.ShouldContain("Steuerkreis MehrWert");
        System.Text.Encoding.Latin1.GetString(pdf.Bytes).ShouldContain("/Lang (de-DE)");
    }

    [Fact]
    public void A_network_file_can_reword_header_footer_cover_lines_and_keywords()
    {
        using var folder = new TemplateFolder();
        folder.Write("networks/testverbund.json", """
            {
              "texts": {
                "header_left": "Bedarfsbericht {{ bezirk }}",
                "header_right": "{{ quartal_kurz }}",
                "footer_left": "Vertraulich: nur für {{ gremium_akkusativ }}",
                "cover_title": "Landkreis {{ bezirk }}, {{ quartal }}",
                "cover_network": "Ein Bericht des {{ netzwerk }}",
                "keywords": "Fachkräfte, {{ bezirk }}"
              }
            }
            """);

        using var pdf = Render(new SampleDistrictData(), folder.Loader.Load("testverbund"));

        pdf.Texts[0].ShouldContain("Landkreis Holzminden, 3. Quartal 2026");
        pdf.Texts[0].ShouldContain("Ein Bericht des Weiterbildungsverbund MehrWert");
        pdf.Texts[0].ShouldNotContain("Bedarfsbericht Holzminden");
        pdf.Texts[1].ShouldContain("Bedarfsbericht Holzminden");
        pdf.Texts[1].ShouldContain("Q3/2026");
        pdf.Texts[1].ShouldContain("Vertraulich: nur für den Steuerkreis");
        pdf.AllText.ShouldNotContain("Quartalsbericht Weiterbildungsbedarf · Holzminden");
        (pdf.Document.Information.Keywords ?? "").ShouldContain("Fachkräfte");
        (pdf.Document.Information.Keywords ?? "").ShouldContain("Holzminden");
        (pdf.Document.Information.Keywords ?? "").ShouldNotContain("Bedarfsanalyse");
    }

    [Fact]
    public void A_text_that_fails_only_when_filled_in_stops_the_report_with_its_file_instead_of_printing_a_Liquid_error()
    {
        using var folder = new TemplateFolder();
        folder.Write("networks/testverbund.json", """
            { "texts": { "cover_network": "{{ netzwerk | truncate: bezirk }}" } }
            """);
        var template = folder.Loader.Load("testverbund");

        var error = Should.Throw<TemplateValidationException>(() => new QuarterlyReportComposer().Compose(new SampleDistrictData(), template));

        error.Errors.ShouldHaveSingleItem().ToString().ShouldStartWith(Path.Combine("networks", "testverbund.json") + ", Zeile 1:");
        error.Message.ShouldContain("Der Text ließ sich beim Erstellen des Berichts nicht ausfüllen");
    }

    [Fact]
    public void A_text_file_that_fails_only_when_filled_in_names_the_line_of_the_failing_placeholder()
    {
        using var folder = new TemplateFolder();
        folder.Write("quartalsbericht/feldbericht.liquid", """
            Im {{ quartal }} wurden in {{ bezirk }} Interviews geführt.

            Kurz: {{ quartal | truncate: bezirk }}.
            """);
        var template = folder.Loader.Load();

        var error = Should.Throw<TemplateValidationException>(() => new QuarterlyReportComposer().Compose(new SampleDistrictData(), template));

        error.Errors.ShouldHaveSingleItem().ToString().ShouldStartWith(Path.Combine("quartalsbericht", "feldbericht.liquid") + ", Zeile 3:");
    }

    [Fact]
    public void The_key_figure_tiles_give_each_side_its_own_target_whatever_the_groups_are_called()
    {
        using var pdf = Render(new SampleDistrictData());
        var summary = pdf.Texts[1];

        // Establishments 150, employee groups 50 + 50 + 50 (apprentices without target): neither tile shows the sum of both.
        System.Text.RegularExpressions.Regex.Matches(summary, "Soll: 150").Count.ShouldBe(2);
        summary.ShouldNotContain("Soll: 300");
    }

    [Fact]
    public void The_employee_tile_names_the_groups_interviewed_without_a_target_beside_its_Soll()
    {
        using var pdf = Render(new SampleDistrictData());

        // 212 employees, 48 of them apprentices without target: the Soll of 150 covers only the other groups.
        Tile(pdf, 2, "212", keyFigure: true).ShouldBe("212 befragte Beschäftigte Soll: 150 (ohne Auszubildende)");
        Tile(pdf, 2, "134", keyFigure: true).ShouldBe("134 befragte Betriebe Soll: 150");
    }

    [Fact]
    public void The_first_pages_are_rendered_to_PNG_for_a_person_to_look_at()
    {
        var folder = TestOutputFolder.Prepare("report");

        var pdfPath = Path.Combine(folder, "quartalsbericht-03255-2026-Q3.pdf");
        File.WriteAllBytes(pdfPath, new PdfDocumentWriter(Theme).Write(new QuarterlyReportComposer().Compose(new SampleDistrictData(), Template())));
        using var pdftoppm = Process.Start(new ProcessStartInfo("pdftoppm", ["-png", "-r", "60", "-l", "6", pdfPath, Path.Combine(folder, "seite")])
        {
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("pdftoppm (Debian-Paket poppler-utils) ist nicht installiert.");
        var errors = pdftoppm.StandardError.ReadToEnd();
        pdftoppm.WaitForExit();

        pdftoppm.ExitCode.ShouldBe(0, errors);
        Directory.GetFiles(folder, "seite-*.png").Length.ShouldBe(6);
    }
}
