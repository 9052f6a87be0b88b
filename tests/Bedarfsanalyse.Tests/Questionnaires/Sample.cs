using Bedarfsanalyse.Core.Questionnaires;
using Bedarfsanalyse.Core.Questionnaires.Answers;
using Bedarfsanalyse.Core.Questionnaires.Evaluation;

namespace Bedarfsanalyse.Tests.Questionnaires;

/// <summary>Small questionnaires for tests: one page of given elements over a few typical choice lists.</summary>
internal static class Sample
{
    public static readonly DateOnly Today = new(2026, 11, 25);

    public static Choice Option(string code, string label, bool nonSubstantive = false, params (string Name, string Value)[] properties) =>
        new(code, label)
        {
            NonSubstantive = nonSubstantive,
            Properties = new ValueMap<string>(properties.Select(p => new KeyValuePair<string, string>(p.Name, p.Value))),
        };

    public static readonly ValueList<ChoiceList> Lists =
    [
        new("farben", [Option("rot", "Rot"), Option("gruen", "Grün"), Option("blau", "Blau"), Option("wn", "weiß nicht", nonSubstantive: true)]),
        new("ja_nein", [Option("ja", "Ja"), Option("nein", "Nein"), Option("wn", "weiß nicht", nonSubstantive: true)]),
        new("skala", [Option("1", "gar nicht"), Option("2", "wenig"), Option("3", "teils"), Option("4", "ziemlich"), Option("5", "sehr")]),
        new("dringlichkeit", [Option("jetzt", "jetzt"), Option("j1_2", "in 1–2 Jahren"), Option("j3_5", "in 3–5 Jahren")]),
        new("gruppen", [Option("alt", "55+"), Option("jung", "unter 25"), Option("azubi", "Auszubildende"), Option("kA", "keine Angabe", nonSubstantive: true)]),
        new("themen",
        [
            Option("digital", "Digitale Grundlagen", false, ("bereich", "it")),
            Option("ki", "Künstliche Intelligenz", false, ("bereich", "it")),
            Option("fuehrung", "Führung", false, ("bereich", "soft")),
            Option("deutsch", "Deutsch für den Beruf", false, ("bereich", "sprache")),
        ]),
        new("bereiche", [Option("it", "IT"), Option("soft", "Soziales"), Option("sprache", "Sprache")]),
    ];

    public static QuestionnaireDefinition Definition(params Element[] elements) => Definition([new Group { Name = "seite1", Label = "Seite 1", Elements = [.. elements] }]);

    public static QuestionnaireDefinition Definition(ValueList<Group> pages) => new()
    {
        Key = "test",
        Title = "Testfragebogen",
        RespondentGroups = [RespondentGroups.Establishment],
        ChoiceLists = Lists,
        Pages = pages,
    };

    public static CompiledQuestionnaire Compile(params Element[] elements) => CompiledQuestionnaire.Compile(Definition(elements));

    public static IReadOnlyDictionary<string, AnswerValue> Answers(params (string Name, AnswerValue Value)[] answers) =>
        answers.ToDictionary(a => a.Name, a => a.Value);

    public static IntegerQuestion Integer(string name, string? relevant = null) => new() { Name = name, Label = name, Relevant = relevant };

    public static DecimalQuestion Decimal(string name) => new() { Name = name, Label = name };

    public static ShortTextQuestion Text(string name, string? relevant = null) => new() { Name = name, Label = name, Relevant = relevant };

    public static DateQuestion Date(string name) => new() { Name = name, Label = name };

    public static SingleChoiceQuestion Single(string name, string list = "farben", string? relevant = null) => new() { Name = name, Label = name, ListName = list, Relevant = relevant };

    public static MultipleChoiceQuestion Multiple(string name, string list = "farben") => new() { Name = name, Label = name, ListName = list };

    public static YesNoQuestion YesNo(string name) => new() { Name = name, Label = name, ListName = "ja_nein" };

    public static RankingQuestion Ranking(string name, string list = "dringlichkeit") => new() { Name = name, Label = name, ListName = list };

    public static CalculatedQuestion Calculated(string name, string calculation) => new() { Name = name, Calculation = calculation };
}
