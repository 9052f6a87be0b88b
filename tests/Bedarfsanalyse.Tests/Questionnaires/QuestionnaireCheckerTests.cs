using Bedarfsanalyse.Core.Questionnaires;
using Bedarfsanalyse.Core.Questionnaires.Checking;
using Bedarfsanalyse.Core.Questionnaires.Evaluation;
using static Bedarfsanalyse.Tests.Questionnaires.Sample;

namespace Bedarfsanalyse.Tests.Questionnaires;

public sealed class QuestionnaireCheckerTests
{
    private static QuestionnaireDefinition Valid(params Element[] extra) => Definition(
    [
        Integer("n"), Text("t"), Single("s"), Multiple("m"), Date("d"), YesNo("y"),
        new NoteQuestion { Name = "hinweis", Label = "Bitte beachten Sie …" },
        new MatrixQuestion { Name = "matrix", Label = "Dringlichkeit", RowListName = "themen", ScaleListName = "dringlichkeit" },
        new SingleChoiceQuestion { Name = "bereich", Label = "Bereich", ListName = "bereiche" },
        new LikertQuestion { Name = "zufrieden", Label = "Zufriedenheit", ListName = "skala" },
        new RankingQuestion { Name = "rang", Label = "Rangfolge", ListName = "rangliste", ChoiceFilter = "name != 'b'" },
        .. extra,
    ]) with
    {
        ChoiceLists =
        [
            .. Lists,
            new ChoiceList("rangliste", [Option("a", "A"), Option("b", "B")]),
            new ChoiceList("einzeln", [Option("x", "X"), Option("wn", "weiß nicht", nonSubstantive: true)]),
        ],
    };

    private static IReadOnlyList<DefinitionProblem> Errors(QuestionnaireDefinition definition) =>
        [.. QuestionnaireChecker.Check(definition).Where(p => p.Severity == ProblemSeverity.Error)];

    [Fact]
    public void A_sound_questionnaire_has_no_errors_and_compiles()
    {
        var definition = Valid();

        Errors(definition).ShouldBeEmpty();
        CompiledQuestionnaire.Compile(definition).Definition.ShouldBe(definition);
    }

    [Theory]
    [InlineData("relevant", "${nn} = 1", "unknown_reference", 1)]
    [InlineData("relevant", "${hinweis} = ''", "invalid_reference", 1)]
    [InlineData("relevant", "${seite1} = ''", "invalid_reference", 1)]
    [InlineData("relevant", "${matrix} = ''", "invalid_reference", 1)]
    [InlineData("relevant", "${s} = 1", "type_mismatch", 6)]
    [InlineData("relevant", "${s} > 2", "type_mismatch", 6)]
    [InlineData("relevant", "${m} = 'rot'", "type_mismatch", 6)]
    [InlineData("relevant", "${t} + 1 = 2", "type_mismatch", 1)]
    [InlineData("relevant", "${n} = 'fünf'", "type_mismatch", 6)]
    [InlineData("relevant", "${d} < 'gestern'", "invalid_date", 8)]
    [InlineData("relevant", "${n} and true()", "type_mismatch", 1)]
    [InlineData("relevant", "not(${n})", "type_mismatch", 5)]
    [InlineData("relevant", "if(${n} > 1, 'a', 2) = 'a'", "type_mismatch", 1)]
    [InlineData("relevant", "count-selected(${s}) > 0", "type_mismatch", 16)]
    [InlineData("relevant", "selected(${n}, 'a')", "type_mismatch", 10)]
    [InlineData("relevant", "selected(${m}, 'lila')", "unknown_choice_code", 16)]
    [InlineData("relevant", "${s} = 'lila'", "unknown_choice_code", 8)]
    [InlineData("relevant", "${y} = 'yes'", "unknown_choice_code", 8)]
    [InlineData("relevant", "string-length(${n}) > 2", "type_mismatch", 15)]
    [InlineData("relevant", "regex(${t}, '[')", "invalid_regex", 14)]
    [InlineData("relevant", "regex(${t}, ${t})", "invalid_regex", 13)]
    [InlineData("relevant", "date('31.12.2026') < today()", "invalid_date", 6)]
    [InlineData("relevant", "format-date(${d}, '%Y') = '2026'", "unknown_function", 1)]
    [InlineData("relevant", "selected(${m})", "wrong_argument_count", 1)]
    [InlineData("relevant", "today(1) = today()", "wrong_argument_count", 1)]
    [InlineData("relevant", ". > 1", "misplaced_current_value", 1)]
    [InlineData("relevant", "n > 1", "unknown_name", 1)]
    [InlineData("relevant", "${n} + 1", "wrong_result_type", 1)]
    [InlineData("relevant", "${n} > (1", "syntax_error", 10)]
    [InlineData("required", "${n}", "wrong_result_type", 1)]
    [InlineData("required", "${n} = ", "syntax_error", 8)]
    [InlineData("constraint", ". = 'x'", "type_mismatch", 3)]
    [InlineData("constraint", "${unbekannt} > .", "unknown_reference", 1)]
    public void Expressions_are_checked_for_references_types_codes_and_syntax_with_the_place(string column, string expression, string code, int position)
    {
        var question = column switch
        {
            "relevant" => Integer("ziel") with { Relevant = expression },
            "required" => Integer("ziel") with { Required = expression },
            _ => Integer("ziel") with { Constraint = expression },
        };

        var problem = Errors(Valid(question)).ShouldHaveSingleItem();

        problem.Code.ShouldBe(code);
        problem.Element.ShouldBe("ziel");
        problem.Column.ShouldBe(column);
        problem.Position.ShouldBe(position);
        problem.Message.ShouldStartWith($"Fragebogen „test“, Frage „ziel“, Spalte „{column}“, Zeichen {position}: ");
    }

    [Theory]
    [InlineData("regex(${t}, '[a-')", 16, "eckige Klammer „[“ wird nicht geschlossen")]
    [InlineData("regex(${t}, '(ab')", 16, "runde Klammer „(“ wird nicht geschlossen")]
    [InlineData("regex(${t}, 'a{5,2}')", 19, "verkehrt herum")]
    [InlineData("regex(${t}, '*')", 14, "Wiederholungszeichen")]
    [InlineData("regex(${t}, 'a\\')", 15, "endet mit einem einzelnen")]
    public void A_broken_regular_expression_is_explained_in_german_with_its_position(string expression, int position, string reason)
    {
        var problem = Errors(Valid(Integer("ziel") with { Relevant = expression })).ShouldHaveSingleItem();

        problem.Code.ShouldBe("invalid_regex");
        problem.Position.ShouldBe(position);
        problem.Reason.ShouldContain(reason);
        problem.Reason.ShouldNotContain("Invalid pattern");
        problem.Reason.ShouldNotContain("at offset");
    }

    [Fact]
    public void A_title_longer_than_the_database_holds_is_an_error()
    {
        Errors(Sample.Definition(Integer("a")) with { Title = new string('T', 301) }).ShouldHaveSingleItem().Code.ShouldBe("title_too_long");
    }

    [Theory]
    [InlineData("bereich = 'it'", null)]
    [InlineData("bereich = ${bereich}", null)]
    [InlineData("selected(${m}, name)", null)]
    [InlineData("name > 1", "type_mismatch")]
    [InlineData("farbe = 'rot'", "unknown_choice_property")]
    [InlineData("name = 'lila'", "unknown_choice_code")]
    public void A_choice_filter_may_use_the_options_code_and_columns(string filter, string? code)
    {
        var question = new MultipleChoiceQuestion { Name = "themen_auswahl", Label = "Themen", ListName = "themen", ChoiceFilter = filter };

        var errors = Errors(Valid(question));

        if (code is null)
        {
            errors.ShouldBeEmpty();
        }
        else
        {
            errors.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
                e => e.Code.ShouldBe(code),
                e => e.Column.ShouldBe("choice_filter"));
        }
    }

    [Fact]
    public void A_calculation_must_yield_a_single_value()
    {
        Errors(Valid(Calculated("c", "${m}"))).ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            e => e.Code.ShouldBe("wrong_result_type"),
            e => e.Column.ShouldBe("calculation"));
        Errors(Valid(Calculated("c", "''"))).ShouldHaveSingleItem().Code.ShouldBe("wrong_result_type");
    }

    [Fact]
    public void Cycles_among_calculations_are_found()
    {
        var problem = Errors(Valid(Calculated("a", "${b} + 1"), Calculated("b", "${c} * 2"), Calculated("c", "${a}"))).ShouldHaveSingleItem();

        problem.Code.ShouldBe("cycle");
        problem.Element.ShouldBe("a");
        problem.Reason.ShouldContain("„a“, „b“, „c“");
    }

    [Fact]
    public void A_question_whose_relevance_depends_on_itself_or_on_a_question_depending_on_it_is_a_cycle()
    {
        Errors(Valid(Integer("a", relevant: "${a} > 1"))).ShouldHaveSingleItem().Code.ShouldBe("cycle");
        Errors(Valid(Integer("a", relevant: "${b} > 1"), Integer("b", relevant: "${a} > 1"))).ShouldHaveSingleItem().Code.ShouldBe("cycle");
    }

    [Fact]
    public void A_forward_reference_is_no_cycle()
    {
        Errors(Valid(Integer("a", relevant: "${b} > 1"), Integer("b"))).ShouldBeEmpty();
    }

    [Fact]
    public void Duplicate_names_are_errors_also_across_pages_and_with_the_field_for_other()
    {
        Errors(Valid(Integer("n"))).ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            e => e.Code.ShouldBe("duplicate_name"),
            e => e.Element.ShouldBe("n"),
            e => e.Column.ShouldBe("name"));

        var other = Valid(new MultipleChoiceQuestion { Name = "wahl", Label = "Wahl", ListName = "farben", Other = OtherOption.Default }, Text("wahl_other"));
        Errors(other).ShouldHaveSingleItem().Reason.ShouldContain("Sonstiges");

        var twoPages = Definition([new Group { Name = "p1", Elements = [Integer("a")] }, new Group { Name = "p2", Elements = [Integer("a")] }]);
        Errors(twoPages).ShouldHaveSingleItem().Code.ShouldBe("duplicate_name");
    }

    [Theory]
    [InlineData("1abc")]
    [InlineData("mit leerzeichen")]
    [InlineData("umlaut_ä")]
    [InlineData("")]
    [InlineData("a_name_that_is_far_too_long_to_fit_the_answers_table_with_other")]
    public void Invalid_names_are_errors(string name)
    {
        Errors(Valid(Integer(name))).ShouldContain(e => e.Code == "invalid_name");
    }

    [Fact]
    public void A_missing_choice_list_is_an_error_where_it_is_used()
    {
        var problems = Errors(Valid(Single("farbe2", "farbtoene"), new MatrixQuestion { Name = "mx", Label = "M", RowListName = "zeilen", ScaleListName = "farben" }));

        problems.Select(p => (p.Code, p.Element, p.Column)).ShouldBe(
        [
            ("unknown_list", "farbe2", "type"),
            ("unknown_list", "mx", "matrix_rows"),
        ]);
    }

    [Fact]
    public void Choice_lists_are_checked_for_codes_labels_and_names()
    {
        ValueList<ChoiceList> lists =
        [
            .. Lists,
            new("leer", []),
            new("doppelt", [Option("a", "A"), Option("a", "A2"), Option("mit leer", "B")]),
            new("farben", [Option("x", "X")]),
            new("1liste", [Option("a", "A")]),
            new("ohne_text", [new Choice("a", LocalizedText.From([new("en", "A")])!)]),
            new("spalte", [Option("a", "A", false, ("non_substantive", "x"))]),
        ];
        var definition = Valid() with { ChoiceLists = lists, Languages = [Language.German, new Language("en", "English")] };

        var problems = Errors(definition).Where(p => p.ChoiceList is not null && p.ChoiceList != "rangliste").Select(p => (p.Code, p.ChoiceList, p.ChoiceCode)).ToList();

        problems.ShouldContain(("empty_list", "leer", null));
        problems.ShouldContain(("duplicate_code", "doppelt", "a"));
        problems.ShouldContain(("invalid_code", "doppelt", "mit leer"));
        problems.ShouldContain(("duplicate_list", "farben", null));
        problems.ShouldContain(("invalid_list_name", "1liste", null));
        problems.ShouldContain(("missing_label", "ohne_text", "a"));
        problems.ShouldContain(("invalid_property", "spalte", "a"));
    }

    [Fact]
    public void The_header_is_checked()
    {
        var definition = Valid() with
        {
            Key = "Arbeitgeber Fragebogen",
            Title = " ",
            RespondentGroups = ["establishment", "establishment", "chefs"],
            Languages = [new Language("en", "English"), Language.German, new Language("deutsch", ""), new Language("en", "Englisch")],
        };

        Errors(definition).Select(e => e.Code).ShouldBe(
            ["invalid_key", "missing_title", "duplicate_respondent_group", "unknown_respondent_group", "german_first", "invalid_language", "duplicate_language"],
            ignoreOrder: true);
        Errors(Valid() with { RespondentGroups = [] }).ShouldHaveSingleItem().Code.ShouldBe("no_respondent_group");
    }

    [Fact]
    public void Type_specific_rules_are_checked()
    {
        var problems = Errors(Valid(
            new IntegerQuestion { Name = "grenzen", Label = "G", Min = 10, Max = 5 },
            new IntegerQuestion { Name = "halb", Label = "H", Min = 0.5m },
            new YesNoQuestion { Name = "jn", Label = "JN", ListName = "farben" },
            new LikertQuestion { Name = "lk", Label = "LK", ListName = "einzeln" },
            new RankingQuestion { Name = "rk", Label = "RK", ListName = "farben" },
            new NoteQuestion { Name = "hw", Label = "HW", Constraint = "1 = 1" },
            new CalculatedQuestion { Name = "calc", Calculation = "1", Required = "true()" },
            new SingleChoiceQuestion { Name = "so", Label = "SO", ListName = "sonstiges", Other = OtherOption.Default },
            new ShortTextQuestion { Name = "ohne_label" }));
        var withList = Errors(Valid(new SingleChoiceQuestion { Name = "so", Label = "SO", ListName = "sonstiges", Other = OtherOption.Default })
            with { ChoiceLists = [.. Lists, new ChoiceList("rangliste", [Option("a", "A"), Option("b", "B")]), new ChoiceList("sonstiges", [Option("other", "Anderes")])] });

        problems.Select(p => (p.Code, p.Element)).ShouldBe(
        [
            ("min_above_max", "grenzen"),
            ("fractional_bound", "halb"),
            ("invalid_yes_no_list", "jn"),
            ("invalid_likert_list", "lk"),
            ("invalid_ranking_list", "rk"),
            ("not_applicable", "hw"),
            ("not_applicable", "calc"),
            ("unknown_list", "so"),
            ("missing_label", "ohne_label"),
        ], ignoreOrder: true);
        withList.ShouldHaveSingleItem().Code.ShouldBe("other_code_clash");
    }

    [Fact]
    public void Empty_questionnaires_pages_and_groups_are_errors()
    {
        Errors(Definition(ValueList<Group>.Empty)).Select(e => e.Code).ShouldBe(["no_pages"]);
        Errors(Definition([new Group { Name = "p", Elements = [new NoteQuestion { Name = "h", Label = "Nur ein Hinweis" }] }]))
            .ShouldHaveSingleItem().Code.ShouldBe("no_questions");
        Errors(Definition([new Group { Name = "p", Elements = [Integer("a"), new Group { Name = "leer" }] }]))
            .ShouldHaveSingleItem().ShouldSatisfyAllConditions(e => e.Code.ShouldBe("empty_group"), e => e.ElementIsGroup.ShouldBeTrue());
    }

    [Fact]
    public void Translations_are_checked_against_the_declared_languages()
    {
        var english = new Language("en", "English");
        var translated = Integer("a") with { Label = LocalizedText.German("Anzahl").With("en", "Number").With("fr", "Nombre") };

        var problems = QuestionnaireChecker.Check(Valid(translated) with { Languages = [Language.German, english] });

        problems.Where(p => p.Severity == ProblemSeverity.Error).ShouldHaveSingleItem().Code.ShouldBe("undeclared_language");
        problems.ShouldContain(p => p.Severity == ProblemSeverity.Warning && p.Code == "missing_translation" && p.Element == "n");
    }

    [Fact]
    public void An_unused_choice_list_is_only_a_warning()
    {
        var problems = QuestionnaireChecker.Check(Valid());

        problems.ShouldContain(p => p.Code == "unused_list" && p.ChoiceList == "einzeln" && p.Severity == ProblemSeverity.Warning);
    }

    [Fact]
    public void A_questionnaire_with_errors_cannot_be_compiled_and_the_exception_lists_the_errors()
    {
        var error = Should.Throw<QuestionnaireInvalidException>(() => CompiledQuestionnaire.Compile(Valid(Integer("z", relevant: "${fehlt} = 1"))));

        error.Problems.ShouldContain(p => p.Code == "unknown_reference");
        error.Message.ShouldContain("Frage „z“, Spalte „relevant“, Zeichen 1: Die Frage „fehlt“ gibt es nicht.");
        QuestionnaireChecker.CanBePublished(error.Problems).ShouldBeFalse();
    }
}
