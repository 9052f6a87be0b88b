using Bedarfsanalyse.Core.Questionnaires;
using Bedarfsanalyse.Core.Questionnaires.Checking;
using Bedarfsanalyse.Core.Questionnaires.Json;

namespace Bedarfsanalyse.Tests.Questionnaires;

public sealed class QuestionnaireJsonTests
{
    [Fact]
    public void The_rich_sample_uses_every_question_type_and_passes_the_checks()
    {
        var definition = Sample.Rich();

        definition.Questions().Select(q => q.Type).Distinct().Count().ShouldBe(Enum.GetValues<QuestionType>().Length);
        QuestionnaireChecker.CanBePublished(QuestionnaireChecker.Check(definition)).ShouldBeTrue();
    }

    [Fact]
    public void A_definition_round_trips_exactly()
    {
        var definition = Sample.Rich();

        var json = QuestionnaireJson.Serialize(definition);
        var read = QuestionnaireJson.Deserialize(json);

        read.ShouldBe(definition);
        QuestionnaireJson.Serialize(read).ShouldBe(json);
    }

    [Fact]
    public void The_json_is_stable_readable_and_leaves_out_defaults()
    {
        var json = QuestionnaireJson.Serialize(Sample.Definition(Sample.Integer("n") with { Min = 1, Unit = "Beschäftigte" }) with { ChoiceLists = [] });

        json.ShouldBe("""
            {
              "key": "test",
              "title": "Testfragebogen",
              "respondent_groups": [
                "establishment"
              ],
              "languages": [
                {
                  "code": "de",
                  "name": "Deutsch"
                }
              ],
              "pages": [
                {
                  "name": "seite1",
                  "label": "Seite 1",
                  "elements": [
                    {
                      "type": "integer",
                      "name": "n",
                      "label": "n",
                      "min": 1,
                      "unit": "Beschäftigte"
                    }
                  ]
                }
              ]
            }

            """);
    }

    [Fact]
    public void Translations_are_objects_and_german_only_texts_plain_strings()
    {
        var json = System.Text.RegularExpressions.Regex.Replace(QuestionnaireJson.Serialize(Sample.Rich()), @"\n\s*", "");

        json.ShouldContain("""
            "label": {"de": "Wie viele Beschäftigte hat der Betrieb?","en": "How many employees?"}
            """);
        json.ShouldContain("""
            {"code": "praesenz","label": {"de": "Präsenz","en": "classroom"}}
            """);
        json.ShouldContain("\"constraint\": \". <= ${a_beschaeftigte}\"");
    }

    [Theory]
    [InlineData("", "fehlerhaft")]
    [InlineData("[]", "fehlerhaft")]
    [InlineData("{\"key\": \"x\"}", "title")]
    [InlineData("{\"key\": \"x\", \"title\": \"T\", \"pages\": [{\"name\": \"p\", \"elements\": [{\"type\": \"hologram\", \"name\": \"q\"}]}]}", "hologram")]
    [InlineData("{\"key\": \"x\", \"title\": \"T\", \"colour\": \"rot\"}", "colour")]
    [InlineData("{\"key\": \"x\", \"title\": \"T\", \"pages\": [{\"name\": \"p\", \"label\": {}}]}", "mindestens eine Sprache")]
    [InlineData("{\"key\": \"x\", \"title\": \"T\", \"pages\": [{\"name\": \"p\", \"elements\": [{\"type\": \"integer\", \"name\": \"q\", \"min\": \"viel\"}]}]}", "$.pages[0].elements[0].min")]
    public void Broken_json_gives_a_german_error_with_the_place(string json, string part)
    {
        var error = Should.Throw<QuestionnaireFormatException>(() => QuestionnaireJson.Deserialize(json));

        error.Message.ShouldStartWith("Die Fragebogendefinition ist");
        error.Message.ShouldContain(part);
    }

    [Theory]
    [InlineData("", "Die Fragebogendefinition ist fehlerhaft (Zeile 1, Zeichen 1): Der Text ist leer; erwartet wird ein JSON-Objekt ({ … }).")]
    [InlineData("{\"key\": \"x\"}", "Die Fragebogendefinition ist fehlerhaft (Zeile 1, Zeichen 13): Es fehlt die Pflichtangabe „title“.")]
    [InlineData("{\"key\": \"x\", \"title\": \"T\", \"colour\": \"rot\"}", "Die Fragebogendefinition ist fehlerhaft bei $.colour (Zeile 1, Zeichen 37): Eine Angabe „colour“ gibt es hier nicht.")]
    [InlineData("{\"key\": \"x\", \"title\": null}", "Die Fragebogendefinition ist fehlerhaft bei $.title (Zeile 1, Zeichen 27): Der Wert darf nicht leer (null) sein.")]
    [InlineData("{\"key\": 5, \"title\": \"T\"}", "Die Fragebogendefinition ist fehlerhaft bei $.key (Zeile 1, Zeichen 10): Der Wert hat nicht die erwartete Form: erwartet wird ein Text in Anführungszeichen.")]
    [InlineData("{\"key\": \"x\", \"title\": \"T\", \"key\": \"y\"}", "Die Fragebogendefinition ist fehlerhaft bei $.key (Zeile 1, Zeichen 38): Die Angabe „key“ kommt doppelt vor.")]
    [InlineData("{\"key\": \"x\", \"title\": \"T\", \"pages\": [null]}", "Die Fragebogendefinition ist fehlerhaft bei $.pages (Zeile 1, Zeichen 43): Der 1. Eintrag der Liste ist leer (null).")]
    [InlineData("{\"key\": \"x\", \"title\": \"T\", \"pages\": [{\"name\": \"p\", \"elements\": [{\"name\": \"q\"}]}]}",
        "Die Fragebogendefinition ist fehlerhaft bei $.pages[0].elements[0] (Zeile 1, Zeichen 73): Es fehlt der Typ des Elements (\"type\": z. B. \"group\" oder \"integer\").")]
    [InlineData("{\"key\": \"x\", \"title\": \"T\", \"pages\": [{\"name\": \"p\", \"label\": {\"de\": null}}]}",
        "Die Fragebogendefinition ist fehlerhaft bei $.pages[0].label (Zeile 1, Zeichen 72): Der Text in der Sprache „de“ muss eine Zeichenkette sein.")]
    [InlineData("{\"key\": \"x\",\n  \"title\": \"Übersicht\",\n  \"pages\": [{\"name\": \"p\",, }]}",
        "Die Fragebogendefinition ist fehlerhaft bei $.pages[0] (Zeile 3, Zeichen 26): Der Text ist an dieser Stelle kein gültiges JSON (Syntaxfehler: fehlt ein Komma, eine Klammer oder ein Anführungszeichen, oder steht eines zu viel?).")]
    public void Errors_of_the_json_reader_are_german_with_path_line_and_character(string json, string expected)
    {
        Should.Throw<QuestionnaireFormatException>(() => QuestionnaireJson.Deserialize(json)).Message.ShouldBe(expected);
    }

    [Fact]
    public void Garbled_json_never_shows_english_framework_text()
    {
        var valid = QuestionnaireJson.Serialize(Sample.Rich());
        var random = new Random(2711);
        string[] english = ["could not", "Path:", "LineNumber", "The JSON", "invalid", "Expected", "required properties", "null values", "discriminator"];
        for (var i = 0; i < 400; i++)
        {
            var chars = valid.ToCharArray();
            for (var flips = random.Next(1, 4); flips > 0; flips--)
            {
                const string Noise = "{}[]\":,0a-n\\ ";
                chars[random.Next(chars.Length)] = Noise[random.Next(Noise.Length)];
            }

            var garbled = new string(chars)[..random.Next(1, chars.Length + 1)];
            try
            {
                QuestionnaireJson.Deserialize(garbled);
            }
            catch (QuestionnaireFormatException e)
            {
                e.Message.ShouldStartWith("Die Fragebogendefinition ist");
                english.ShouldAllBe(word => !e.Message.Contains(word, StringComparison.Ordinal), $"{e.Message} (aus {e.InnerException?.Message})");
            }
        }
    }
}
