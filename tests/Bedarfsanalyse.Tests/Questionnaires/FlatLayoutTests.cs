using System.Globalization;
using Bedarfsanalyse.Core.Questionnaires;
using Bedarfsanalyse.Core.Questionnaires.Answers;
using Bedarfsanalyse.Core.Questionnaires.Network;
using Bedarfsanalyse.Core.Questionnaires.Tabular;
using Shouldly;

namespace Bedarfsanalyse.Tests.Questionnaires;

public sealed class FlatLayoutTests
{
    private static readonly QuestionnaireDefinition Definition = Sample.Definition(
        Sample.Single("farbe"),
        new MultipleChoiceQuestion { Name = "themen", Label = "Welche Themen?", ListName = "farben", Other = OtherOption.Default },
        new MatrixQuestion { Name = "dringlich", Label = "Wie dringlich?", RowListName = "themen", ScaleListName = "dringlichkeit" },
        Sample.Ranking("rang"),
        Sample.Integer("beschaeftigte"),
        Sample.Decimal("anteil"),
        Sample.Date("seit"),
        Sample.Text("bemerkung"),
        new NoteQuestion { Name = "hinweis", Label = "Nur ein Hinweis" });

    [Fact]
    public void A_multiple_choice_becomes_one_0_1_column_per_option_plus_the_other_text()
    {
        var layout = FlatLayout.For(Definition, 1);

        layout.Columns.Where(c => c.Question == "themen").Select(c => c.Name)
            .ShouldBe(["themen_rot", "themen_gruen", "themen_blau", "themen_wn", "themen_other"]);
        layout.Find("themen_blau")!.Label.ShouldBe("Welche Themen?: Blau");
        layout.Find("themen_blau")!.ValueLabels.ShouldBe([new ValueLabel("0", "nicht genannt"), new ValueLabel("1", "genannt")]);
        layout.Find("themen" + FlatLayout.OtherTextSuffix)!.Question.ShouldBe("themen_other");
    }

    [Fact]
    public void A_matrix_becomes_one_coded_column_per_row_and_notes_get_no_column()
    {
        var layout = FlatLayout.For(Definition, 1);

        layout.Columns.Where(c => c.Question == "dringlich").Select(c => c.Name)
            .ShouldBe(["dringlich_digital", "dringlich_ki", "dringlich_fuehrung", "dringlich_deutsch"]);
        layout.Find("dringlich_ki")!.ValueLabels.Select(v => v.Label).ShouldBe(["jetzt", "in 1–2 Jahren", "in 3–5 Jahren"]);
        layout.Find("hinweis").ShouldBeNull();
    }

    [Fact]
    public void Cells_show_chosen_options_as_1_others_as_0_and_unanswered_questions_as_empty()
    {
        var layout = FlatLayout.For(Definition, 1);
        var cells = layout.Cells(Sample.Answers(
            ("themen", AnswerValue.Choice("rot", "other")),
            ("themen_other", AnswerValue.Text("Lackieren")),
            ("rang", AnswerValue.Choice("j3_5", "jetzt", "j1_2"))));

        string[] wanted = ["themen_rot", "themen_gruen", "themen_other", "themen_other_text", "rang_jetzt", "rang_j3_5", "farbe", "dringlich_ki"];
        wanted.Select(name => Cell(layout, cells, name)).ShouldBe<object?>([1, 0, 1, "Lackieren", 2, 1, null, null]);
    }

    [Fact]
    public void An_exported_row_reads_back_as_the_same_answers()
    {
        var layout = FlatLayout.For(Definition, 1);
        var answers = Sample.Answers(
            ("farbe", AnswerValue.Choice("gruen")),
            ("themen", AnswerValue.Choice("rot", "blau")),
            ("dringlich", AnswerValue.Matrix(("digital", "jetzt"), ("deutsch", "j3_5"))),
            ("rang", AnswerValue.Choice("j1_2", "jetzt", "j3_5")),
            ("beschaeftigte", AnswerValue.Number(42)),
            ("anteil", AnswerValue.Number(12.5m)),
            ("seit", AnswerValue.Date(new DateOnly(2019, 3, 1))),
            ("bemerkung", AnswerValue.Text("=SUMME(A1) bleibt Text")));

        var cells = layout.Cells(answers);
        var texts = layout.Columns.Select((c, i) => (c.Name, Text: cells[i] switch
        {
            null => null,
            DateOnly date => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture),
            IFormattable number => number.ToString(null, CultureInfo.GetCultureInfo("de-DE")),
            var other => other.ToString(),
        })).ToDictionary(c => c.Name, c => c.Text);

        var row = FlatRowReader.Read(layout, texts);

        row.Errors.ShouldBeEmpty();
        row.Answers.Keys.Order().ShouldBe(answers.Keys.Order());
        foreach (var (question, answer) in answers)
        {
            row.Answers[question].ShouldBe(answer, question);
        }
    }

    [Fact]
    public void Cells_that_cannot_be_answers_are_reported_with_their_column_in_German()
    {
        var layout = FlatLayout.For(Definition, 1);

        var row = FlatRowReader.Read(layout, new Dictionary<string, string?>
        {
            ["themen_rot"] = "2",
            ["farbe"] = "lila",
            ["seit"] = "31.02.2020",
            ["beschaeftigte"] = "viele",
            ["rang_jetzt"] = "0",
            ["unbekannt"] = "wird ignoriert",
        });

        row.Errors.Select(e => e.Column).Order().ShouldBe(["beschaeftigte", "farbe", "rang_jetzt", "seit", "themen_rot"]);
        row.Errors.Single(e => e.Column == "farbe").Message.ShouldBe("„lila“ ist keine Antwortmöglichkeit; erlaubt sind: rot, gruen, blau, wn.");
        row.Errors.Single(e => e.Column == "seit").Message.ShouldContain("kein Datum");
    }

    [Fact]
    public void Versions_are_matched_by_name_and_each_variable_lists_the_versions_it_exists_in()
    {
        var old = Sample.Definition(Sample.Single("farbe"), Sample.Integer("alt"));
        var current = Sample.Definition(Sample.Integer("neu"), Sample.Single("farbe"));

        var layout = FlatLayout.For([(1, old), (2, current)]);

        layout.Columns.Select(c => (c.Name, string.Join(",", c.Versions))).ShouldBe([("neu", "2"), ("farbe", "1,2"), ("alt", "1")]);
    }

    [Fact]
    public void The_networks_questionnaires_have_unique_variable_names()
    {
        foreach (var definition in NetworkQuestionnaires.All)
        {
            var layout = FlatLayout.For(definition, 1);
            layout.Columns.Count.ShouldBeGreaterThan(definition.Questions().Count(q => q is not NoteQuestion));
        }
    }

    private static object? Cell(FlatLayout layout, object?[] cells, string name) =>
        cells[layout.Columns.ToList().FindIndex(c => c.Name == name)];
}
