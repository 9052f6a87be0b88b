using Bedarfsanalyse.Core.Questionnaires;
using Bedarfsanalyse.Core.Questionnaires.Answers;
using Bedarfsanalyse.Core.Questionnaires.Evaluation;
using static Bedarfsanalyse.Tests.Questionnaires.Sample;

namespace Bedarfsanalyse.Tests.Questionnaires;

public sealed class AnswerValidationTests
{
    private static ValidationResult Validate(CompiledQuestionnaire questionnaire, ValidationMode mode, params (string, AnswerValue)[] answers) =>
        questionnaire.Validate(Answers(answers), mode, Today);

    private static AnswerError SingleError(ValidationResult result) => result.Errors.ShouldHaveSingleItem();

    [Fact]
    public void A_single_choice_takes_one_known_code_given_as_code_or_text()
    {
        var questionnaire = Compile(Single("farbe"));

        Validate(questionnaire, ValidationMode.Complete, ("farbe", AnswerValue.Choice("rot"))).Answers["farbe"].ShouldBe(AnswerValue.Choice("rot"));
        Validate(questionnaire, ValidationMode.Complete, ("farbe", AnswerValue.Text(" blau "))).Answers["farbe"].ShouldBe(AnswerValue.Choice("blau"));
        SingleError(Validate(questionnaire, ValidationMode.Draft, ("farbe", AnswerValue.Choice("lila")))).ShouldBe(
            new AnswerError("farbe", null, AnswerErrorCodes.UnknownChoice, "„lila“ ist keine Antwortmöglichkeit dieser Frage."));
        SingleError(Validate(questionnaire, ValidationMode.Draft, ("farbe", AnswerValue.Choice("rot", "blau")))).Code.ShouldBe(AnswerErrorCodes.TooManyChoices);
        SingleError(Validate(questionnaire, ValidationMode.Draft, ("farbe", AnswerValue.Number(1)))).Code.ShouldBe(AnswerErrorCodes.WrongType);
    }

    [Fact]
    public void A_multiple_choice_keeps_codes_once_in_list_order()
    {
        var result = Validate(Compile(Multiple("farben")), ValidationMode.Complete, ("farben", AnswerValue.Choice("blau", "rot", "blau")));

        result.IsValid.ShouldBeTrue();
        result.Answers["farben"].ShouldBe(AnswerValue.Choice("rot", "blau"));
        Validate(Compile(Multiple("farben")), ValidationMode.Complete, ("farben", AnswerValue.Text("gruen rot"))).Answers["farben"]
            .ShouldBe(AnswerValue.Choice("rot", "gruen"));
    }

    [Fact]
    public void A_non_substantive_option_cannot_be_ticked_with_others_but_is_kept_alone()
    {
        var questionnaire = Compile(Multiple("farben"));

        var mixed = Validate(questionnaire, ValidationMode.Draft, ("farben", AnswerValue.Choice("rot", "wn")));
        var alone = Validate(questionnaire, ValidationMode.Complete, ("farben", AnswerValue.Choice("wn")));

        SingleError(mixed).ShouldBe(new AnswerError("farben", null, AnswerErrorCodes.ExclusiveChoice, "„weiß nicht“ kann nicht zusammen mit anderen Antworten gewählt werden."));
        mixed.Answers.Keys.ShouldNotContain("farben");
        alone.Answers["farben"].ShouldBe(AnswerValue.Choice("wn"));
    }

    [Fact]
    public void Other_please_specify_asks_for_a_text_only_while_other_is_chosen()
    {
        var questionnaire = Compile(Multiple("farben") with { Other = OtherOption.Default, Required = "true()" });

        var missingText = Validate(questionnaire, ValidationMode.Complete, ("farben", AnswerValue.Choice("rot", "other")));
        var withText = Validate(questionnaire, ValidationMode.Complete, ("farben", AnswerValue.Choice("other", "rot")), ("farben_other", AnswerValue.Text("Ocker")));
        var textWithoutOther = Validate(questionnaire, ValidationMode.Complete, ("farben", AnswerValue.Choice("rot")), ("farben_other", AnswerValue.Text("Ocker")));

        SingleError(missingText).ShouldBe(new AnswerError("farben_other", null, AnswerErrorCodes.Required, "Bitte geben Sie an, was Sie mit „Sonstiges“ meinen."));
        withText.IsValid.ShouldBeTrue();
        withText.Answers["farben"].ShouldBe(AnswerValue.Choice("rot", "other"));
        withText.Answers["farben_other"].ShouldBe(AnswerValue.Text("Ocker"));
        textWithoutOther.IsValid.ShouldBeTrue();
        textWithoutOther.Answers.Keys.ShouldNotContain("farben_other");
    }

    [Fact]
    public void A_yes_no_question_takes_yes_no_and_dont_know()
    {
        var questionnaire = Compile(YesNo("schulung"));

        foreach (var code in new[] { "ja", "nein", "wn" })
        {
            Validate(questionnaire, ValidationMode.Complete, ("schulung", AnswerValue.Choice(code))).Answers["schulung"].ShouldBe(AnswerValue.Choice(code));
        }

        SingleError(Validate(questionnaire, ValidationMode.Draft, ("schulung", AnswerValue.Choice("vielleicht")))).Code.ShouldBe(AnswerErrorCodes.UnknownChoice);
    }

    [Fact]
    public void A_likert_question_takes_one_step_of_its_scale()
    {
        var questionnaire = Compile(new LikertQuestion { Name = "zufrieden", Label = "Wie zufrieden sind Sie?", ListName = "skala" });

        Validate(questionnaire, ValidationMode.Complete, ("zufrieden", AnswerValue.Choice("4"))).Answers["zufrieden"].ShouldBe(AnswerValue.Choice("4"));
        SingleError(Validate(questionnaire, ValidationMode.Draft, ("zufrieden", AnswerValue.Choice("6")))).Code.ShouldBe(AnswerErrorCodes.UnknownChoice);
    }

    [Fact]
    public void A_matrix_takes_one_scale_step_per_known_row()
    {
        var questionnaire = Compile(new MatrixQuestion { Name = "dringend", Label = "Wie dringend?", RowListName = "themen", ScaleListName = "dringlichkeit", Required = "true()" });

        var valid = Validate(questionnaire, ValidationMode.Draft, ("dringend", AnswerValue.Matrix(("ki", "jetzt"), ("digital", "j3_5"))));
        var invalid = Validate(questionnaire, ValidationMode.Draft, ("dringend", new MatrixAnswer(new ValueMap<ValueList<string>>(
        [
            new("ki", ["jetzt", "j1_2"]),
            new("kochen", ["jetzt"]),
            new("fuehrung", ["morgen"]),
            new("deutsch", ["j1_2"]),
        ]))));

        valid.Answers["dringend"].ShouldBe(AnswerValue.Matrix(("digital", "j3_5"), ("ki", "jetzt")));
        invalid.Errors.Select(e => (e.Item, e.Code)).ShouldBe(
        [
            ("fuehrung", AnswerErrorCodes.UnknownChoice),
            ("ki", AnswerErrorCodes.TooManyChoices),
            ("kochen", AnswerErrorCodes.UnknownRow),
        ]);
        invalid.Answers["dringend"].ShouldBe(AnswerValue.Matrix(("deutsch", "j1_2")));
    }

    [Fact]
    public void A_complete_interview_needs_every_row_of_a_required_matrix()
    {
        var questionnaire = Compile(new MatrixQuestion { Name = "dringend", Label = "Wie dringend?", RowListName = "themen", ScaleListName = "dringlichkeit", Required = "true()" });

        var result = Validate(questionnaire, ValidationMode.Complete, ("dringend", AnswerValue.Matrix(("ki", "jetzt"), ("digital", "jetzt"))));

        result.Errors.Select(e => (e.Item, e.Code)).ShouldBe([("deutsch", AnswerErrorCodes.Required), ("fuehrung", AnswerErrorCodes.Required)]);
        result.Errors[1].Message.ShouldBe("Bitte beantworten Sie auch die Zeile „Führung“.");
    }

    [Fact]
    public void A_matrix_with_several_answers_per_row_asks_only_the_rows_the_filter_leaves()
    {
        var questionnaire = Compile(
            new MultipleChoiceQuestion { Name = "themen", Label = "Themen", ListName = "themen" },
            new MatrixQuestion
            {
                Name = "wer",
                Label = "Wer braucht das?",
                RowListName = "themen",
                ScaleListName = "gruppen",
                MultipleAnswers = true,
                ChoiceFilter = "selected(${themen}, name)",
                Required = "true()",
            });

        var result = Validate(questionnaire, ValidationMode.Complete,
            ("themen", AnswerValue.Choice("ki")),
            ("wer", new MatrixAnswer(new ValueMap<ValueList<string>>([new("ki", ["jung", "alt"]), new("deutsch", ["azubi"])]))));

        result.Errors.ShouldHaveSingleItem().ShouldBe(new AnswerError("wer", "deutsch", AnswerErrorCodes.RowNotAvailable,
            "Die Zeile „Deutsch für den Beruf“ wird nach den bisherigen Antworten nicht gefragt."));
        result.Answers["wer"].ShouldBe(new MatrixAnswer(new ValueMap<ValueList<string>>([new("ki", ["alt", "jung"])])));
    }

    [Theory]
    [InlineData("42", 42)]
    [InlineData(" 1.234 ", 1234)]
    [InlineData("2.500", 2500)]
    [InlineData("-3", -3)]
    public void An_integer_may_be_typed_as_text(string typed, int expected)
    {
        var result = Validate(Compile(Integer("anzahl")), ValidationMode.Complete, ("anzahl", AnswerValue.Text(typed)));

        result.Errors.ShouldBeEmpty();
        result.Answers["anzahl"].ShouldBe(AnswerValue.Number(expected));
    }

    [Fact]
    public void An_integer_must_be_whole_and_within_its_bounds()
    {
        var questionnaire = Compile(new IntegerQuestion { Name = "beschaeftigte", Label = "Beschäftigte", Min = 1, Max = 100_000, Unit = "Personen" });

        SingleError(Validate(questionnaire, ValidationMode.Draft, ("beschaeftigte", AnswerValue.Text("4,5")))).Code.ShouldBe(AnswerErrorCodes.NotAnInteger);
        SingleError(Validate(questionnaire, ValidationMode.Draft, ("beschaeftigte", AnswerValue.Number(0)))).Message.ShouldBe("Der Wert muss mindestens 1 Person betragen.");
        SingleError(Validate(questionnaire, ValidationMode.Draft, ("beschaeftigte", AnswerValue.Number(250_000)))).Message.ShouldBe("Der Wert darf höchstens 100.000 Personen betragen.");
        SingleError(Validate(questionnaire, ValidationMode.Draft, ("beschaeftigte", AnswerValue.Text("viele")))).Code.ShouldBe(AnswerErrorCodes.WrongType);
    }

    [Theory]
    [InlineData("Personen", 1, "Der Wert muss mindestens 1 Person betragen.")]
    [InlineData("Tage je Jahr", 1, "Der Wert muss mindestens 1 Tag je Jahr betragen.")]
    [InlineData("Beschäftigte", 1, "Der Wert muss mindestens 1 (Einheit: Beschäftigte) betragen.")]
    [InlineData("€", 1, "Der Wert muss mindestens 1 € betragen.")]
    [InlineData("Beschäftigte", 2, "Der Wert muss mindestens 2 Beschäftigte betragen.")]
    [InlineData(null, 1, "Der Wert muss mindestens 1 betragen.")]
    public void A_bound_of_one_is_not_followed_by_a_plural(string? unit, int minimum, string expected)
    {
        var questionnaire = Compile(new IntegerQuestion { Name = "n", Label = "n", Min = minimum, Unit = unit is null ? null : LocalizedText.German(unit) });

        SingleError(Validate(questionnaire, ValidationMode.Draft, ("n", AnswerValue.Number(minimum - 1)))).Message.ShouldBe(expected);
    }

    [Fact]
    public void A_decimal_keeps_its_decimal_bounds()
    {
        var questionnaire = Compile(Decimal("tage") with { Min = 0.5m, Max = 99.5m, Unit = "Tage" });

        Validate(questionnaire, ValidationMode.Complete, ("tage", AnswerValue.Text("0,5"))).Answers["tage"].ShouldBe(AnswerValue.Number(0.5m));
        Validate(questionnaire, ValidationMode.Complete, ("tage", AnswerValue.Number(99.5m))).Answers["tage"].ShouldBe(AnswerValue.Number(99.5m));
        SingleError(Validate(questionnaire, ValidationMode.Draft, ("tage", AnswerValue.Number(0.49m)))).ShouldBe(
            new AnswerError("tage", null, AnswerErrorCodes.BelowMinimum, "Der Wert muss mindestens 0,5 Tage betragen."));
        SingleError(Validate(questionnaire, ValidationMode.Draft, ("tage", AnswerValue.Text("99,51")))).ShouldBe(
            new AnswerError("tage", null, AnswerErrorCodes.AboveMaximum, "Der Wert darf höchstens 99,5 Tage betragen."));
    }

    [Theory]
    [InlineData("2.500")]
    [InlineData("-1.000")]
    [InlineData(" 12.345 ")]
    public void A_decimal_with_a_single_dot_before_three_digits_is_refused_as_ambiguous(string typed)
    {
        var result = Validate(Compile(Decimal("betrag")), ValidationMode.Draft, ("betrag", AnswerValue.Text(typed)));

        var error = SingleError(result);
        error.Code.ShouldBe(AnswerErrorCodes.AmbiguousNumber);
        error.Message.ShouldBe($"„{typed.Trim()}“ ist nicht eindeutig: Bitte schreiben Sie Tausender ohne Punkt (z. B. 2500) und Nachkommastellen mit Komma (z. B. 2,5).");
        result.Answers.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("1.234,5", "1234.5")]
    [InlineData("42,5", "42.5")]
    [InlineData("42.5", "42.5")]
    [InlineData("0,25", "0.25")]
    [InlineData("2500", "2500")]
    [InlineData("2,500", "2.5")]
    [InlineData("0.500", "0.5")]
    [InlineData("1.234.567", "1234567")]
    public void A_decimal_is_read_as_a_german_or_a_program_writes_it(string typed, string expected)
    {
        Validate(Compile(Decimal("betrag")), ValidationMode.Complete, ("betrag", AnswerValue.Text(typed))).Answers["betrag"]
            .ShouldBe(AnswerValue.Number(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Texts_are_trimmed_a_short_text_is_one_line_and_both_have_a_length_limit()
    {
        var questionnaire = Compile(Text("kurz"), new LongTextQuestion { Name = "lang", Label = "Lang" });

        var result = Validate(questionnaire, ValidationMode.Complete, ("kurz", AnswerValue.Text("  Zeile 1\r\nZeile 2 ")), ("lang", AnswerValue.Text("Absatz 1\r\n\r\nAbsatz 2")));
        var tooLong = Validate(questionnaire, ValidationMode.Draft, ("kurz", AnswerValue.Text(new string('x', 501))), ("lang", AnswerValue.Text(new string('y', 10_001))));
        var blank = Validate(questionnaire, ValidationMode.Draft, ("kurz", AnswerValue.Text("   ")));

        result.Answers["kurz"].ShouldBe(AnswerValue.Text("Zeile 1 Zeile 2"));
        result.Answers["lang"].ShouldBe(AnswerValue.Text("Absatz 1\n\nAbsatz 2"));
        tooLong.Errors.Select(e => e.Code).ShouldBe([AnswerErrorCodes.TooLong, AnswerErrorCodes.TooLong]);
        tooLong.Errors[0].Message.ShouldBe("Der Text ist zu lang: höchstens 500 Zeichen, eingegeben 501.");
        blank.Answers.ShouldBeEmpty();
        blank.Errors.ShouldBeEmpty();
    }

    [Fact]
    public void A_date_may_be_typed_the_german_way()
    {
        var questionnaire = Compile(Date("gruendung"));

        Validate(questionnaire, ValidationMode.Complete, ("gruendung", AnswerValue.Text("1.3.1999"))).Answers["gruendung"].ShouldBe(AnswerValue.Date(new DateOnly(1999, 3, 1)));
        Validate(questionnaire, ValidationMode.Complete, ("gruendung", AnswerValue.Text("1999-03-01"))).Answers["gruendung"].ShouldBe(AnswerValue.Date(new DateOnly(1999, 3, 1)));
        SingleError(Validate(questionnaire, ValidationMode.Draft, ("gruendung", AnswerValue.Text("März 1999")))).Message.ShouldBe("Bitte geben Sie ein Datum im Format TT.MM.JJJJ ein.");
    }

    [Fact]
    public void A_ranking_orders_each_option_once_and_is_complete_only_with_all_of_them()
    {
        var questionnaire = Compile(Ranking("prioritaet") with { Required = "true()" });

        Validate(questionnaire, ValidationMode.Complete, ("prioritaet", AnswerValue.Choice("j3_5", "jetzt", "j1_2"))).Answers["prioritaet"]
            .ShouldBe(AnswerValue.Choice("j3_5", "jetzt", "j1_2"));
        SingleError(Validate(questionnaire, ValidationMode.Draft, ("prioritaet", AnswerValue.Choice("jetzt", "jetzt")))).Code.ShouldBe(AnswerErrorCodes.DuplicateChoice);
        Validate(questionnaire, ValidationMode.Draft, ("prioritaet", AnswerValue.Choice("jetzt"))).IsValid.ShouldBeTrue();
        SingleError(Validate(questionnaire, ValidationMode.Complete, ("prioritaet", AnswerValue.Choice("jetzt")))).Message
            .ShouldBe("Bitte bringen Sie alle 3 Antwortmöglichkeiten in eine Reihenfolge (bisher 1).");
    }

    [Fact]
    public void A_note_takes_no_answer_and_a_calculated_value_is_computed_whatever_was_sent()
    {
        var questionnaire = Compile(new NoteQuestion { Name = "hinweis", Label = "Hinweis" }, Integer("n"), Calculated("doppelt", "${n} * 2"));

        var result = Validate(questionnaire, ValidationMode.Complete, ("hinweis", AnswerValue.Text("?")), ("n", AnswerValue.Number(3)), ("doppelt", AnswerValue.Number(99)));

        SingleError(result).ShouldBe(new AnswerError("hinweis", null, AnswerErrorCodes.NotAnswerable, "Ein Hinweis nimmt keine Antwort an."));
        result.Answers["doppelt"].ShouldBe(AnswerValue.Number(6));
    }

    [Fact]
    public void Unknown_question_names_are_errors_not_ignored()
    {
        var result = Validate(Compile(Integer("n")), ValidationMode.Draft, ("n", AnswerValue.Number(1)), ("m", AnswerValue.Number(2)), ("seite1", AnswerValue.Number(3)));

        result.Errors.Select(e => (e.Question, e.Code)).ShouldBe([("m", AnswerErrorCodes.UnknownQuestion), ("seite1", AnswerErrorCodes.UnknownQuestion)], ignoreOrder: true);
        result.Errors.First(e => e.Question == "m").Message.ShouldBe("Eine Frage „m“ gibt es in diesem Fragebogen nicht.");
        result.Answers.Keys.ShouldBe(["n"]);
    }

    [Fact]
    public void An_irrelevant_answer_is_dropped_without_an_error()
    {
        var questionnaire = Compile(YesNo("schulung"), Integer("teilnehmende", relevant: "${schulung} = 'ja'"));

        var result = Validate(questionnaire, ValidationMode.Complete, ("schulung", AnswerValue.Choice("nein")), ("teilnehmende", AnswerValue.Number(12)));

        result.IsValid.ShouldBeTrue();
        result.Answers.Keys.ShouldBe(["schulung"]);
    }

    [Fact]
    public void An_irrelevant_answer_is_dropped_without_an_error_whatever_its_shape()
    {
        var questionnaire = CompiledQuestionnaire.Compile(Definition(
        [
            new Group { Name = "p1", Elements = [YesNo("schulung")] },
            new Group
            {
                Name = "p2",
                Relevant = "${schulung} = 'ja'",
                Elements =
                [
                    Integer("teilnehmende") with { Min = 1, Constraint = ". < 1000" },
                    Single("farbe"),
                    Multiple("farben"),
                    Decimal("kosten"),
                    Date("datum"),
                    new MatrixQuestion { Name = "dringend", Label = "Dringlichkeit", RowListName = "themen", ScaleListName = "dringlichkeit" },
                ],
            },
        ]));

        var result = Validate(questionnaire, ValidationMode.Complete,
            ("schulung", AnswerValue.Choice("nein")),
            ("teilnehmende", AnswerValue.Text("viele")),
            ("farbe", AnswerValue.Choice("lila", "rot")),
            ("farben", AnswerValue.Number(3)),
            ("kosten", AnswerValue.Text("2.500")),
            ("datum", AnswerValue.Text("gestern")),
            ("dringend", AnswerValue.Matrix(("gibt_es_nicht", "nie"))),
            ("unbekannt", AnswerValue.Number(1)));

        result.Errors.ShouldHaveSingleItem().ShouldBe(new AnswerError("unbekannt", null, AnswerErrorCodes.UnknownQuestion, "Eine Frage „unbekannt“ gibt es in diesem Fragebogen nicht."));
        result.Answers.Keys.ShouldBe(["schulung"]);
    }

    [Fact]
    public void The_same_invalid_answers_are_errors_where_the_questions_are_asked()
    {
        var questionnaire = Compile(YesNo("schulung"), Integer("teilnehmende", relevant: "${schulung} = 'ja'"), Single("farbe", relevant: "${schulung} = 'ja'"));

        var result = Validate(questionnaire, ValidationMode.Draft,
            ("schulung", AnswerValue.Choice("ja")), ("teilnehmende", AnswerValue.Text("viele")), ("farbe", AnswerValue.Choice("lila")));

        result.Errors.Select(e => (e.Question, e.Code)).ShouldBe([("teilnehmende", AnswerErrorCodes.WrongType), ("farbe", AnswerErrorCodes.UnknownChoice)]);
    }

    [Fact]
    public void An_answer_made_irrelevant_by_a_dropped_answer_loses_its_errors_too()
    {
        var questionnaire = Compile(
            Integer("gesamt") with { Constraint = ". < 100", ConstraintMessage = "Höchstens 99." },
            Integer("teilzeit", relevant: "${gesamt} > 0") with { Constraint = ". <= ${gesamt}", ConstraintMessage = "Nicht mehr als alle." });

        var result = Validate(questionnaire, ValidationMode.Draft, ("gesamt", AnswerValue.Number(500)), ("teilzeit", AnswerValue.Number(800)));

        result.Errors.ShouldHaveSingleItem().Question.ShouldBe("gesamt");
        result.Answers.ShouldBeEmpty();
    }

    [Fact]
    public void Answers_in_an_irrelevant_group_are_dropped_too()
    {
        var questionnaire = CompiledQuestionnaire.Compile(Definition(
        [
            new Group { Name = "p1", Elements = [YesNo("ausbildung")] },
            new Group
            {
                Name = "p2",
                Relevant = "${ausbildung} = 'ja'",
                Elements = [new Group { Name = "details", Elements = [Integer("azubis") with { Required = "true()" }] }],
            },
        ]));

        var result = Validate(questionnaire, ValidationMode.Complete, ("ausbildung", AnswerValue.Choice("nein")), ("azubis", AnswerValue.Number(3)));

        result.IsValid.ShouldBeTrue();
        result.Answers.Keys.ShouldBe(["ausbildung"]);
    }

    [Fact]
    public void Required_counts_only_when_relevant_and_only_when_completing()
    {
        var questionnaire = Compile(YesNo("schulung") with { Required = "true()" }, Integer("teilnehmende", relevant: "${schulung} = 'ja'") with { Required = "true()" });

        Validate(questionnaire, ValidationMode.Draft).IsValid.ShouldBeTrue();
        SingleError(Validate(questionnaire, ValidationMode.Complete)).ShouldBe(new AnswerError("schulung", null, AnswerErrorCodes.Required, "Bitte beantworten Sie diese Frage."));
        Validate(questionnaire, ValidationMode.Complete, ("schulung", AnswerValue.Choice("nein"))).IsValid.ShouldBeTrue();
        SingleError(Validate(questionnaire, ValidationMode.Complete, ("schulung", AnswerValue.Choice("ja")))).Question.ShouldBe("teilnehmende");
    }

    [Fact]
    public void Required_may_be_a_condition()
    {
        var questionnaire = Compile(Integer("beschaeftigte"), Integer("azubis") with { Required = "${beschaeftigte} >= 10" });

        Validate(questionnaire, ValidationMode.Complete, ("beschaeftigte", AnswerValue.Number(5))).IsValid.ShouldBeTrue();
        SingleError(Validate(questionnaire, ValidationMode.Complete, ("beschaeftigte", AnswerValue.Number(50)))).Question.ShouldBe("azubis");
    }

    [Fact]
    public void A_draft_checks_everything_given_but_not_what_is_missing()
    {
        var questionnaire = Compile(Integer("a") with { Required = "true()", Min = 0 }, Integer("b") with { Required = "true()" });

        var result = Validate(questionnaire, ValidationMode.Draft, ("a", AnswerValue.Number(-1)));

        SingleError(result).ShouldSatisfyAllConditions(e => e.Question.ShouldBe("a"), e => e.Code.ShouldBe(AnswerErrorCodes.BelowMinimum));
    }

    [Fact]
    public void A_failed_constraint_drops_the_answer_and_what_depended_on_it()
    {
        var questionnaire = Compile(
            Integer("gesamt"),
            Integer("teilzeit") with { Constraint = ". <= ${gesamt}", ConstraintMessage = "Teilzeitkräfte können nicht mehr sein als alle Beschäftigten." },
            Text("warum_viel_teilzeit", relevant: "${teilzeit} > 5"));

        var result = Validate(questionnaire, ValidationMode.Complete,
            ("gesamt", AnswerValue.Number(4)), ("teilzeit", AnswerValue.Number(8)), ("warum_viel_teilzeit", AnswerValue.Text("Familie")));

        SingleError(result).ShouldBe(new AnswerError("teilzeit", null, AnswerErrorCodes.Constraint, "Teilzeitkräfte können nicht mehr sein als alle Beschäftigten."));
        result.Answers.Keys.ShouldBe(["gesamt"]);
    }

    [Fact]
    public void A_choice_filter_refuses_options_it_hides()
    {
        var questionnaire = Compile(
            Single("bereich", "bereiche"),
            new SingleChoiceQuestion { Name = "thema", Label = "Thema", ListName = "themen", ChoiceFilter = "bereich = ${bereich}" });

        Validate(questionnaire, ValidationMode.Complete, ("bereich", AnswerValue.Choice("it")), ("thema", AnswerValue.Choice("ki"))).IsValid.ShouldBeTrue();
        var refused = Validate(questionnaire, ValidationMode.Complete, ("bereich", AnswerValue.Choice("it")), ("thema", AnswerValue.Choice("fuehrung")));

        SingleError(refused).ShouldBe(new AnswerError("thema", null, AnswerErrorCodes.ChoiceNotAvailable,
            "Die Antwort „Führung“ steht bei dieser Frage nach den bisherigen Antworten nicht zur Auswahl."));
        refused.Answers.Keys.ShouldNotContain("thema");
    }

    [Fact]
    public void Errors_come_in_questionnaire_order()
    {
        var questionnaire = Compile(Integer("a") with { Required = "true()" }, Integer("b"), Integer("c") with { Required = "true()" });

        var result = Validate(questionnaire, ValidationMode.Complete, ("b", AnswerValue.Text("x")));

        result.Errors.Select(e => e.Question).ShouldBe(["a", "b", "c"]);
    }
}
