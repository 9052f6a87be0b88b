using Bedarfsanalyse.Core.Questionnaires;
using Bedarfsanalyse.Core.Questionnaires.Answers;

namespace Bedarfsanalyse.Web.Commands.Bench;

/// <summary>
/// An 80-question questionnaire shaped like the network's (8 pages of 10: single and multiple choice with "Sonstiges",
/// yes/no, Likert, bounded numbers with constraints, text with a regex, a date, a filtered matrix, a calculation;
/// relevance on questions and pages) and one complete interview for it.
/// </summary>
internal static class BenchmarkInterview
{
    public const int Pages = 8;

    /// <summary>"today()" for the run: fixed, so that the date answers stay valid whenever the bench runs.</summary>
    public static readonly DateOnly Today = new(2026, 12, 31);

    private static Choice Option(string code, string label, bool nonSubstantive = false) => new(code, label) { NonSubstantive = nonSubstantive };

    public static QuestionnaireDefinition Definition() => new()
    {
        Key = "bench",
        Title = "Benchmark mit 80 Fragen",
        RespondentGroups = [RespondentGroups.Establishment],
        ChoiceLists =
        [
            new("optionen", [.. Enumerable.Range(1, 6).Select(i => Option($"o{i}", $"Option {i}")), Option("wn", "weiß nicht", nonSubstantive: true)]),
            new("themen", [.. Enumerable.Range(1, 8).Select(i => Option($"t{i}", $"Thema {i}"))]),
            new("ja_nein_wn", [Option("ja", "Ja"), Option("nein", "Nein"), Option("wn", "weiß nicht", nonSubstantive: true)]),
            new("skala", [.. Enumerable.Range(1, 5).Select(i => Option($"{i}", $"Stufe {i}"))]),
            new("dringlichkeit", [Option("jetzt", "jetzt"), Option("j1_2", "in 1–2 Jahren"), Option("j3_5", "in 3–5 Jahren")]),
        ],
        Pages = [.. Enumerable.Range(1, Pages).Select(Page)],
    };

    private static Group Page(int page)
    {
        string N(string name) => $"s{page}_{name}";
        return new Group
        {
            Name = $"seite{page}",
            Label = $"Seite {page}",
            Relevant = page == 1 ? null : "${s1_janein} != 'nein' and count-selected(${s1_mehrfach}) > 0",
            Elements =
            [
                new SingleChoiceQuestion { Name = N("wahl"), Label = "Einfachauswahl", ListName = "optionen", Required = "true()" },
                new MultipleChoiceQuestion { Name = N("mehrfach"), Label = "Mehrfachauswahl", ListName = "themen", Other = OtherOption.Default, Required = "true()" },
                new YesNoQuestion { Name = N("janein"), Label = "Ja oder nein?", ListName = "ja_nein_wn", Required = "true()" },
                new LikertQuestion { Name = N("zufrieden"), Label = "Zufriedenheit", ListName = "skala" },
                new IntegerQuestion
                {
                    Name = N("anzahl"), Label = "Anzahl", Min = 0, Max = 10_000, Unit = "Personen", Required = "true()",
                    Relevant = $"${{{N("janein")}}} = 'ja'", Constraint = ". >= 0 and . < 100000", ConstraintMessage = "Bitte eine plausible Anzahl.",
                },
                new DecimalQuestion { Name = N("betrag"), Label = "Betrag", Min = 0, Unit = "€" },
                new ShortTextQuestion { Name = N("text"), Label = "Text", Constraint = "string-length(.) <= 200 and not(regex(., '[<>]'))" },
                new DateQuestion { Name = N("datum"), Label = "Datum", Constraint = ". <= today()" },
                new MatrixQuestion
                {
                    Name = N("matrix"), Label = "Dringlichkeit je Thema", RowListName = "themen", ScaleListName = "dringlichkeit",
                    ChoiceFilter = $"selected(${{{N("mehrfach")}}}, name)", Required = "true()",
                },
                new CalculatedQuestion { Name = N("summe"), Calculation = $"coalesce(${{{N("anzahl")}}}, 0) + coalesce(${{{N("betrag")}}}, 0)" },
            ],
        };
    }

    /// <summary>A complete interview: every question of every page answered, "Sonstiges" with its text.</summary>
    public static IReadOnlyDictionary<string, AnswerValue> Answers()
    {
        var answers = new Dictionary<string, AnswerValue>();
        for (var page = 1; page <= Pages; page++)
        {
            string N(string name) => $"s{page}_{name}";
            answers[N("wahl")] = AnswerValue.Choice("o3");
            answers[N("mehrfach")] = AnswerValue.Choice("t1", "t3", "t5", "other");
            answers[N("mehrfach_other")] = AnswerValue.Text("Ein weiteres Thema");
            answers[N("janein")] = AnswerValue.Choice("ja");
            answers[N("zufrieden")] = AnswerValue.Choice("4");
            answers[N("anzahl")] = AnswerValue.Number(12 + page);
            answers[N("betrag")] = AnswerValue.Text("1.234,50");
            answers[N("text")] = AnswerValue.Text($"Antwort auf Seite {page}");
            answers[N("datum")] = AnswerValue.Text("15.03.2026");
            answers[N("matrix")] = AnswerValue.Matrix(("t1", "jetzt"), ("t3", "j1_2"), ("t5", "j3_5"));
        }

        return answers;
    }
}
