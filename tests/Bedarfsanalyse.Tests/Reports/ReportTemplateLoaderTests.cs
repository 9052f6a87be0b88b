using Bedarfsanalyse.Core.Questionnaires.Network;
using Bedarfsanalyse.Reports.Templates;

namespace Bedarfsanalyse.Tests.Reports;

public sealed class ReportTemplateLoaderTests
{
    private static int LineOf(string path, string text) =>
        File.ReadAllLines(path).Select((line, index) => (line, index)).First(l => l.line.Contains(text, StringComparison.Ordinal)).index + 1;

    [Fact]
    public void The_shipped_template_has_the_eight_sections_of_the_quarterly_report_in_order()
    {
        var template = new ReportTemplateLoader(ReportTemplateLoader.FindRoot(), NetworkQuestionnaires.All).Load();

        template.Sections.Select(s => s.Title).ShouldBe([
            "Das Wichtigste in Kürze", "Feldbericht", "Ergebnisse Betriebe", "Ergebnisse Beschäftigtengruppen",
            "Regionalvergleich", "Entwicklung im Zeitverlauf", "Methodische Hinweise", "Anhang"]);
        template.Committee.ShouldBe("Steuerkreis");
        template.Sections.Single(s => s.Kind == SectionKind.EmployerResults).Blocks
            .ShouldContain(b => b.Kind == BlockKind.Bars && b.Question == "c_themen" && b.Top == 10 && b.Questionnaire == "arbeitgeber");
    }

    [Fact]
    public void Every_shipped_network_override_loads()
    {
        var loader = new ReportTemplateLoader(ReportTemplateLoader.FindRoot(), NetworkQuestionnaires.All);
        foreach (var file in Directory.GetFiles(Path.Combine(ReportTemplateLoader.FindRoot(), "networks"), "*.json"))
        {
            loader.Load(Path.GetFileNameWithoutExtension(file)).Sections.ShouldNotBeEmpty();
        }
    }

    [Fact]
    public void A_network_names_its_committee_reorders_drops_and_adds_a_chart_of_another_question()
    {
        using var folder = new TemplateFolder();
        folder.Write("networks/testverbund.json", """
            {
              "committee": "Lenkungsgruppe Testverbund",
              "order": ["employer_results", "summary", "field_report", "methods"],
              "drop": ["methods"],
              "add": [ { "section": "summary", "block": { "kind": "bars", "question": "v_zeitlage" } } ]
            }
            """);

        var template = folder.Loader.Load("testverbund");

        template.Committee.ShouldBe("Lenkungsgruppe Testverbund");
        template.Sections.Select(s => s.Kind).ShouldBe([SectionKind.EmployerResults, SectionKind.Summary, SectionKind.FieldReport]);
        template.Sections[1].Blocks[^1].ShouldBe(new TemplateBlock(BlockKind.Bars, Questionnaire: "beschaeftigte", Question: "v_zeitlage"));
    }

    [Fact]
    public void The_committee_of_the_override_file_wins_over_the_network_setting_which_wins_over_the_default()
    {
        var loader = new ReportTemplateLoader(ReportTemplateLoader.FindRoot(), NetworkQuestionnaires.All);

        loader.Load("mehrwert", committee: "Lenkungskreis aus den Einstellungen").Committee.ShouldBe("Steuerkreis MehrWert");
        loader.Load("ohne-eigene-vorlage", committee: "Lenkungskreis aus den Einstellungen").Committee.ShouldBe("Lenkungskreis aus den Einstellungen");
        loader.Load("ohne-eigene-vorlage", committee: null).Committee.ShouldBe("Steuerkreis");
    }

    [Fact]
    public void A_network_without_an_override_gets_the_default_template()
    {
        new ReportTemplateLoader(ReportTemplateLoader.FindRoot(), NetworkQuestionnaires.All).Load("ohne-eigene-vorlage").Committee.ShouldBe("Steuerkreis");
    }

    [Fact]
    public void A_numeric_block_over_a_choice_question_is_an_error_with_file_and_line()
    {
        using var folder = new TemplateFolder();
        folder.Replace("quartalsbericht/template.json", "\"question\": \"f_anzahl_stellen\"", "\"question\": \"f_offene_stellen\"");

        var error = folder.Errors().ShouldHaveSingleItem();

        error.Line.ShouldBe(LineOf(Path.Combine(folder.Root, "quartalsbericht/template.json"), "\"numeric\", \"question\": \"f_offene_stellen\""));
        error.Message.ShouldBe("Die Frage „f_offene_stellen“ ist keine Zahlenfrage; ein Baustein „numeric“ zeigt Summe, Mittelwert und Median einer Zahlenfrage.");
    }

    [Fact]
    public void A_matrix_question_in_a_bar_block_is_an_error_that_points_to_the_matrix_block()
    {
        using var folder = new TemplateFolder();
        folder.Replace("quartalsbericht/template.json", "{ \"kind\": \"matrix\", \"question\": \"c_dringlichkeit\"", "{ \"kind\": \"bars\", \"question\": \"c_dringlichkeit\"");

        var error = folder.Errors().ShouldHaveSingleItem();

        error.Line.ShouldBe(LineOf(Path.Combine(folder.Root, "quartalsbericht/template.json"), "\"c_dringlichkeit\""));
        error.Message.ShouldBe("Die Frage „c_dringlichkeit“ ist eine Matrixfrage; sie wird mit einem Baustein „matrix“ gezeigt, nicht mit „bars“.");
    }

    [Fact]
    public void An_unknown_section_kind_is_named_with_file_and_line()
    {
        using var folder = new TemplateFolder();
        folder.Replace("quartalsbericht/template.json", "\"kind\": \"trend\",", "\"kind\": \"prognose\",");

        var error = folder.Errors().ShouldHaveSingleItem();

        error.File.ShouldBe(Path.Combine("quartalsbericht", "template.json"));
        error.Line.ShouldBe(LineOf(Path.Combine(folder.Root, "quartalsbericht/template.json"), "\"prognose\""));
        error.Message.ShouldStartWith("Unbekannte Abschnittsart „prognose“");
    }

    [Fact]
    public void An_unknown_question_is_named_with_file_and_line()
    {
        using var folder = new TemplateFolder();
        folder.Replace("quartalsbericht/template.json", "\"question\": \"d_hemmnisse\", \"title\": \"Was", "\"question\": \"d_hemnisse\", \"title\": \"Was");

        var error = folder.Errors().ShouldHaveSingleItem();

        error.Line.ShouldBe(LineOf(Path.Combine(folder.Root, "quartalsbericht/template.json"), "d_hemnisse"));
        error.ToString().ShouldContain("Zeile");
        error.Message.ShouldContain("Unbekannte Frage „d_hemnisse“");
    }

    [Fact]
    public void An_unknown_question_in_a_network_override_names_the_network_file()
    {
        using var folder = new TemplateFolder();
        folder.Write("networks/testverbund.json", "{\n  \"add\": [\n    { \"section\": \"trend\",\n      \"block\": { \"kind\": \"bars\", \"question\": \"gibt_es_nicht\" } }\n  ]\n}\n");

        var error = folder.Errors("testverbund").ShouldHaveSingleItem();

        error.File.ShouldBe(Path.Combine("networks", "testverbund.json"));
        error.Line.ShouldBe(4);
    }

    [Fact]
    public void A_question_without_answer_list_cannot_feed_a_bar_chart()
    {
        using var folder = new TemplateFolder();
        folder.Replace("quartalsbericht/template.json", "\"question\": \"e_formate\"", "\"question\": \"e_fahrzeit\"");

        folder.Errors().ShouldAllBe(e => e.Message.Contains("braucht eine Auswahlfrage"));
    }

    [Fact]
    public void An_unknown_placeholder_is_named_with_the_text_file_and_line()
    {
        using var folder = new TemplateFolder();
        folder.Write("quartalsbericht/feldbericht.liquid", "Erste Zeile für {{ bezirk }}.\n\nIm {{ quartl }} wurden Interviews geführt.\n");

        var error = folder.Errors().ShouldHaveSingleItem();

        error.ToString().ShouldBe($"{Path.Combine("quartalsbericht", "feldbericht.liquid")}, Zeile 3: " + error.Message);
        error.Message.ShouldStartWith("Unbekannter Platzhalter „quartl“");
    }

    [Fact]
    public void A_Liquid_syntax_error_found_by_DotLiquid_is_named_with_its_real_line()
    {
        using var folder = new TemplateFolder();
        folder.Write("quartalsbericht/methoden.liquid", "Text für {{ bezirk }}.\n\n{% if %}\nLeer.\n{% endif %}\n");

        var error = folder.Errors().ShouldHaveSingleItem();

        error.Line.ShouldBe(3);
        error.Message.ShouldStartWith("Liquid-Syntaxfehler");
    }

    [Fact]
    public void A_Liquid_block_that_is_never_closed_is_a_syntax_error_with_its_line()
    {
        using var folder = new TemplateFolder();
        folder.Write("quartalsbericht/methoden.liquid", "Text.\n{% if gewichtet %}\nGewichtet.\n");

        var error = folder.Errors().ShouldHaveSingleItem();

        error.Line.ShouldBe(2);
        error.Message.ShouldBe("„{% if %}“ wird nicht mit „{% endif %}“ geschlossen.");
    }

    [Fact]
    public void An_unclosed_placeholder_is_a_syntax_error_with_its_line()
    {
        using var folder = new TemplateFolder();
        folder.Write("quartalsbericht/regional.liquid", "Zeile eins\nZeile zwei {{ bezirk \n");

        var error = folder.Errors().ShouldHaveSingleItem();

        error.Line.ShouldBe(2);
        error.Message.ShouldContain("nicht mit „}}“ geschlossen");
    }

    [Fact]
    public void Broken_JSON_names_the_line()
    {
        using var folder = new TemplateFolder();
        folder.Replace("quartalsbericht/template.json", "\"committee\": \"Steuerkreis\",", "\"committee\": \"Steuerkreis\" \"x\",");

        folder.Errors().ShouldHaveSingleItem().Line.ShouldBe(4);
    }

    [Fact]
    public void An_unknown_field_is_rejected_rather_than_ignored()
    {
        using var folder = new TemplateFolder();
        folder.Replace("quartalsbericht/template.json", "\"top\": 10,", "\"anzahl\": 10,");

        folder.Errors().ShouldHaveSingleItem().Message.ShouldContain("Unbekanntes Feld");
    }

    [Fact]
    public void All_errors_of_a_template_are_reported_together()
    {
        using var folder = new TemplateFolder();
        folder.Replace("quartalsbericht/template.json", "\"kind\": \"trend\",", "\"kind\": \"prognose\",");
        folder.Replace("quartalsbericht/template.json", "\"question\": \"e_formate\", \"title\": \"Gewünschte Formen der Weiterbildung\" },\n        { \"kind\": \"indicator\"",
            "\"question\": \"e_formatee\", \"title\": \"Gewünschte Formen der Weiterbildung\" },\n        { \"kind\": \"indicator\"");

        folder.Errors().Count.ShouldBe(2);
    }

    [Fact]
    public void A_text_renders_its_placeholders_into_paragraphs()
    {
        var template = new ReportTemplateLoader(ReportTemplateLoader.FindRoot(), NetworkQuestionnaires.All).Load();
        var methods = template.Sections.Single(s => s.Kind == SectionKind.Methods).Blocks[0].Text!;

        var paragraphs = methods.RenderParagraphs(new Dictionary<string, object?> { ["quartal"] = "3. Quartal 2026", ["gewichtet"] = false });

        paragraphs[0].ShouldStartWith("Grundlage sind die im 3. Quartal 2026 abgeschlossenen");
        paragraphs.ShouldContain("Die Ergebnisse sind ungewichtet.");
        paragraphs.ShouldNotContain(p => p.Contains("gleichen die Verteilung", StringComparison.Ordinal));
    }

    private static readonly string TemplateJson = Path.Combine("quartalsbericht", "template.json");

    private static int TemplateLine(TemplateFolder folder, string text) => LineOf(Path.Combine(folder.Root, TemplateJson), text);

    [Fact]
    public void A_value_that_is_not_an_answer_of_the_question_is_an_error_with_file_and_line()
    {
        using var folder = new TemplateFolder();
        folder.Replace(TemplateJson, "\"question\": \"f_offene_stellen\", \"value\": \"ja\"", "\"question\": \"f_offene_stellen\", \"value\": \"vielleicht\"");

        var error = folder.Errors().ShouldHaveSingleItem();

        error.File.ShouldBe(TemplateJson);
        error.Line.ShouldBe(TemplateLine(folder, "\"vielleicht\""));
        error.Message.ShouldBe("Die Frage „f_offene_stellen“ hat keine Antwort „vielleicht“. Ihre Antworten sind: ja, nein, wn.");
    }

    [Fact]
    public void The_default_answer_ja_of_a_trend_over_a_question_without_it_is_an_error_at_the_question()
    {
        using var folder = new TemplateFolder();
        folder.Replace(TemplateJson, "{ \"kind\": \"trend\", \"question\": \"b_gefoerdert\", \"value\": \"ja\",", "{ \"kind\": \"trend\", \"question\": \"e_dauer\",");

        var error = folder.Errors().ShouldHaveSingleItem();

        error.Line.ShouldBe(TemplateLine(folder, "\"e_dauer\""));
        error.Message.ShouldStartWith("Die Frage „e_dauer“ hat keine Antwort „ja“. Ihre Antworten sind: ");
    }

    [Fact]
    public void A_comparison_with_a_question_of_the_employers_instead_of_the_employees_is_an_error_with_file_and_line()
    {
        using var folder = new TemplateFolder();
        folder.Replace(TemplateJson, "\"compare_with\": \"b_themen\"", "\"compare_with\": \"d_hemmnisse\"");

        var error = folder.Errors().ShouldHaveSingleItem();

        error.File.ShouldBe(TemplateJson);
        error.Line.ShouldBe(TemplateLine(folder, "\"compare_with\": \"d_hemmnisse\""));
        error.Message.ShouldBe("„compare_with“ nennt „d_hemmnisse“; das ist keine Frage der Beschäftigtenbefragung („beschaeftigte“).");
    }

    [Fact]
    public void A_comparison_with_an_employee_question_without_answers_is_an_error_with_file_and_line()
    {
        using var folder = new TemplateFolder();
        folder.Replace(TemplateJson, "\"compare_with\": \"b_themen\"", "\"compare_with\": \"w_tage\"");

        var error = folder.Errors().ShouldHaveSingleItem();

        error.Line.ShouldBe(TemplateLine(folder, "\"w_tage\""));
        error.Message.ShouldBe("„compare_with“ nennt „w_tage“; diese Frage hat keine Antwortliste, ein Vergleich braucht eine Auswahlfrage.");
    }

    [Fact]
    public void A_comparison_whose_question_is_not_asked_of_employers_is_an_error_with_file_and_line()
    {
        using var folder = new TemplateFolder();
        folder.Replace(TemplateJson, "{ \"kind\": \"comparison\", \"question\": \"c_themen\"", "{ \"kind\": \"comparison\", \"question\": \"v_formate\"");

        var error = folder.Errors().ShouldHaveSingleItem();

        error.Line.ShouldBe(TemplateLine(folder, "\"v_formate\""));
        error.Message.ShouldBe("Ein Vergleich stellt eine Frage der Betriebsbefragung („arbeitgeber“) neben eine der Beschäftigten; „v_formate“ ist keine Frage der Betriebe.");
    }

    [Fact]
    public void A_section_kind_that_appears_twice_is_an_error_at_its_second_place()
    {
        using var folder = new TemplateFolder();
        folder.Replace(TemplateJson, "\"kind\": \"appendix\",", "\"kind\": \"methods\",");

        var error = folder.Errors().ShouldHaveSingleItem();

        error.File.ShouldBe(TemplateJson);
        error.Line.ShouldBe(TemplateLine(folder, "\"title\": \"Anhang\"") - 1);
        error.Message.ShouldBe("Der Abschnitt „methods“ steht zweimal in der Vorlage.");
    }

    [Fact]
    public void A_section_named_twice_in_a_networks_order_is_an_error_with_the_network_file_and_line()
    {
        using var folder = new TemplateFolder();
        folder.Write("networks/testverbund.json", "{\n  \"order\": [\n    \"summary\",\n    \"trend\",\n    \"summary\"\n  ]\n}\n");

        var error = folder.Errors("testverbund").ShouldHaveSingleItem();

        error.ToString().ShouldBe($"{Path.Combine("networks", "testverbund.json")}, Zeile 5: Der Abschnitt „summary“ steht zweimal in „order“.");
    }

    [Theory]
    [InlineData("\"value\": \"ja\", \"title\": \"Ausbildungsbetriebe\"", "\"value\": \"ja\", \"top\": 3, \"title\": \"Ausbildungsbetriebe\"", "top", "indicator",
        "erlaubt sind: title, questionnaire, question, value, label.")]
    [InlineData("\"question\": \"h_hemmnisse\",", "\"question\": \"h_hemmnisse\", \"value\": \"ja\",", "value", "bars",
        "erlaubt sind: title, questionnaire, question, top, label.")]
    [InlineData("\"question\": \"h_hemmnisse\",", "\"question\": \"h_hemmnisse\", \"compare_with\": \"b_themen\",", "compare_with", "bars",
        "erlaubt sind: title, questionnaire, question, top, label.")]
    [InlineData("{ \"kind\": \"symbols\" }", "{ \"kind\": \"symbols\", \"title\": \"Zeichen\" }", "title", "symbols",
        "dieser Baustein hat außer „kind“ keine Felder.")]
    public void A_field_that_does_not_fit_the_block_kind_is_an_error_with_file_and_line(string old, string replacement, string field, string kind, string allowed)
    {
        using var folder = new TemplateFolder();
        folder.Replace(TemplateJson, old, replacement);

        var error = folder.Errors().ShouldHaveSingleItem();

        error.File.ShouldBe(TemplateJson);
        error.Line.ShouldBe(TemplateLine(folder, replacement));
        error.Message.ShouldBe($"Das Feld „{field}“ passt nicht zu einem Baustein „{kind}“; {allowed}");
    }

    [Fact]
    public void An_unknown_field_is_named_with_file_and_line()
    {
        using var folder = new TemplateFolder();
        folder.Replace(TemplateJson, "\"top\": 10,", "\"anzahl\": 10,");

        var error = folder.Errors().ShouldHaveSingleItem();

        error.File.ShouldBe(TemplateJson);
        error.Line.ShouldBe(TemplateLine(folder, "\"anzahl\""));
        error.Message.ShouldStartWith("Unbekanntes Feld „anzahl“ bei „$.sections[2].blocks[2]");
    }

    [Fact]
    public void A_Liquid_syntax_error_in_a_when_is_named_with_its_line_in_the_text_file()
    {
        using var folder = new TemplateFolder();
        folder.Write("quartalsbericht/methoden.liquid", "Text für {{ bezirk }}.\n\n{% case bezirk %}\n{% when %}\nEiner.\n{% endcase %}\n");

        var error = folder.Errors().ShouldHaveSingleItem();

        error.ToString().ShouldStartWith($"{Path.Combine("quartalsbericht", "methoden.liquid")}, Zeile 4: Liquid-Syntaxfehler: ");
    }

    [Theory]
    [InlineData("Im {{ quartal | grossbuchstaben }}.", "Unbekannter Liquid-Filter „grossbuchstaben“.")]
    [InlineData("Im {{ quartal | }}.", "Nach „|“ fehlt der Name eines Filters.")]
    [InlineData("Im {{ }}.", "Leerer Platzhalter „{{ }}“: zwischen den Klammern fehlt der Name.")]
    [InlineData("Im {{ quartal | append }}.", "Der Liquid-Filter „append“ erwartet 1 Angabe(n) nach „:“, hier stehen 0.")]
    [InlineData("Im {{ quartal | upcase: 'x' }}.", "Der Liquid-Filter „upcase“ erwartet 0 Angabe(n) nach „:“, hier stehen 1.")]
    [InlineData("Im {{ quartal | truncate: 'zwanzig' }}.", "Der Liquid-Filter „truncate“ erwartet als 1. Angabe eine Zahl, hier steht 'zwanzig'.")]
    [InlineData("Im {{ quartal | append: ' | ' | slice: 0, \"drei\" }}.", "Der Liquid-Filter „slice“ erwartet als 2. Angabe eine Zahl, hier steht \"drei\".")]
    public void A_placeholder_DotLiquid_would_print_unchanged_or_empty_is_an_error_with_its_line(string text, string message)
    {
        using var folder = new TemplateFolder();
        folder.Write("quartalsbericht/regional.liquid", "Erste Zeile für {{ bezirk | upcase | append: ', ' | truncate: 40 }}.\n\n" + text + "\n");

        var error = folder.Errors().ShouldHaveSingleItem();

        error.ToString().ShouldBe($"{Path.Combine("quartalsbericht", "regional.liquid")}, Zeile 3: {message}");
    }

    [Fact]
    public void A_text_the_report_needs_that_is_missing_from_the_template_is_an_error_with_file_and_line()
    {
        using var folder = new TemplateFolder();
        folder.Replace(TemplateJson, "    \"no_data\": \"Für {{ bezirk }} liegen für das {{ quartal }} keine abgeschlossenen Interviews vor. Deshalb enthält dieser Bericht keine Ergebnisse, Tabellen oder Diagramme.\",\n", "");

        var error = folder.Errors().ShouldHaveSingleItem();

        error.File.ShouldBe(TemplateJson);
        error.Line.ShouldBe(TemplateLine(folder, "\"texts\": {"));
        error.Message.ShouldBe("Der Text „no_data“ fehlt unter „texts“; der Bericht braucht ihn.");
    }

    [Fact]
    public void An_unknown_placeholder_in_a_report_text_is_named_with_the_text_file_and_line()
    {
        using var folder = new TemplateFolder();
        folder.Replace(TemplateJson, "\"Stand der Daten: {{ stand }}.\"", "\"Stand der Daten: {{ datum }}.\"");

        var error = folder.Errors().ShouldHaveSingleItem();

        error.File.ShouldBe(TemplateJson);
        error.Line.ShouldBe(TemplateLine(folder, "{{ datum }}"));
        error.Message.ShouldStartWith("Text „data_as_of“: Unbekannter Platzhalter „datum“. Erlaubt sind: ");
    }

    [Fact]
    public void A_placeholder_of_one_text_is_unknown_in_another()
    {
        using var folder = new TemplateFolder();
        folder.Write("networks/testverbund.json", "{\n  \"texts\": {\n    \"cover_for\": \"Für {{ gremium_dativ }} aus {{ thema }}\"\n  }\n}\n");

        var error = folder.Errors("testverbund").ShouldHaveSingleItem();

        error.ToString().ShouldStartWith($"{Path.Combine("networks", "testverbund.json")}, Zeile 3: Text „cover_for“: Unbekannter Platzhalter „thema“.");
    }

    [Fact]
    public void An_unknown_text_or_section_title_in_a_network_file_is_an_error_with_file_and_line()
    {
        using var folder = new TemplateFolder();
        folder.Write("networks/testverbund.json", "{\n  \"titles\": {\n    \"zusammenfassung\": \"Kurz\"\n  },\n  \"texts\": {\n    \"deckblatt\": \"Bericht\"\n  }\n}\n");

        var errors = folder.Errors("testverbund");

        errors.Select(e => (e.File, e.Line)).ShouldBe([(Path.Combine("networks", "testverbund.json"), 3), (Path.Combine("networks", "testverbund.json"), 6)], ignoreOrder: true);
        errors.ShouldContain(e => e.Message.StartsWith("Unbekannte Abschnittsart „zusammenfassung“", StringComparison.Ordinal));
        errors.ShouldContain(e => e.Message.StartsWith("Unbekannter Text „deckblatt“ unter „texts“.", StringComparison.Ordinal));
    }

    [Fact]
    public void A_network_renames_a_section_and_replaces_only_the_texts_it_names()
    {
        using var folder = new TemplateFolder();
        folder.Write("networks/testverbund.json", """{ "titles": { "methods": "So wurde gefragt" }, "texts": { "no_data_heading": "Noch keine Daten" } }""");

        var template = folder.Loader.Load("testverbund");
        var values = new Dictionary<string, object?> { ["stand"] = "05.10.2026" };

        template.Sections.Single(s => s.Kind == SectionKind.Methods).Title.ShouldBe("So wurde gefragt");
        template.Texts.Render(ReportTexts.NoDataHeading, values).ShouldBe("Noch keine Daten");
        template.Texts.Render(ReportTexts.DataAsOf, values).ShouldBe("Stand der Daten: 05.10.2026.");
    }
}
