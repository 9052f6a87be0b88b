using System.Globalization;
using Bedarfsanalyse.Core.Questionnaires.Answers;
using Bedarfsanalyse.Core.Questionnaires.Evaluation;
using static Bedarfsanalyse.Tests.Questionnaires.Sample;

namespace Bedarfsanalyse.Tests.Questionnaires;

/// <summary>Every operator and function, evaluated the way a questionnaire sees it: as a calculated value over answers.</summary>
public sealed class ExpressionEvaluationTests
{
    private static readonly (string, AnswerValue)[] Answered =
    [
        ("n", AnswerValue.Number(5)),
        ("x", AnswerValue.Number(2.5m)),
        ("t", AnswerValue.Text("Hallo")),
        ("d", AnswerValue.Date(new DateOnly(2026, 1, 15))),
        ("s", AnswerValue.Choice("rot")),
        ("m", AnswerValue.Choice("rot", "blau")),
        ("y", AnswerValue.Choice("ja")),
        ("r", AnswerValue.Choice("j3_5", "jetzt", "j1_2")),
    ];

    private static AnswerValue? Evaluate(string expression, params (string, AnswerValue)[] answers)
    {
        var compiled = Compile(Integer("n"), Decimal("x"), Text("t"), Date("d"), Single("s"), Multiple("m"), YesNo("y"), Ranking("r"),
            Calculated("result", expression));
        var result = compiled.Validate(Answers(answers), ValidationMode.Draft, Today);
        result.Errors.ShouldBeEmpty();
        return result.Answers.GetValueOrDefault("result");
    }

    [Theory]
    [InlineData("1 + 2", "3")]
    [InlineData("${n} + ${x}", "7.5")]
    [InlineData("${n} - 7", "-2")]
    [InlineData("${n} * ${x}", "12.5")]
    [InlineData("${n} div 2", "2.5")]
    [InlineData("${n} mod 3", "2")]
    [InlineData("-${n}", "-5")]
    [InlineData("- - 4", "4")]
    [InlineData("2 + 3 * 4", "14")]
    [InlineData("(2 + 3) * 4", "20")]
    [InlineData("10 - 4 - 3", "3")]
    [InlineData(".5 + 0.25", "0.75")]
    [InlineData("count-selected(${m})", "2")]
    [InlineData("count-selected(${r})", "3")]
    [InlineData("string-length(${t})", "5")]
    [InlineData("string-length('Größe')", "5")]
    [InlineData("string-length(${s})", "3")]
    [InlineData("if(${n} > 3, 1, 0)", "1")]
    [InlineData("coalesce(${n}, 0)", "5")]
    [InlineData("today() - ${d}", "314")]
    [InlineData("date('2026-03-01') - date('2026-02-01')", "28")]
    public void Arithmetic_and_numeric_functions_give_the_expected_number(string expression, string expected)
    {
        Evaluate(expression, Answered).ShouldBe(AnswerValue.Number(decimal.Parse(expected, CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("${n} = 5", true)]
    [InlineData("${n} = 6", false)]
    [InlineData("${n} != 5", false)]
    [InlineData("${n} < 6", true)]
    [InlineData("${n} < 5", false)]
    [InlineData("${n} <= 5", true)]
    [InlineData("${n} > 5", false)]
    [InlineData("${n} >= 5", true)]
    [InlineData("${x} > 2.4 and ${x} < 2.6", true)]
    [InlineData("${n} = 1 or ${n} = 5", true)]
    [InlineData("${n} = 1 or ${n} = 2", false)]
    [InlineData("true() and false()", false)]
    [InlineData("true() or false()", true)]
    [InlineData("not(${n} = 5)", false)]
    [InlineData("not(false())", true)]
    [InlineData("${t} = 'Hallo'", true)]
    [InlineData("${t} != 'hallo'", true)]
    [InlineData("${s} = 'rot'", true)]
    [InlineData("${s} != 'blau'", true)]
    [InlineData("${y} = 'ja'", true)]
    [InlineData("selected(${m}, 'blau')", true)]
    [InlineData("selected(${m}, 'gruen')", false)]
    [InlineData("selected(${s}, 'rot')", true)]
    [InlineData("selected(${r}, 'jetzt')", true)]
    [InlineData("${d} = '2026-01-15'", true)]
    [InlineData("${d} < date('2026-02-01')", true)]
    [InlineData("${d} >= today()", false)]
    [InlineData("${d} + 17 = '2026-02-01'", true)]
    [InlineData("${d} - 15 = '2025-12-31'", true)]
    [InlineData("regex(${t}, '^H[a-z]+$')", true)]
    [InlineData("regex(${t}, '^[0-9]{5}$')", false)]
    [InlineData("regex(${t}, 'll')", true)]
    [InlineData("if(selected(${m}, 'rot'), 'ja', 'nein') = 'ja'", true)]
    [InlineData("coalesce(${t}, 'leer') = 'Hallo'", true)]
    [InlineData("${t} = ''", false)]
    [InlineData("${m} != ''", true)]
    public void Comparisons_logic_and_functions_give_true_or_false(string expression, bool expected)
    {
        Evaluate(expression, Answered).ShouldBe(AnswerValue.Number(expected ? 1 : 0));
    }

    [Theory]
    [InlineData("${n} = ''", true)]
    [InlineData("${n} != ''", false)]
    [InlineData("${n} > 3", false)]
    [InlineData("${n} < 3", false)]
    [InlineData("${n} != 3", true)]
    [InlineData("selected(${m}, 'rot')", false)]
    [InlineData("count-selected(${m}) = 0", true)]
    [InlineData("string-length(${t}) = 0", true)]
    [InlineData("coalesce(${n}, 7) = 7", true)]
    [InlineData("coalesce(${t}, 'leer') = 'leer'", true)]
    [InlineData("${s} = ''", true)]
    [InlineData("${d} = ''", true)]
    [InlineData("${d} < today()", false)]
    [InlineData("regex(${t}, '^$')", true)]
    public void Unanswered_questions_are_empty_as_in_xlsform(string expression, bool expected)
    {
        Evaluate(expression).ShouldBe(AnswerValue.Number(expected ? 1 : 0));
    }

    [Theory]
    [InlineData("${n} + 1")]
    [InlineData("${d} + 1")]
    [InlineData("coalesce(${t}, '')")]
    public void A_calculation_over_unanswered_questions_stores_nothing(string expression)
    {
        Evaluate(expression).ShouldBeNull();
    }

    [Theory]
    [InlineData("${n} div 0")]
    [InlineData("${n} mod 0")]
    [InlineData("79228162514264337593543950335 * 2")]
    [InlineData("${d} + 9999999")]
    public void Division_by_zero_and_overflow_give_no_value_instead_of_failing(string expression)
    {
        Evaluate(expression, Answered).ShouldBeNull();
    }

    [Fact]
    public void Text_and_date_calculations_keep_their_type()
    {
        Evaluate("if(${n} < 10, '1-9', '10+')", Answered).ShouldBe(AnswerValue.Text("1-9"));
        Evaluate("${d} + 1", Answered).ShouldBe(AnswerValue.Date(new DateOnly(2026, 1, 16)));
        Evaluate("today()").ShouldBe(AnswerValue.Date(Today));
        Evaluate("date('2027-02-28')").ShouldBe(AnswerValue.Date(new DateOnly(2027, 2, 28)));
        Evaluate("${s}", Answered).ShouldBe(AnswerValue.Text("rot"));
    }

    [Fact]
    public void Calculations_may_use_other_calculations_in_any_order()
    {
        var compiled = Compile(Calculated("doppelt", "${einfach} * 2"), Integer("n"), Calculated("einfach", "${n} + 1"));

        var result = compiled.Validate(Answers(("n", AnswerValue.Number(4))), ValidationMode.Complete, Today);

        result.Answers["einfach"].ShouldBe(AnswerValue.Number(5));
        result.Answers["doppelt"].ShouldBe(AnswerValue.Number(10));
    }

    [Fact]
    public void The_current_value_is_the_answer_being_checked()
    {
        var compiled = Compile(new Core.Questionnaires.IntegerQuestion
        {
            Name = "alter",
            Label = "Alter",
            Constraint = ". >= 16 and . <= 99",
            ConstraintMessage = "Bitte ein Alter zwischen 16 und 99.",
        });

        compiled.Validate(Answers(("alter", AnswerValue.Number(40))), ValidationMode.Complete, Today).IsValid.ShouldBeTrue();
        var result = compiled.Validate(Answers(("alter", AnswerValue.Number(12))), ValidationMode.Complete, Today);
        result.Errors.ShouldHaveSingleItem().Message.ShouldBe("Bitte ein Alter zwischen 16 und 99.");
    }
}
