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

    /// <summary>Every question type and feature the model has, with an English translation: for round trips.</summary>
    public static QuestionnaireDefinition Rich()
    {
        static LocalizedText De(string german, string english) => LocalizedText.German(german).With("en", english);
        static Choice Bilingual(string code, string german, string english, bool nonSubstantive = false) =>
            new(code, De(german, english)) { NonSubstantive = nonSubstantive };

        return new QuestionnaireDefinition
        {
            Key = "reich",
            Title = "Alles, was es gibt",
            RespondentGroups = [RespondentGroups.Establishment, RespondentGroups.Apprentices],
            Languages = [Language.German, new Language("en", "English")],
            ChoiceLists =
            [
                new("ja_nein", [Bilingual("ja", "Ja", "Yes"), Bilingual("nein", "Nein", "No"), Bilingual("wn", "weiß nicht", "don't know", nonSubstantive: true)]),
                new("bereiche", [Bilingual("it", "IT", "IT"), Bilingual("soft", "Soziales", "Social")]),
                new("themen",
                [
                    new("digital", De("Digitale Grundlagen", "Digital basics")) { Properties = new ValueMap<string>([new("bereich", "it"), new("stufe", "1")]) },
                    new("ki", De("Künstliche Intelligenz", "Artificial intelligence")) { Properties = new ValueMap<string>([new("bereich", "it")]) },
                    new("fuehrung", De("Führung", "Leadership")) { Properties = new ValueMap<string>([new("bereich", "soft")]) },
                    Bilingual("kA", "keine Angabe", "no answer", nonSubstantive: true),
                ]),
                new("dringlichkeit", [Bilingual("jetzt", "jetzt", "now"), Bilingual("j1_2", "in 1–2 Jahren", "in 1–2 years"), Bilingual("j3_5", "in 3–5 Jahren", "in 3–5 years")]),
                new("skala", [Bilingual("1", "trifft gar nicht zu", "strongly disagree"), Bilingual("2", "teils/teils", "neutral"), Bilingual("3", "trifft voll zu", "strongly agree")]),
                new("formate", [Bilingual("praesenz", "Präsenz", "classroom"), Bilingual("online", "Online", "online"), Bilingual("blended", "Blended Learning", "blended")]),
            ],
            Pages =
            [
                new Group
                {
                    Name = "a_betrieb",
                    Label = De("A. Betrieb", "A. Establishment"),
                    Hint = De("Angaben zum Standort", "About the site"),
                    Elements =
                    [
                        new NoteQuestion { Name = "a_intro", Label = De("Willkommen „zur“ Befragung – 100 %", "Welcome") },
                        new IntegerQuestion
                        {
                            Name = "a_beschaeftigte",
                            Label = De("Wie viele Beschäftigte hat der Betrieb?", "How many employees?"),
                            Hint = De("Alle Köpfe, auch Teilzeit", "Headcount"),
                            Required = "true()",
                            Min = 1,
                            Max = 100000,
                            Unit = De("Beschäftigte", "employees"),
                        },
                        new IntegerQuestion
                        {
                            Name = "a_teilzeit",
                            Label = De("Davon in Teilzeit", "Part-time"),
                            Min = 0,
                            Constraint = ". <= ${a_beschaeftigte}",
                            ConstraintMessage = De("Nicht mehr als alle Beschäftigten.", "Not more than all employees."),
                        },
                        new CalculatedQuestion { Name = "a_groesse", Calculation = "if(${a_beschaeftigte} < 10, '1-9', if(${a_beschaeftigte} < 50, '10-49', if(${a_beschaeftigte} < 250, '50-249', '250+')))" },
                        new DecimalQuestion { Name = "a_ausgaben", Label = De("Ausgaben für Weiterbildung", "Spending"), Min = 0, Max = 9999999.99m, Unit = De("€", "EUR") },
                        new DateQuestion { Name = "a_datum", Label = De("Datum der Gründung", "Founded"), Constraint = ". <= today()" },
                    ],
                },
                new Group
                {
                    Name = "b_bedarf",
                    Label = De("B. Bedarf", "B. Needs"),
                    Relevant = "${a_beschaeftigte} > 0",
                    Elements =
                    [
                        new YesNoQuestion { Name = "b_weiterbildung", Label = De("Haben Sie Weiterbildung unterstützt?", "Did you support training?"), ListName = "ja_nein", Required = "true()" },
                        new SingleChoiceQuestion { Name = "b_bereich", Label = De("Bereich", "Area"), ListName = "bereiche", Other = new OtherOption(De("Anderer Bereich, bitte angeben", "Other area, please specify")) },
                        new MultipleChoiceQuestion
                        {
                            Name = "b_themen",
                            Label = De("Welche Themen?", "Which topics?"),
                            ListName = "themen",
                            ChoiceFilter = "bereich = ${b_bereich} or name = 'kA'",
                            Other = OtherOption.Default,
                            Required = "${b_weiterbildung} = 'ja'",
                        },
                        new Group
                        {
                            Name = "b_details",
                            Label = De("Details", "Details"),
                            Relevant = "count-selected(${b_themen}) > 0 and not(selected(${b_themen}, 'kA'))",
                            Elements =
                            [
                                new MatrixQuestion
                                {
                                    Name = "b_dringlichkeit",
                                    Label = De("Wie dringend?", "How urgent?"),
                                    RowListName = "themen",
                                    ScaleListName = "dringlichkeit",
                                    ChoiceFilter = "selected(${b_themen}, name)",
                                    Required = "true()",
                                },
                                new MatrixQuestion { Name = "b_formate", Label = De("Formate je Thema", "Formats per topic"), RowListName = "themen", ScaleListName = "formate", MultipleAnswers = true },
                                new RankingQuestion { Name = "b_rang", Label = De("Bringen Sie die Formate in eine Reihenfolge", "Rank the formats"), ListName = "formate" },
                            ],
                        },
                        new LikertQuestion { Name = "b_zufrieden", Label = De("Das Angebot passt.", "The offer fits."), ListName = "skala" },
                        new ShortTextQuestion { Name = "b_beruf", Label = De("Beruf", "Occupation"), Constraint = "string-length(.) <= 80 and not(regex(., '[<>]'))" },
                        new LongTextQuestion { Name = "b_anmerkungen", Label = De("Anmerkungen", "Remarks"), Relevant = "${b_weiterbildung} != ''" },
                    ],
                },
            ],
        };
    }
}
