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
}
