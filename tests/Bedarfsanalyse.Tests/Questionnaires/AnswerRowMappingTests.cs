using Bedarfsanalyse.Core.Questionnaires;
using Bedarfsanalyse.Core.Questionnaires.Answers;

namespace Bedarfsanalyse.Tests.Questionnaires;

public sealed class AnswerRowMappingTests
{
    private static readonly Dictionary<string, AnswerValue> Answers = new()
    {
        ["farbe"] = AnswerValue.Choice("rot"),
        ["farben"] = AnswerValue.Choice("rot", "blau", "other"),
        ["farben_other"] = AnswerValue.Text("Ocker"),
        ["rang"] = AnswerValue.Choice("j3_5", "jetzt", "j1_2"),
        ["dringend"] = new MatrixAnswer(new ValueMap<ValueList<string>>([new("ki", ["jetzt"]), new("digital", ["j1_2", "j3_5"])])),
        ["anzahl"] = AnswerValue.Number(42),
        ["betrag"] = AnswerValue.Number(1234.56m),
        ["text"] = AnswerValue.Text("Zeile 1\nZeile 2"),
        ["datum"] = AnswerValue.Date(new DateOnly(2026, 12, 31)),
    };

    [Fact]
    public void Each_value_becomes_one_row_with_exactly_one_value_column()
    {
        var rows = AnswerRowMapping.ToRows(Answers);

        rows.ShouldBe(
        [
            AnswerRow.ForCode("farbe", "", 0, "rot"),
            AnswerRow.ForCode("farben", "", 0, "rot"),
            AnswerRow.ForCode("farben", "", 1, "blau"),
            AnswerRow.ForCode("farben", "", 2, "other"),
            AnswerRow.ForText("farben_other", "Ocker"),
            AnswerRow.ForCode("rang", "", 0, "j3_5"),
            AnswerRow.ForCode("rang", "", 1, "jetzt"),
            AnswerRow.ForCode("rang", "", 2, "j1_2"),
            AnswerRow.ForCode("dringend", "digital", 0, "j1_2"),
            AnswerRow.ForCode("dringend", "digital", 1, "j3_5"),
            AnswerRow.ForCode("dringend", "ki", 0, "jetzt"),
            AnswerRow.ForNumber("anzahl", 42),
            AnswerRow.ForNumber("betrag", 1234.56m),
            AnswerRow.ForText("text", "Zeile 1\nZeile 2"),
            AnswerRow.ForDate("datum", new DateOnly(2026, 12, 31)),
        ]);
        rows.ShouldAllBe(r => new object?[] { r.Code, r.Number, r.Text, r.Date }.Count(v => v != null) == 1);
    }

    [Fact]
    public void Rows_in_any_order_give_back_the_same_answers()
    {
        var rows = AnswerRowMapping.ToRows(Answers).Reverse().ToList();

        var answers = AnswerRowMapping.FromRows(rows);

        answers.ShouldBe(Answers, ignoreOrder: true);
    }

    [Fact]
    public void Rows_no_answer_could_have_produced_are_refused()
    {
        Should.Throw<ArgumentException>(() => AnswerRowMapping.FromRows([new AnswerRow("a", "", 0, "x", 1, null, null)]));
        Should.Throw<ArgumentException>(() => AnswerRowMapping.FromRows([AnswerRow.ForCode("a", "", 1, "x")]));
        Should.Throw<ArgumentException>(() => AnswerRowMapping.FromRows([AnswerRow.ForNumber("a", 1), AnswerRow.ForCode("a", "", 0, "x")]));
        Should.Throw<ArgumentException>(() => AnswerRowMapping.FromRows([AnswerRow.ForCode("a", "", 0, "x"), AnswerRow.ForCode("a", "row", 0, "y")]));
    }
}
