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
    public void Wording_and_relevance_changes_are_noted_but_keep_comparability_while_a_new_unit_or_calculation_breaks_it()
    {
        var newer = Replace(Older, "a_beschaeftigte", q => ((IntegerQuestion)q) with { Label = "Anzahl der Beschäftigten", Unit = "Personen" });
        newer = Replace(newer, "b_anmerkungen", q => q with { Relevant = null });
        newer = Replace(newer, "a_groesse", q => ((CalculatedQuestion)q) with { Calculation = "if(${a_beschaeftigte} < 20, 'klein', 'groß')" });

        var diff = QuestionnaireDiff.Compare(Older, newer);

        diff["a_beschaeftigte"]!.ShouldSatisfyAllConditions(
            c => c.Notes.ShouldContain("Fragetext geändert."),
            c => c.Reasons.ShouldContain("Einheit geändert: „Beschäftigte“ → „Personen“."),
            c => c.Comparable.ShouldBeFalse());
        diff["b_anmerkungen"]!.ShouldSatisfyAllConditions(
            c => c.Notes.ShouldHaveSingleItem().ShouldStartWith("Bedingung, wann gefragt wird"),
            c => c.Comparable.ShouldBeTrue());
        diff["a_groesse"]!.Comparable.ShouldBeFalse();
    }
}
