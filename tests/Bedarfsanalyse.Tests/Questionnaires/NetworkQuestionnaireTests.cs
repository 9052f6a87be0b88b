using Bedarfsanalyse.Core.Questionnaires;
using Bedarfsanalyse.Core.Questionnaires.Answers;
using Bedarfsanalyse.Core.Questionnaires.Checking;
using Bedarfsanalyse.Core.Questionnaires.Evaluation;
using Bedarfsanalyse.Core.Questionnaires.Json;
using Bedarfsanalyse.Core.Questionnaires.Network;
using Bedarfsanalyse.XlsForm;

namespace Bedarfsanalyse.Tests.Questionnaires;

public sealed class NetworkQuestionnaireTests
{
    public static TheoryData<string> Keys => [NetworkQuestionnaires.EmployerKey, NetworkQuestionnaires.EmployeeKey];

    private static QuestionnaireDefinition Load(string key) => key == NetworkQuestionnaires.EmployerKey ? NetworkQuestionnaires.Employer : NetworkQuestionnaires.Employee;

    [Theory]
    [MemberData(nameof(Keys))]
    public void The_questionnaire_passes_the_static_checks_without_even_a_warning(string key)
    {
        QuestionnaireChecker.Check(Load(key)).Select(p => p.Message).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void Exported_as_xlsform_and_imported_again_it_is_equal(string key)
    {
        var result = XlsFormReader.Read(XlsFormWriter.Write(Load(key)));

        result.Errors.ShouldBeEmpty();
        result.Warnings.ShouldBeEmpty();
        result.Definition.ShouldBe(Load(key));
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void The_stored_json_is_in_the_canonical_form_so_that_diffs_stay_readable(string key)
    {
        var stored = NetworkQuestionnaires.Json(key);

        QuestionnaireJson.Serialize(QuestionnaireJson.Deserialize(stored)).ShouldBe(stored);
    }

    [Fact]
    public void The_employer_questionnaire_follows_sections_a_to_f_with_sixty_to_eighty_questions()
    {
        var employer = NetworkQuestionnaires.Employer;

        employer.Key.ShouldBe(NetworkQuestionnaires.EmployerKey);
        employer.RespondentGroups.ShouldBe([RespondentGroups.Establishment]);
        employer.Pages.Select(p => p.Label!.Default[..2]).ShouldBe(["A.", "B.", "C.", "D.", "E.", "F."]);
        employer.Questions().Count().ShouldBeInRange(60, 80);
    }

    [Fact]
    public void The_size_class_is_derived_from_the_exact_headcount_never_asked()
    {
        var questions = NetworkQuestionnaires.Employer.Questions().ToList();

        questions.Single(q => q.Name == "a_beschaeftigte").ShouldBeOfType<IntegerQuestion>();
        questions.Single(q => q.Name == "a_groessenklasse").ShouldBeOfType<CalculatedQuestion>();
    }

    [Fact]
    public void The_employee_questionnaire_is_for_the_four_employee_groups_and_has_a_module_for_each()
    {
        var employee = NetworkQuestionnaires.Employee;

        employee.RespondentGroups.ShouldBe(
            [RespondentGroups.OlderEmployees, RespondentGroups.YoungerEmployees, RespondentGroups.Apprentices, RespondentGroups.ImmigrationHistory]);
        employee.Pages.Where(p => p.Name.StartsWith("m_", StringComparison.Ordinal)).ShouldAllBe(p => p.Relevant != null);
        employee.Pages.Count(p => p.Name.StartsWith("m_", StringComparison.Ordinal)).ShouldBe(4);
    }

    [Fact]
    public void Both_sides_share_the_topic_list_and_every_other_list_of_the_same_name()
    {
        var employer = NetworkQuestionnaires.Employer;
        var employee = NetworkQuestionnaires.Employee;

        var shared = employer.ChoiceLists.Select(l => l.Name).Intersect(employee.ChoiceLists.Select(l => l.Name)).ToList();

        shared.ShouldContain(NetworkQuestionnaires.TopicList);
        foreach (var name in shared)
        {
            employee.FindChoiceList(name).ShouldBe(employer.FindChoiceList(name), $"Liste {name}");
        }

        employer.Questions().OfType<MultipleChoiceQuestion>().ShouldContain(q => q.ListName == NetworkQuestionnaires.TopicList);
        employee.Questions().OfType<MultipleChoiceQuestion>().ShouldContain(q => q.ListName == NetworkQuestionnaires.TopicList);
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void Texts_address_respondents_formally(string key)
    {
        var texts = Load(key).Walk().SelectMany(e => new[] { e.Element.Label?.Default, e.Element.Hint?.Default }).OfType<string>().ToList();

        texts.ShouldNotContain(t => System.Text.RegularExpressions.Regex.IsMatch(t, @"\b(du|dein|deine|dich|dir)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase));
        texts.ShouldContain(t => t.Contains("Sie"));
    }

    private static readonly DateOnly Today = new(2026, 11, 25);

    private static Dictionary<string, AnswerValue> CompleteEmployerInterview() => new()
    {
        ["a_kreis"] = AnswerValue.Choice("03255"),
        ["a_wz"] = AnswerValue.Choice("C"),
        ["a_kammer"] = AnswerValue.Choice("hwk"),
        ["a_rolle"] = AnswerValue.Choice("inhaber"),
        ["a_betriebsform"] = AnswerValue.Choice("eigenstaendig"),
        ["a_beschaeftigte"] = AnswerValue.Number(42),
        ["a_teilzeit"] = AnswerValue.Number(10),
        ["a_frauen"] = AnswerValue.Number(15),
        ["a_azubis"] = AnswerValue.Number(4),
        ["a_unter25"] = AnswerValue.Number(6),
        ["a_ab55"] = AnswerValue.Number(11),
        ["a_tarif"] = AnswerValue.Choice("nein"),
        ["a_betriebsrat"] = AnswerValue.Choice("wn"),
        ["b_gefoerdert"] = AnswerValue.Choice("ja"),
        ["b_art"] = AnswerValue.Choice("freistellung", "kosten"),
        ["b_freistellung_tage"] = AnswerValue.Text("2,5"),
        ["b_teilnehmende"] = AnswerValue.Number(14),
        ["b_formate"] = AnswerValue.Choice("extern", "arbeitsplatz"),
        ["b_ausgaben"] = AnswerValue.Number(7000),
        ["b_zufriedenheit"] = AnswerValue.Choice("4"),
        ["b_foerderung"] = AnswerValue.Choice("nein"),
        ["b_plan"] = AnswerValue.Choice("nein"),
        ["b_bildet_aus"] = AnswerValue.Choice("ja"),
        ["b_vertraege_neu"] = AnswerValue.Number(2),
        ["b_plaetze_unbesetzt"] = AnswerValue.Number(1),
        ["b_vertraege_geloest"] = AnswerValue.Number(1),
        ["b_loesungsgruende"] = AnswerValue.Choice("vorstellung"),
        ["c_bedarf"] = AnswerValue.Choice("ja"),
        ["c_themen"] = AnswerValue.Choice("ki", "generationen"),
        ["c_dringlichkeit"] = AnswerValue.Matrix(("ki", "jetzt"), ("generationen", "j1_2")),
        ["c_zielgruppen"] = new MatrixAnswer(new ValueMap<ValueList<string>>([new("ki", ["alle"]), new("generationen", ["aeltere", "juengere"])])),
        ["c_wichtigstes"] = AnswerValue.Choice("ki"),
        ["c_personen"] = AnswerValue.Number(20),
        ["c_digitalisierung"] = AnswerValue.Choice("3"),
        ["c_ki_einsatz"] = AnswerValue.Choice("geplant"),
        ["d_hemmnisse"] = AnswerValue.Choice("zeit", "kosten"),
        ["d_haupthemmnis"] = AnswerValue.Choice("zeit"),
        ["d_it_ausstattung"] = AnswerValue.Choice("2"),
        ["e_formate"] = AnswerValue.Choice("inhouse", "verbund"),
        ["e_rangfolge"] = AnswerValue.Choice("verbund", "inhouse"),
        ["e_fahrzeit"] = AnswerValue.Number(45),
        ["e_zahlungsbereitschaft"] = AnswerValue.Number(150),
        ["e_verbund"] = AnswerValue.Choice("sehr"),
        ["f_offene_stellen"] = AnswerValue.Choice("ja"),
        ["f_anzahl_stellen"] = AnswerValue.Number(3),
        ["f_berufe"] = AnswerValue.Text("Elektronikerin/Elektroniker, Mechatronik"),
        ["f_ruhestand"] = AnswerValue.Number(5),
        ["f_interesse"] = AnswerValue.Choice("eher"),
        ["f_angebote"] = AnswerValue.Choice("kurse", "austausch"),
        ["f_kontakt"] = AnswerValue.Choice("ja"),
        ["f_kontaktwege"] = AnswerValue.Choice("email"),
    };

    [Fact]
    public void A_complete_employer_interview_is_valid_and_gets_its_derived_values()
    {
        var result = CompiledQuestionnaire.Compile(NetworkQuestionnaires.Employer).Validate(CompleteEmployerInterview(), ValidationMode.Complete, Today);

        result.Errors.ShouldBeEmpty();
        result.Answers["a_groessenklasse"].ShouldBe(AnswerValue.Text("10-49"));
        result.Answers["a_wirtschaftsgruppe"].ShouldBe(AnswerValue.Text("B-F"));
        result.Answers["b_ausgaben_je_teilnehmende"].ShouldBe(AnswerValue.Number(500));
        result.Answers["b_teilnahmequote"].ShouldBe(AnswerValue.Number(14m * 100 / 42));
    }

    [Fact]
    public void The_employer_questionnaire_refuses_inconsistent_headcounts_and_asks_for_what_is_missing()
    {
        var answers = CompleteEmployerInterview();
        answers["a_ab55"] = AnswerValue.Number(40);
        answers.Remove("c_dringlichkeit");

        var result = CompiledQuestionnaire.Compile(NetworkQuestionnaires.Employer).Validate(answers, ValidationMode.Complete, Today);

        result.Errors.Select(e => (e.Question, e.Item, e.Code)).ShouldBe(
        [
            ("a_ab55", null, AnswerErrorCodes.Constraint),
            ("c_dringlichkeit", null, AnswerErrorCodes.Required),
        ]);
        result.Errors[0].Message.ShouldBe("Beschäftigte unter 25 und ab 55 Jahren können zusammen nicht mehr sein als alle Beschäftigten.");
    }

    [Fact]
    public void Employee_modules_follow_the_respondent_group_and_the_answers()
    {
        var questionnaire = CompiledQuestionnaire.Compile(NetworkQuestionnaires.Employee);

        var state = questionnaire.Evaluate(new Dictionary<string, AnswerValue>
        {
            ["p_gruppe"] = AnswerValue.Choice(RespondentGroups.Apprentices),
            ["p_alter"] = AnswerValue.Choice("unter25"),
            ["p_einwanderung"] = AnswerValue.Choice("ja"),
        }, Today);

        state.RelevantPages.Select(p => p.Name).Where(n => n.StartsWith("m_", StringComparison.Ordinal)).ShouldBe(["m_azubis", "m_juengere", "m_einwanderung"]);
        questionnaire.Evaluate(new Dictionary<string, AnswerValue> { ["p_gruppe"] = AnswerValue.Choice(RespondentGroups.OlderEmployees) }, Today)
            .RelevantPages.Select(p => p.Name).Where(n => n.StartsWith("m_", StringComparison.Ordinal)).ShouldBe(["m_aeltere"]);
    }

    [Fact]
    public void The_age_group_must_fit_the_respondent_group()
    {
        var result = CompiledQuestionnaire.Compile(NetworkQuestionnaires.Employee).Validate(new Dictionary<string, AnswerValue>
        {
            ["p_gruppe"] = AnswerValue.Choice(RespondentGroups.OlderEmployees),
            ["p_alter"] = AnswerValue.Choice("unter25"),
        }, ValidationMode.Draft, Today);

        result.Errors.ShouldHaveSingleItem().Message.ShouldBe("Die Altersgruppe passt nicht zur Befragtengruppe.");
    }

    [Fact]
    public void An_age_group_without_a_respondent_group_yet_is_no_contradiction()
    {
        var result = CompiledQuestionnaire.Compile(NetworkQuestionnaires.Employee).Validate(new Dictionary<string, AnswerValue>
        {
            ["p_alter"] = AnswerValue.Choice("25_54"),
        }, ValidationMode.Draft, Today);

        result.Errors.ShouldBeEmpty();
    }

    [Fact]
    public void No_need_cannot_be_ticked_together_with_a_barrier()
    {
        var questionnaire = CompiledQuestionnaire.Compile(NetworkQuestionnaires.Employer);
        var answers = CompleteEmployerInterview();
        answers.Remove("d_haupthemmnis");

        answers["d_hemmnisse"] = AnswerValue.Choice("kein_bedarf", "kosten");
        var together = questionnaire.Validate(answers, ValidationMode.Complete, Today);
        answers["d_hemmnisse"] = AnswerValue.Choice("kein_bedarf", "other");
        answers["d_hemmnisse_other"] = AnswerValue.Text("Betriebsferien");
        var withOther = questionnaire.Validate(answers, ValidationMode.Complete, Today);
        answers.Remove("d_hemmnisse_other");
        answers["d_hemmnisse"] = AnswerValue.Choice("kein_bedarf");
        var alone = questionnaire.Validate(answers, ValidationMode.Complete, Today);

        together.Errors.ShouldHaveSingleItem().ShouldBe(new AnswerError("d_hemmnisse", null, AnswerErrorCodes.Constraint,
            "„kein Bedarf“ schließt die anderen Antworten aus: Bitte wählen Sie entweder „kein Bedarf“ oder die zutreffenden Hemmnisse."));
        withOther.Errors.ShouldHaveSingleItem().Code.ShouldBe(AnswerErrorCodes.Constraint);
        alone.Errors.ShouldBeEmpty();
        alone.Answers["d_hemmnisse"].ShouldBe(AnswerValue.Choice("kein_bedarf"));
    }

    [Fact]
    public void An_apprentice_interview_offers_only_the_apprentice_position_and_refuses_another()
    {
        var questionnaire = CompiledQuestionnaire.Compile(NetworkQuestionnaires.Employee);
        var apprentice = new Dictionary<string, AnswerValue> { ["p_gruppe"] = AnswerValue.Choice(RespondentGroups.Apprentices) };

        var offered = questionnaire.Evaluate(apprentice, Today).ChoicesFor("p_stellung").Select(c => c.Code);
        var refused = questionnaire.Validate(new Dictionary<string, AnswerValue>(apprentice) { ["p_stellung"] = AnswerValue.Choice("fuehrung") }, ValidationMode.Draft, Today);
        var otherGroup = questionnaire.Evaluate(new Dictionary<string, AnswerValue> { ["p_gruppe"] = AnswerValue.Choice(RespondentGroups.OlderEmployees) }, Today);

        offered.ShouldBe(["azubi", "ka"]);
        refused.Errors.ShouldHaveSingleItem().ShouldBe(new AnswerError("p_stellung", null, AnswerErrorCodes.ChoiceNotAvailable,
            "Die Antwort „Führungskraft“ steht bei dieser Frage nach den bisherigen Antworten nicht zur Auswahl."));
        otherGroup.ChoicesFor("p_stellung").Count.ShouldBe(6);
    }

    [Fact]
    public void An_interview_for_the_immigration_group_cannot_answer_no_to_the_immigration_history_but_may_decline()
    {
        var questionnaire = CompiledQuestionnaire.Compile(NetworkQuestionnaires.Employee);
        var group = new Dictionary<string, AnswerValue> { ["p_gruppe"] = AnswerValue.Choice(RespondentGroups.ImmigrationHistory) };

        var offered = questionnaire.Evaluate(group, Today).ChoicesFor("p_einwanderung").Select(c => c.Code);
        var no = questionnaire.Validate(new Dictionary<string, AnswerValue>(group) { ["p_einwanderung"] = AnswerValue.Choice("nein") }, ValidationMode.Draft, Today);
        var declined = questionnaire.Validate(new Dictionary<string, AnswerValue>(group) { ["p_einwanderung"] = AnswerValue.Choice("ka") }, ValidationMode.Draft, Today);

        offered.ShouldBe(["ja", "ka"]);
        no.Errors.ShouldHaveSingleItem().Code.ShouldBe(AnswerErrorCodes.ChoiceNotAvailable);
        declined.Errors.ShouldBeEmpty();
        questionnaire.Evaluate(new Dictionary<string, AnswerValue>(), Today).ChoicesFor("p_einwanderung").Select(c => c.Code).ShouldBe(["ja", "nein", "ka"]);
    }
}
