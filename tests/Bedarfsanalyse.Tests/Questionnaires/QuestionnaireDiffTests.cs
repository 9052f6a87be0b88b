using Bedarfsanalyse.Core.Questionnaires;
using Bedarfsanalyse.Core.Questionnaires.Versions;

namespace Bedarfsanalyse.Tests.Questionnaires;

public sealed class QuestionnaireDiffTests
{
    private static readonly QuestionnaireDefinition Older = Sample.Rich();

    private static QuestionnaireDefinition Replace(QuestionnaireDefinition definition, string name, Func<Element, Element?> change)
    {
        ValueList<Element> Walk(ValueList<Element> elements) =>
        [
            .. elements.Select(e => e.Name == name ? change(e) : e is Group g ? g with { Elements = Walk(g.Elements) } : e).OfType<Element>(),
        ];

        return definition with { Pages = [.. definition.Pages.Select(p => p with { Elements = Walk(p.Elements) })] };
    }

    private static QuestionnaireDefinition ReplaceList(QuestionnaireDefinition definition, string name, Func<ChoiceList, ChoiceList> change) =>
        definition with { ChoiceLists = [.. definition.ChoiceLists.Select(l => l.Name == name ? change(l) : l)] };

    [Fact]
    public void Identical_versions_have_only_unchanged_comparable_questions()
    {
        var diff = QuestionnaireDiff.Compare(Older, Sample.Rich());

        diff.Questions.ShouldAllBe(q => q.Kind == ChangeKind.Unchanged);
        diff.Questions.Where(q => q.NewType != QuestionType.Note).ShouldAllBe(q => q.Comparable);
        diff.IsComparable("a_intro").ShouldBeFalse();
    }

    [Fact]
    public void Added_and_removed_questions_are_reported_and_not_comparable()
    {
        var newer = Replace(Older, "a_teilzeit", _ => null);
        newer = Replace(newer, "a_datum", d => d);
        newer = newer with { Pages = [.. newer.Pages, new Group { Name = "c_neu", Elements = [Sample.Integer("c_anzahl")] }] };

        var diff = QuestionnaireDiff.Compare(Older, newer);

        diff.Added.ShouldHaveSingleItem().Name.ShouldBe("c_anzahl");
        diff.Removed.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            r => r.Name.ShouldBe("a_teilzeit"),
            r => r.OldType.ShouldBe(QuestionType.Integer),
            r => r.Comparable.ShouldBeFalse());
        diff.IsComparable("c_anzahl").ShouldBeFalse();
        diff.IsComparable("gibt_es_nicht").ShouldBeFalse();
    }

    [Fact]
    public void A_changed_type_is_reported_and_breaks_comparability_unless_only_the_number_or_text_kind_changes()
    {
        var newer = Replace(Older, "b_bereich", q => new MultipleChoiceQuestion { Name = q.Name, Label = q.Label, ListName = "bereiche" });
        newer = Replace(newer, "a_teilzeit", q => new DecimalQuestion { Name = q.Name, Label = q.Label, Min = 0, Constraint = ((Question)q).Constraint, ConstraintMessage = ((Question)q).ConstraintMessage });
        newer = Replace(newer, "b_beruf", q => new LongTextQuestion { Name = q.Name, Label = q.Label, Constraint = ((Question)q).Constraint });

        var diff = QuestionnaireDiff.Compare(Older, newer);

        diff["b_bereich"]!.ShouldSatisfyAllConditions(
            c => c.Kind.ShouldBe(ChangeKind.Changed),
            c => c.TypeChanged.ShouldBeTrue(),
            c => c.Comparable.ShouldBeFalse(),
            c => c.Reasons.ShouldContain("Fragetyp geändert: Einfachauswahl → Mehrfachauswahl."));
        diff["a_teilzeit"]!.ShouldSatisfyAllConditions(c => c.TypeChanged.ShouldBeTrue(), c => c.Comparable.ShouldBeTrue());
        diff["b_beruf"]!.Comparable.ShouldBeTrue();
    }

    [Fact]
    public void Added_removed_and_relabelled_options_are_listed_and_only_relabelling_keeps_comparability()
    {
        var newer = ReplaceList(Older, "bereiche", l => l with
        {
            Choices = [l.Choices[0] with { Label = LocalizedText.German("Informationstechnik").With("en", "IT") }, new Choice("handwerk", "Handwerk")],
        });
        newer = ReplaceList(newer, "skala", l => l with { Choices = [.. l.Choices.Select(c => c.Code == "2" ? c with { Label = LocalizedText.German("teils, teils").With("en", "neutral") } : c)] });

        var diff = QuestionnaireDiff.Compare(Older, newer);

        diff["b_bereich"]!.ShouldSatisfyAllConditions(
            c => c.ChoicesAdded.ShouldBe(["handwerk"]),
            c => c.ChoicesRemoved.ShouldBe(["soft"]),
            c => c.ChoicesRelabelled.ShouldBe(["it"]),
            c => c.Comparable.ShouldBeFalse());
        diff["b_zufrieden"]!.ShouldSatisfyAllConditions(
            c => c.Kind.ShouldBe(ChangeKind.Changed),
            c => c.ChoicesRelabelled.ShouldBe(["2"]),
            c => c.Comparable.ShouldBeTrue());
    }

    [Fact]
    public void Dropping_other_please_specify_removes_an_option()
    {
        var newer = Replace(Older, "b_themen", q => ((MultipleChoiceQuestion)q) with { Other = null });

        var change = QuestionnaireDiff.Compare(Older, newer)["b_themen"]!;

        change.ChoicesRemoved.ShouldBe([OtherOption.Code]);
        change.Comparable.ShouldBeFalse();
    }

    [Fact]
    public void Matrix_rows_may_change_but_the_scale_may_not()
    {
        var withNewTopic = ReplaceList(Older, "themen", l => l with { Choices = [.. l.Choices, new Choice("nachhaltig", "Energie und Nachhaltigkeit")] });
        var withNewStep = ReplaceList(Older, "dringlichkeit", l => l with { Choices = [.. l.Choices, new Choice("nie", "kein Bedarf")] });

        QuestionnaireDiff.Compare(Older, withNewTopic)["b_dringlichkeit"]!.ShouldSatisfyAllConditions(
            c => c.RowsAdded.ShouldBe(["nachhaltig"]),
            c => c.Comparable.ShouldBeTrue());
        QuestionnaireDiff.Compare(Older, withNewStep)["b_dringlichkeit"]!.ShouldSatisfyAllConditions(
            c => c.ChoicesAdded.ShouldBe(["nie"]),
            c => c.Comparable.ShouldBeFalse());
    }

    [Fact]
    public void Wording_changes_are_noted_but_keep_comparability_while_a_new_unit_calculation_or_relevance_breaks_it()
    {
        var newer = Replace(Older, "a_beschaeftigte", q => ((IntegerQuestion)q) with { Label = "Anzahl der Beschäftigten", Unit = "Personen" });
        newer = Replace(newer, "b_anmerkungen", q => q with { Relevant = null });
        newer = Replace(newer, "b_beruf", q => q with { Hint = "Wie im Arbeitsvertrag" });
        newer = Replace(newer, "a_groesse", q => ((CalculatedQuestion)q) with { Calculation = "if(${a_beschaeftigte} < 20, 'klein', 'groß')" });

        var diff = QuestionnaireDiff.Compare(Older, newer);

        diff["a_beschaeftigte"]!.ShouldSatisfyAllConditions(
            c => c.Notes.ShouldContain("Fragetext geändert."),
            c => c.Reasons.ShouldContain("Einheit geändert: „Beschäftigte“ → „Personen“."),
            c => c.Comparable.ShouldBeFalse());
        diff["b_anmerkungen"]!.ShouldSatisfyAllConditions(
            c => c.Kind.ShouldBe(ChangeKind.Changed),
            c => c.Reasons.ShouldHaveSingleItem().ShouldBe("Bedingung, wann gefragt wird (relevant), geändert – die Grundgesamtheit ist eine andere."),
            c => c.Comparable.ShouldBeFalse());
        diff["b_beruf"]!.ShouldSatisfyAllConditions(c => c.Notes.ShouldBe(["Erläuterung (hint) geändert."]), c => c.Comparable.ShouldBeTrue());
        diff["a_groesse"]!.Comparable.ShouldBeFalse();
    }

    [Fact]
    public void A_changed_condition_of_the_enclosing_page_or_group_breaks_comparability_of_every_question_in_it()
    {
        var newer = Older with { Pages = [Older.Pages[0], Older.Pages[1] with { Relevant = "${a_beschaeftigte} > 9" }] };
        newer = Replace(newer, "b_details", g => g with { Relevant = "count-selected(${b_themen}) > 1" });

        var diff = QuestionnaireDiff.Compare(Older, newer);

        diff["b_weiterbildung"]!.ShouldSatisfyAllConditions(
            c => c.Kind.ShouldBe(ChangeKind.Changed),
            c => c.Comparable.ShouldBeFalse(),
            c => c.Reasons.ShouldBe(["Bedingung einer übergeordneten Seite oder Gruppe geändert („b_bedarf“) – die Grundgesamtheit ist eine andere."]));
        diff["b_dringlichkeit"]!.Reasons.ShouldHaveSingleItem().ShouldContain("(„b_bedarf“, „b_details“)");
        diff["a_beschaeftigte"]!.Kind.ShouldBe(ChangeKind.Unchanged);
    }

    [Fact]
    public void Reformatting_a_condition_is_not_a_change()
    {
        var newer = Replace(Older, "b_details", g => g with { Relevant = "count-selected( ${b_themen} )>0 and   not(selected(${b_themen},'kA'))" });

        var change = QuestionnaireDiff.Compare(Older, newer)["b_dringlichkeit"]!;

        change.Kind.ShouldBe(ChangeKind.Unchanged);
        change.Comparable.ShouldBeTrue();
    }

    [Fact]
    public void Moving_a_question_into_another_group_is_noted_and_breaks_comparability_where_the_conditions_differ()
    {
        var zufrieden = Older.Questions().Single(q => q.Name == "b_zufrieden");
        var rang = Older.Questions().Single(q => q.Name == "b_rang");
        var details = (Group)Older.Pages[1].Elements.Single(e => e.Name == "b_details");
        var newer = Replace(Older, "b_zufrieden", _ => null);
        newer = Replace(newer, "b_rang", _ => null);
        newer = Replace(newer, "a_datum", d => new Group { Name = "a_zufriedenheit", Elements = [d, zufrieden] });
        newer = Replace(newer, "b_anmerkungen", q => new Group { Name = "b_reihenfolge", Relevant = details.Relevant, Elements = [rang, q] });

        var diff = QuestionnaireDiff.Compare(Older, newer);

        diff["b_zufrieden"]!.ShouldSatisfyAllConditions(
            c => c.Kind.ShouldBe(ChangeKind.Changed),
            c => c.Notes.ShouldContain("In eine andere Seite oder Gruppe verschoben: „b_bedarf“ → „a_betrieb / a_zufriedenheit“."),
            c => c.Comparable.ShouldBeFalse(),
            c => c.Reasons.ShouldHaveSingleItem().ShouldContain("(„b_bedarf“)"));
        diff["b_rang"]!.ShouldSatisfyAllConditions(
            c => c.Kind.ShouldBe(ChangeKind.Changed),
            c => c.Notes.ShouldBe(["In eine andere Seite oder Gruppe verschoben: „b_bedarf / b_details“ → „b_bedarf / b_reihenfolge“."]),
            c => c.Comparable.ShouldBeTrue());
    }

    [Fact]
    public void Relabelled_matrix_rows_are_reported()
    {
        var newer = ReplaceList(Older, "themen", l => l with { Choices = [.. l.Choices.Select(c => c.Code == "ki" ? c with { Label = "KI-Anwendungen" } : c)] });

        var change = QuestionnaireDiff.Compare(Older, newer)["b_dringlichkeit"]!;

        change.RowsRelabelled.ShouldBe(["ki"]);
        change.Notes.ShouldContain("Beschriftungen von Zeilen geändert: ki.");
        change.Comparable.ShouldBeTrue();
    }
}
