using Bedarfsanalyse.Core.Questionnaires;
using Bedarfsanalyse.Core.Questionnaires.Answers;
using Bedarfsanalyse.Core.Questionnaires.Evaluation;
using static Bedarfsanalyse.Tests.Questionnaires.Sample;

namespace Bedarfsanalyse.Tests.Questionnaires;

public sealed class InterviewStateTests
{
    private static readonly CompiledQuestionnaire Questionnaire = CompiledQuestionnaire.Compile(Definition(
    [
        new Group
        {
            Name = "betrieb",
            Label = "Betrieb",
            Elements =
            [
                Integer("beschaeftigte") with { Required = "true()" },
                Calculated("groesse", "if(${beschaeftigte} < 10, '1-9', if(${beschaeftigte} < 50, '10-49', '50+'))"),
                YesNo("ausbildung") with { Required = "true()" },
            ],
        },
        new Group
        {
            Name = "ausbildung_seite",
            Label = "Ausbildung",
            Relevant = "${ausbildung} = 'ja'",
            Elements = [Integer("azubis") with { Required = "true()" }],
        },
        new Group
        {
            Name = "bedarf",
            Label = "Bedarf",
            Elements =
            [
                Single("bereich", "bereiche"),
                new MultipleChoiceQuestion { Name = "themen", Label = "Themen", ListName = "themen", ChoiceFilter = "bereich = ${bereich}", Other = OtherOption.Default },
                new Group
                {
                    Name = "details",
                    Relevant = "count-selected(${themen}) > 0",
                    Elements =
                    [
                        new MatrixQuestion { Name = "dringend", Label = "Wie dringend?", RowListName = "themen", ScaleListName = "dringlichkeit", ChoiceFilter = "selected(${themen}, name)" },
                        new NoteQuestion { Name = "danke", Label = "Danke." },
                    ],
                },
            ],
        },
    ]));

    private static InterviewState Evaluate(params (string, AnswerValue)[] answers) => Questionnaire.Evaluate(Answers(answers), Today);

    [Fact]
    public void Questions_and_pages_appear_and_disappear_as_answers_change()
    {
        var before = Evaluate();
        var afterYes = Evaluate(("ausbildung", AnswerValue.Choice("ja")));

        before.IsRelevant("azubis").ShouldBeFalse();
        before.Page("ausbildung_seite").IsRelevant.ShouldBeFalse();
        before.IsRelevant("details").ShouldBeFalse();
        afterYes.IsRelevant("azubis").ShouldBeTrue();
        afterYes.Page("ausbildung_seite").IsRelevant.ShouldBeTrue();
    }

    [Fact]
    public void A_choice_filter_leaves_the_options_that_fit_the_answers_so_far()
    {
        var state = Evaluate(("bereich", AnswerValue.Choice("it")));

        state.ChoicesFor("themen").Select(c => c.Code).ShouldBe(["digital", "ki", OtherOption.Code]);
        Evaluate(("bereich", AnswerValue.Choice("sprache"))).ChoicesFor("themen").Select(c => c.Code).ShouldBe(["deutsch", OtherOption.Code]);
    }

    [Fact]
    public void A_matrix_shows_only_the_rows_chosen_before_and_its_scale()
    {
        var state = Evaluate(("bereich", AnswerValue.Choice("it")), ("themen", AnswerValue.Choice("ki")));

        var matrix = state.Find("dringend")!;
        matrix.IsRelevant.ShouldBeTrue();
        matrix.Choices.Select(c => c.Label.Default).ShouldBe(["Künstliche Intelligenz"]);
        matrix.Scale.Select(c => c.Code).ShouldBe(["jetzt", "j1_2", "j3_5"]);
    }

    [Fact]
    public void The_field_for_other_appears_when_other_is_chosen()
    {
        Evaluate(("themen", AnswerValue.Choice("other"))).Find("themen_other")!.ShouldSatisfyAllConditions(
            e => e.IsRelevant.ShouldBeTrue(),
            e => e.IsRequired.ShouldBeTrue(),
            e => e.Element.Label!.Default.ShouldBe("Sonstiges, bitte angeben"));
        Evaluate(("themen", AnswerValue.Choice("ki"))).IsRelevant("themen_other").ShouldBeFalse();
    }

    [Fact]
    public void Pages_are_numbered_among_the_relevant_ones_and_skipped_when_stepping()
    {
        var state = Evaluate(("ausbildung", AnswerValue.Choice("nein")));

        state.Page("bedarf").Number.ShouldBe(2);
        state.Page("bedarf").RelevantPageCount.ShouldBe(2);
        state.NextPage("betrieb")!.Name.ShouldBe("bedarf");
        state.PreviousPage("bedarf")!.Name.ShouldBe("betrieb");
        state.NextPage("bedarf").ShouldBeNull();
        Evaluate(("ausbildung", AnswerValue.Choice("ja"))).NextPage("betrieb")!.Name.ShouldBe("ausbildung_seite");
    }

    [Fact]
    public void Progress_counts_relevant_questions_answered_and_required_ones_missing()
    {
        var state = Evaluate(("beschaeftigte", AnswerValue.Number(12)), ("ausbildung", AnswerValue.Choice("ja")));

        var first = state.Page("betrieb");
        first.QuestionCount.ShouldBe(2);
        first.AnsweredCount.ShouldBe(2);
        first.IsComplete.ShouldBeTrue();
        state.Page("ausbildung_seite").MissingRequiredCount.ShouldBe(1);
        state.Progress.ShouldBe(new InterviewProgress(RelevantPages: 3, CompletedPages: 2, RelevantQuestions: 5, AnsweredQuestions: 2, MissingRequired: 1));
        state.Progress.Percent.ShouldBe(40);
    }

    [Fact]
    public void Calculated_values_are_there_for_the_screens_to_show()
    {
        Evaluate(("beschaeftigte", AnswerValue.Number(12))).Answers["groesse"].ShouldBe(AnswerValue.Text("10-49"));
    }

    [Fact]
    public void Visibility_and_validation_agree()
    {
        (string, AnswerValue)[] answers =
        [
            ("beschaeftigte", AnswerValue.Number(3)),
            ("ausbildung", AnswerValue.Choice("nein")),
            ("azubis", AnswerValue.Number(2)),
            ("bereich", AnswerValue.Choice("it")),
            ("themen", AnswerValue.Choice("ki")),
            ("dringend", AnswerValue.Matrix(("ki", "jetzt"))),
        ];

        var state = Evaluate(answers);
        var validated = Questionnaire.Validate(Answers(answers), ValidationMode.Complete, Today);

        validated.IsValid.ShouldBeTrue();
        validated.Answers.Keys.ShouldBe(state.Answers.Keys, ignoreOrder: true);
        validated.Answers.Keys.ShouldNotContain("azubis");
    }

    [Fact]
    public void Asking_for_a_page_that_does_not_exist_is_an_error()
    {
        Should.Throw<ArgumentException>(() => Evaluate().Page("gibt_es_nicht")).Message.ShouldContain("gibt_es_nicht");
    }
}
