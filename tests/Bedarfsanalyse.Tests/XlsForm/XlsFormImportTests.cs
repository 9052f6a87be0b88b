using Bedarfsanalyse.Core.Questionnaires;
using Bedarfsanalyse.Core.Questionnaires.Answers;
using Bedarfsanalyse.Core.Questionnaires.Evaluation;
using Bedarfsanalyse.XlsForm;
using static Bedarfsanalyse.Tests.XlsForm.Workbook;

namespace Bedarfsanalyse.Tests.XlsForm;

public sealed class XlsFormImportTests
{
    /// <summary>
    /// A form as networks write them in KoboToolbox: German and English labels, pages with relevance, a nested group,
    /// constraints with messages, a calculation, a cascading select (Bundesland → Landkreis), or_other, Likert, rank.
    /// </summary>
    private static byte[] RealWorldForm() => Create(
        ("survey",
        [
            Row("type", "name", "label::Deutsch (de)", "label::English (en)", "hint::Deutsch (de)", "required", "relevant", "constraint", "constraint_message::Deutsch (de)", "constraint_message::English (en)", "calculation", "choice_filter", "appearance"),
            Row("begin group", "betrieb", "Ihr Betrieb", "Your establishment", null, null, null, null, null, null, null, null, "field-list"),
            Row("note", "intro", "Vielen Dank, dass Sie teilnehmen.", "Thank you for taking part.", null, null, null, null, null, null, null, null, null),
            Row("select_one land", "land", "Bundesland", "State", null, "yes", null, null, null, null, null, null, "minimal"),
            Row("select_one kreis", "kreis", "Landkreis", "District", "Wo liegt der Standort?", "yes", null, null, null, null, null, "land=${land}", null),
            Row("integer", "beschaeftigte", "Wie viele Beschäftigte?", "How many employees?", null, "yes", null, ". > 0 and . < 100000", "Bitte eine Zahl über 0.", "Please enter a number above 0.", null, null, null),
            Row("integer", "teilzeit", "Davon Teilzeit", "Part-time", null, "no", null, ". <= ${beschaeftigte}", "Nicht mehr als alle Beschäftigten.", "Not more than all employees.", null, null, null),
            Row("calculate", "groesse", null, null, null, null, null, null, null, null, "if(${beschaeftigte} < 50, 'klein', 'gross')", null, null),
            Row("end group", null, null, null, null, null, null, null, null, null, null, null, null),
            Row("begin group", "weiterbildung", "Weiterbildung", "Training", null, null, "${beschaeftigte} >= 1", null, null, null, null, null, null),
            Row("select_one yes_no", "unterstuetzt", "Haben Sie Weiterbildung unterstützt?", "Did you support training?", null, "yes", null, null, null, null, null, null, "yes-no"),
            Row("begin group", "details", "Details", "Details", null, null, "${unterstuetzt} = 'ja'", null, null, null, null, null, null),
            Row("select_multiple format", "formate", "Welche Formate?", "Which formats?", null, "yes", null, null, null, null, null, null, null),
            Row("select_one zufrieden", "zufriedenheit", "Wie zufrieden waren Sie?", "How satisfied?", null, null, "count-selected(${formate}) > 0", null, null, null, null, null, "likert"),
            Row("rank format", "rangfolge", "Ordnen Sie die Formate", "Rank the formats", null, null, null, null, null, null, null, null, null),
            Row("end group", null, null, null, null, null, null, null, null, null, null, null, null),
            Row("select_multiple thema or_other", "themen", "Welche Themen?", "Which topics?", null, null, null, null, null, null, null, null, null),
            Row("text", "bemerkung", "Bemerkungen", "Remarks", null, null, null, "string-length(.) <= 200", "Höchstens 200 Zeichen.", "At most 200 characters.", null, null, "multiline"),
            Row("date", "datum", "Datum", "Date", null, null, null, ". <= today()", "Nicht in der Zukunft.", "Not in the future.", null, null, null),
            Row("decimal", "kosten", "Kosten je Tag", "Cost per day", null, null, null, ". >= 0", null, null, null, null, null),
            Row("end group", null, null, null, null, null, null, null, null, null, null, null, null),
        ]),
        ("choices",
        [
            Row("list_name", "name", "label::Deutsch (de)", "label::English (en)", "land", "non_substantive"),
            Row("land", "03", "Niedersachsen", "Lower Saxony", null, null),
            Row("land", "05", "Nordrhein-Westfalen", "North Rhine-Westphalia", null, null),
            Row("kreis", "03255", "Holzminden", "Holzminden", "03", null),
            Row("kreis", "03252", "Hameln-Pyrmont", "Hameln-Pyrmont", "03", null),
            Row("kreis", "05770", "Minden-Lübbecke", "Minden-Lübbecke", "05", null),
            Row("yes_no", "ja", "Ja", "Yes", null, null),
            Row("yes_no", "nein", "Nein", "No", null, null),
            Row("yes_no", "wn", "weiß nicht", "don't know", null, "yes"),
            Row("format", "extern", "Externer Kurs", "External course", null, null),
            Row("format", "intern", "Interner Kurs", "Internal course", null, null),
            Row("format", "elearning", "E-Learning", "E-learning", null, null),
            Row("zufrieden", 1, "gar nicht", "not at all", null, null),
            Row("zufrieden", 2, "teils", "partly", null, null),
            Row("zufrieden", 3, "sehr", "very", null, null),
            Row("thema", "digital", "Digitale Grundlagen", "Digital basics", null, null),
            Row("thema", "ki", "Künstliche Intelligenz", "Artificial intelligence", null, null),
        ]),
        ("settings", [Row("form_title", "form_id", "version", "default_language", "respondent_groups"), Row("Betriebsbefragung", "betriebe", "2026112501", "Deutsch (de)", "establishment")]));

    [Fact]
    public void A_typical_real_world_form_imports_with_translations_groups_and_logic()
    {
        var result = XlsFormReader.Read(RealWorldForm());

        result.Errors.ShouldBeEmpty();
        var definition = result.Definition!;
        definition.Key.ShouldBe("betriebe");
        definition.Title.ShouldBe("Betriebsbefragung");
        definition.Languages.ShouldBe([Language.German, new Language("en", "English")]);
        definition.Pages.Select(p => p.Name).ShouldBe(["betrieb", "weiterbildung"]);
        definition.Pages[1].Relevant.ShouldBe("${beschaeftigte} >= 1");
        definition.Pages[1].Elements[1].ShouldBeOfType<Group>().Relevant.ShouldBe("${unterstuetzt} = 'ja'");
        definition.Questions().Select(q => (q.Name, q.Type)).ShouldBe(
        [
            ("intro", QuestionType.Note),
            ("land", QuestionType.SingleChoice),
            ("kreis", QuestionType.SingleChoice),
            ("beschaeftigte", QuestionType.Integer),
            ("teilzeit", QuestionType.Integer),
            ("groesse", QuestionType.Calculated),
            ("unterstuetzt", QuestionType.YesNo),
            ("formate", QuestionType.MultipleChoice),
            ("zufriedenheit", QuestionType.Likert),
            ("rangfolge", QuestionType.Ranking),
            ("themen", QuestionType.MultipleChoice),
            ("bemerkung", QuestionType.LongText),
            ("datum", QuestionType.Date),
            ("kosten", QuestionType.Decimal),
        ]);
        var employees = definition.Questions().OfType<IntegerQuestion>().First();
        employees.Label!.In("en").ShouldBe("How many employees?");
        employees.Required.ShouldBe("true()");
        employees.ConstraintMessage!.Default.ShouldBe("Bitte eine Zahl über 0.");
        definition.Questions().OfType<MultipleChoiceQuestion>().Last().Other.ShouldBe(OtherOption.Default);
        definition.FindChoiceList("zufrieden")!.Choices.Select(c => c.Code).ShouldBe(["1", "2", "3"]);
        definition.FindChoiceList("yes_no")!.Find("wn")!.NonSubstantive.ShouldBeTrue();
        definition.FindChoiceList("kreis")!.Find("03255")!.Properties["land"].ShouldBe("03");
    }

    [Fact]
    public void What_is_not_taken_over_is_reported_as_a_warning_with_its_place()
    {
        var result = XlsFormReader.Read(RealWorldForm());

        result.Warnings.Select(w => w.Message).ShouldContain("Blatt „survey“, Zeile 4, Spalte „appearance“ (M): Die Darstellung „minimal“ wird nicht übernommen.");
        result.Warnings.Select(w => w.Message).ShouldContain("Blatt „settings“, Zeile 2, Spalte „version“ (C): Die Spalte „version“ wird nicht unterstützt; ihre Werte werden nicht übernommen.");
    }

    [Fact]
    public void The_imported_form_runs_its_cascading_select_and_relevance()
    {
        var questionnaire = CompiledQuestionnaire.Compile(XlsFormReader.Read(RealWorldForm()).Definition!);
        var today = new DateOnly(2026, 11, 25);

        var state = questionnaire.Evaluate(new Dictionary<string, AnswerValue> { ["land"] = AnswerValue.Choice("03"), ["beschaeftigte"] = AnswerValue.Number(12) }, today);

        state.ChoicesFor("kreis").Select(c => c.Code).ShouldBe(["03255", "03252"]);
        state.IsRelevant("weiterbildung").ShouldBeTrue();
        state.IsRelevant("details").ShouldBeFalse();
        state.Answers["groesse"].ShouldBe(AnswerValue.Text("klein"));
    }

    [Fact]
    public void Questions_outside_any_group_form_pages_of_their_own()
    {
        var result = XlsFormReader.Read(Create(
            ("survey",
            [
                Row("type", "name", "label"),
                Row("integer", "a", "A"),
                Row("integer", "b", "B"),
                Row("begin group", "p", "Seite"),
                Row("integer", "c", "C"),
                Row("end group"),
                Row("text", "seite_1", "heißt wie eine erzeugte Seite"),
            ]),
            Settings()));

        result.Errors.ShouldBeEmpty();
        result.Definition!.Pages.Select(p => (p.Name, p.Elements.Count)).ShouldBe([("seite_2", 2), ("p", 1), ("seite_3", 1)]);
        result.Definition.Languages.ShouldBe([Language.German]);
    }

    [Fact]
    public void The_language_of_plain_columns_follows_the_default_language()
    {
        var result = XlsFormReader.Read(Create(
            ("survey", [Row("type", "name", "label", "label::English (en)"), Row("integer", "a", "Anzahl", "Number")]),
            ("settings", [Row("form_id", "form_title", "default_language", "respondent_groups"), Row("t", "T", "Deutsch (de)", "apprentices")])));

        result.Errors.ShouldBeEmpty();
        result.Definition!.Questions().Single().Label.ShouldBe(LocalizedText.German("Anzahl").With("en", "Number"));
    }

    [Theory]
    [InlineData("begin repeat", "Zeile 2, Spalte „type“ (A): Wiederholungsgruppen (begin repeat) werden nicht unterstützt.")]
    [InlineData("geopoint", "Zeile 2, Spalte „type“ (A): Der Fragetyp „geopoint“ wird nicht unterstützt.")]
    [InlineData("image", "Zeile 2, Spalte „type“ (A): Der Fragetyp „image“ wird nicht unterstützt.")]
    [InlineData("audio", "Zeile 2, Spalte „type“ (A): Der Fragetyp „audio“ wird nicht unterstützt.")]
    [InlineData("select_one_from_file kreise.csv", "Zeile 2, Spalte „type“ (A): Der Fragetyp „select_one_from_file“ wird nicht unterstützt.")]
    [InlineData("hologram", "Zeile 2, Spalte „type“ (A): „hologram“ ist kein bekannter Fragetyp.")]
    [InlineData("select_one", "Zeile 2, Spalte „type“ (A): „select_one“: nach „select_one“ steht genau der Name einer Auswahlliste, höchstens gefolgt von „or_other“.")]
    public void Unsupported_types_are_errors_naming_the_row(string type, string expected)
    {
        var rows = type == "begin repeat"
            ? new[] { Row("type", "name", "label"), Row(type, "r", "R"), Row("integer", "a", "A"), Row("end repeat") }
            : [Row("type", "name", "label"), Row(type, "x", "X"), Row("integer", "a", "A")];

        var result = XlsFormReader.Read(Create(("survey", rows), Settings()));

        result.Definition.ShouldBeNull();
        result.Errors.Select(e => e.Message).ShouldContain("Blatt „survey“, " + expected);
    }

    [Fact]
    public void Metadata_fields_are_left_out_with_a_warning()
    {
        var result = XlsFormReader.Read(Create(("survey", [Row("type", "name", "label"), Row("start", "start"), Row("integer", "a", "A")]), Settings()));

        result.Errors.ShouldBeEmpty();
        result.Warnings.ShouldHaveSingleItem().Message.ShouldStartWith("Blatt „survey“, Zeile 2, Spalte „type“ (A): Das Metadatenfeld „start“ wird nicht übernommen");
        result.Definition!.Questions().Select(q => q.Name).ShouldBe(["a"]);
    }

    [Fact]
    public void An_unparseable_expression_is_an_error_with_sheet_row_column_and_position()
    {
        var result = XlsFormReader.Read(Create(
            ("survey", [Row("type", "name", "label", "relevant"), Row("integer", "a", "A", null), Row("integer", "b", "B", "${a} > (1")]),
            Settings()));

        result.Definition.ShouldBeNull();
        result.Errors.ShouldHaveSingleItem().Message.ShouldBe(
            "Blatt „survey“, Zeile 3, Spalte „relevant“ (D), Zeichen 10: Es fehlt die schließende Klammer „)“ zur Klammer an Zeichen 8.");
    }

    [Fact]
    public void Static_check_findings_point_to_the_row_of_the_question_or_choice()
    {
        var result = XlsFormReader.Read(Create(
            ("survey",
            [
                Row("type", "name", "label", "constraint"),
                Row("select_one farbe", "f", "Farbe", null),
                Row("integer", "n", "Zahl", ". > ${f}"),
                Row("select_one fehlt", "g", "G", null),
            ]),
            ("choices", [Row("list_name", "name", "label"), Row("farbe", "rot", "Rot"), Row("farbe", "rot", "Auch rot")]),
            Settings(id: "Mein Fragebogen")));

        result.Errors.Select(e => e.Message).ShouldBe(
        [
            "Blatt „settings“, Zeile 2, Spalte „form_id“ (A): Der Schlüssel muss mit einem Kleinbuchstaben beginnen, darf nur Kleinbuchstaben, Ziffern, „_“ und „-“ enthalten und höchstens 60 Zeichen lang sein.",
            "Blatt „choices“, Zeile 3, Spalte „name“ (B): Der Code kommt in der Liste doppelt vor.",
            "Blatt „survey“, Zeile 4, Spalte „type“ (A): Die Auswahlliste „fehlt“ gibt es nicht.",
            "Blatt „survey“, Zeile 3, Spalte „constraint“ (D), Zeichen 3: „>“ vergleicht nur Zahlen mit Zahlen oder Daten mit Daten, nicht Zahl mit Auswahl (Liste „farbe“). Auswahlcodes sind keine Zahlen; fragen Sie einzelne Codes mit selected(${frage}, 'code') ab.",
        ], ignoreOrder: true);
    }

    [Theory]
    [InlineData(new byte[] { 1, 2, 3 }, "Datei: Die Datei ist keine Excel-Arbeitsmappe (.xlsx).")]
    [InlineData(new byte[0], "Datei: Die Datei ist keine Excel-Arbeitsmappe (.xlsx).")]
    [InlineData(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }, "Datei: Die Datei ist eine Excel-Arbeitsmappe im alten Format (.xls). Bitte speichern Sie sie in Excel als .xlsx und laden Sie sie erneut.")]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0, 0, 0, 0 }, "Datei: Die Datei lässt sich nicht als Excel-Arbeitsmappe (.xlsx) öffnen; sie ist beschädigt oder hat ein anderes Format.")]
    public void A_file_that_is_not_an_xlsx_gives_a_german_error(byte[] content, string expected)
    {
        var result = XlsFormReader.Read(content);

        result.Definition.ShouldBeNull();
        result.Errors.ShouldHaveSingleItem().Message.ShouldBe(expected);
    }

    [Fact]
    public void A_zip_that_is_no_workbook_and_a_truncated_workbook_give_a_german_error()
    {
        using var zip = new MemoryStream();
        using (var archive = new System.IO.Compression.ZipArchive(zip, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(archive.CreateEntry("hallo.txt").Open());
            writer.Write("kein Excel");
        }

        var complete = RealWorldForm();
        XlsFormReader.Read(zip.ToArray()).Errors.ShouldHaveSingleItem().Reason.ShouldContain("lässt sich nicht als Excel-Arbeitsmappe");
        XlsFormReader.Read(complete[..(complete.Length / 2)]).Errors.ShouldHaveSingleItem().Reason.ShouldContain("lässt sich nicht als Excel-Arbeitsmappe");
    }

    [Fact]
    public void A_file_above_the_size_limit_is_refused_before_it_is_read()
    {
        var content = RealWorldForm();

        var message = XlsFormReader.Read(new MemoryStream(content), maxBytes: content.Length - 1).Errors.ShouldHaveSingleItem().Message;

        message.ShouldStartWith("Datei: Die Datei ist größer als ");
        message.ShouldEndWith(" KB; ein Fragebogen ist deutlich kleiner.");
        XlsFormReader.Read(new MemoryStream(content), maxBytes: content.Length).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public void Missing_sheets_are_named()
    {
        XlsFormReader.Read(Create(Settings())).Errors.Select(e => e.Message).ShouldBe(
            ["Blatt „survey“: Das Blatt „survey“ fehlt. Ein XLSForm braucht die Blätter „survey“, „choices“ und „settings“."]);
        XlsFormReader.Read(Create(("survey", [Row("type", "name", "label"), Row("integer", "a", "A")]))).Errors.ShouldHaveSingleItem().Sheet.ShouldBe("settings");
        XlsFormReader.Read(Create(("survey", [Row("type", "name", "label"), Row("select_one x", "a", "A")]), Settings())).Errors
            .ShouldHaveSingleItem().Reason.ShouldContain("„choices“ fehlt");
        XlsFormReader.Read(Create(("survey", [Row("kind", "name"), Row("integer", "a")]), Settings())).Errors
            .ShouldHaveSingleItem().Message.ShouldStartWith("Blatt „survey“, Zeile 1: Die Kopfzeile des Blatts fehlt oder ist unvollständig");
    }

    [Fact]
    public void Malformed_structure_is_reported_where_it_happens()
    {
        var result = XlsFormReader.Read(Create(
            ("survey",
            [
                Row("type", "name", "label", "min"),
                Row("begin group", "offen", "Offen", null),
                Row("integer", "a", "A", "viele"),
                Row(null, "ohne_typ", "Ohne Typ", null),
                Row("text", "t", "T", "3"),
                Row("integer", null, "Ohne Namen", null),
            ]),
            ("choices", [Row("list_name", "name", "label"), Row("l", "x", null)]),
            ("settings", [Row("form_id", "form_title"), Row(null, null)])));

        result.Definition.ShouldBeNull();
        result.Errors.Select(e => e.Message).ShouldBe(
        [
            "Blatt „settings“, Zeile 2, Spalte „form_id“ (A): Es fehlt die Kennung des Fragebogens (form_id).",
            "Blatt „settings“, Zeile 2, Spalte „form_title“ (B): Es fehlt der Titel des Fragebogens (form_title).",
            "Blatt „choices“, Zeile 2, Spalte „label“ (C): Die Antwortmöglichkeit hat keinen Text (label).",
            "Blatt „survey“, Zeile 3, Spalte „min“ (D): „viele“ ist keine Zahl.",
            "Blatt „survey“, Zeile 4, Spalte „type“ (A): Die Zeile hat Inhalt, aber keinen Typ (type).",
            "Blatt „survey“, Zeile 5, Spalte „min“ (D): Einen Mindestwert (min) gibt es nur bei integer und decimal.",
            "Blatt „survey“, Zeile 6, Spalte „name“ (B): Die Frage hat keinen Namen (name).",
            "Blatt „survey“, Zeile 2, Spalte „type“ (A): Die Gruppe „offen“ wird nicht mit „end group“ geschlossen.",
        ]);
    }

    [Fact]
    public void A_stray_end_group_and_a_language_without_code_are_errors()
    {
        var result = XlsFormReader.Read(Create(
            ("survey", [Row("type", "name", "label", "label::Klingonisch"), Row("integer", "a", "A", "A"), Row("end group", null, null, null)]),
            Settings()));

        result.Errors.Select(e => e.Message).ShouldBe(
        [
            "Blatt „survey“, Spalte „label::Klingonisch“ (D): Die Sprache „Klingonisch“ ist nicht erkennbar; schreiben Sie den Sprachcode dazu, z. B. „label::English (en)“.",
            "Blatt „survey“, Zeile 3, Spalte „type“ (A): Zu diesem „end group“ gibt es kein „begin group“.",
        ]);
    }

    [Fact]
    public void Numbers_booleans_and_formulas_in_cells_are_read_as_text()
    {
        var result = XlsFormReader.Read(Create(
            ("survey", [Row("type", "name", "label", "required"), Row("select_one stufen", "s", new Formula("\"Stufe\"&\" wählen\""), true)]),
            ("choices", [Row("list_name", "name", "label"), Row("stufen", 1, 1.5), Row("stufen", 2.0, "zwei")]),
            Settings()));

        result.Errors.ShouldBeEmpty();
        var question = result.Definition!.Questions().Single();
        question.Label!.Default.ShouldBe("Stufe wählen");
        question.Required.ShouldBe("true()");
        result.Definition.FindChoiceList("stufen")!.Choices.Select(c => (c.Code, c.Label.Default)).ShouldBe([("1", "1.5"), ("2", "zwei")]);
    }

    [Fact]
    public void An_unknown_column_is_reported_once_and_left_out()
    {
        var result = XlsFormReader.Read(Create(("survey", [Row("type", "name", "label", "farbe"), Row("integer", "a", "A", "blau"), Row("integer", "b", "B", "rot")]), Settings()));

        result.Errors.ShouldBeEmpty();
        result.Warnings.ShouldHaveSingleItem().Message.ShouldBe("Blatt „survey“, Zeile 2, Spalte „farbe“ (D): Die Spalte „farbe“ wird nicht unterstützt; ihre Werte werden nicht übernommen.");
    }

    [Fact]
    public void Media_columns_are_left_out_with_a_warning_naming_row_and_column()
    {
        var result = XlsFormReader.Read(Create(
            ("survey",
            [
                Row("type", "name", "label", "media::image", "image"),
                Row("select_one farben", "farbe", "Farbe", null, null),
                Row("note", "bild", "Bild", "logo.png", null),
                Row("note", "foto", "Foto", null, "foto.jpg"),
            ]),
            ("choices", [Row("list_name", "name", "label", "image", "media::audio"), Row("farben", "rot", "Rot", null, null), Row("farben", "blau", "Blau", "blau.png", "blau.mp3")]),
            Settings()));

        result.Errors.ShouldBeEmpty();
        result.Warnings.Select(w => w.Message).ShouldBe(
        [
            "Blatt „survey“, Zeile 3, Spalte „media::image“ (D): Die Spalte „media::image“ wird nicht unterstützt; ihre Werte werden nicht übernommen.",
            "Blatt „survey“, Zeile 4, Spalte „image“ (E): Die Spalte „image“ wird nicht unterstützt; ihre Werte werden nicht übernommen.",
            "Blatt „choices“, Zeile 3, Spalte „image“ (D): Die Spalte „image“ wird nicht unterstützt; ihre Werte werden nicht übernommen.",
            "Blatt „choices“, Zeile 3, Spalte „media::audio“ (E): Die Spalte „media::audio“ wird nicht unterstützt; ihre Werte werden nicht übernommen.",
        ], ignoreOrder: true);
        result.Definition!.FindChoiceList("farben")!.Find("blau")!.Properties.ShouldBeEmpty();
    }

    [Fact]
    public void Decimal_bounds_are_read_with_a_dot_or_a_comma()
    {
        var result = XlsFormReader.Read(Create(
            ("survey", [Row("type", "name", "label", "min", "max", "unit"), Row("decimal", "tage", "Tage", "0,5", "99.5", "Tage"), Row("decimal", "faktor", "Faktor", -1.25, 2.5, null)]),
            Settings()));

        result.Errors.ShouldBeEmpty();
        var questions = result.Definition!.Questions().OfType<DecimalQuestion>().ToList();
        questions[0].ShouldSatisfyAllConditions(q => q.Min.ShouldBe(0.5m), q => q.Max.ShouldBe(99.5m), q => q.Unit!.Default.ShouldBe("Tage"));
        questions[1].ShouldSatisfyAllConditions(q => q.Min.ShouldBe(-1.25m), q => q.Max.ShouldBe(2.5m));
    }

    [Fact]
    public void Damaged_bytes_of_a_real_workbook_give_the_readers_own_error_and_never_an_exception()
    {
        var original = RealWorldForm();
        var random = new Random(20261125);
        var refused = 0;
        for (var i = 0; i < 300; i++)
        {
            var damaged = original.ToArray();
            switch (i % 3)
            {
                case 0:
                    for (var flips = random.Next(1, 9); flips > 0; flips--)
                    {
                        damaged[random.Next(damaged.Length)] ^= (byte)random.Next(1, 256);
                    }

                    break;
                case 1:
                    damaged = damaged[..random.Next(0, damaged.Length)];
                    break;
                default:
                    var start = random.Next(damaged.Length);
                    random.NextBytes(damaged.AsSpan(start, Math.Min(random.Next(1, 64), damaged.Length - start)));
                    break;
            }

            XlsFormImportResult result = null!;
            Should.NotThrow(() => result = XlsFormReader.Read(damaged), $"Fall {i}");

            (result.Definition is null).ShouldBe(result.Errors.Count > 0, $"Fall {i}");
            result.Errors.ShouldAllBe(e => e.Reason.Length > 0 && !e.Reason.Contains("Exception"), $"Fall {i}");
            refused += result.Succeeded ? 0 : 1;
        }

        // Most damage is noticed (the zip has checksums); what passes is a readable workbook.
        refused.ShouldBeGreaterThan(200);
    }

    [Fact]
    public void Garbage_workbooks_never_throw()
    {
        var random = new Random(4711);
        string[] vocabulary = ["type", "name", "label", "begin group", "end group", "select_one l", "select_multiple l or_other", "integer", "rank l",
            "calculate", "relevant", "${a}", "a", "l", "list_name", "form_id", "x", "", "::", "label::de", "1", "=", "matrix_rows", "min", "yes"];
        for (var i = 0; i < 60; i++)
        {
            object?[][] RandomRows(int count) => [.. Enumerable.Range(0, count).Select(_ => Enumerable.Range(0, 6).Select(_ => (object?)vocabulary[random.Next(vocabulary.Length)]).ToArray())];

            var content = Create(("survey", RandomRows(8)), ("choices", RandomRows(5)), ("settings", RandomRows(2)));
            var result = XlsFormReader.Read(content);

            (result.Definition is null).ShouldBe(result.Errors.Count > 0);
        }
    }
}
