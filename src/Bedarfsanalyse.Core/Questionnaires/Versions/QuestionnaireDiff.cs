namespace Bedarfsanalyse.Core.Questionnaires.Versions;

public enum ChangeKind
{
    Unchanged,
    Added,
    Removed,
    Changed,
}

/// <summary>
/// What changed between two versions of a questionnaire, question by question (matched by name), and whether each
/// question's answers may be combined across the two versions. The rules are in docs/adr/0008-versions-and-comparability.md.
/// </summary>
public sealed record QuestionnaireDiff(IReadOnlyList<QuestionChange> Questions)
{
    public IEnumerable<QuestionChange> Added => Questions.Where(q => q.Kind == ChangeKind.Added);

    public IEnumerable<QuestionChange> Removed => Questions.Where(q => q.Kind == ChangeKind.Removed);

    public IEnumerable<QuestionChange> Changed => Questions.Where(q => q.Kind == ChangeKind.Changed);

    public QuestionChange? this[string question] => Questions.FirstOrDefault(q => q.Name == question);

    /// <summary>Whether the question's answers in both versions may be combined (false when it is missing from one).</summary>
    public bool IsComparable(string question) => this[question]?.Comparable ?? false;

    public static QuestionnaireDiff Compare(QuestionnaireDefinition older, QuestionnaireDefinition newer)
    {
        ArgumentNullException.ThrowIfNull(older);
        ArgumentNullException.ThrowIfNull(newer);
        var oldQuestions = Index(older);
        var newQuestions = Index(newer);
        var changes = new List<QuestionChange>();
        foreach (var (name, question) in newQuestions)
        {
            changes.Add(oldQuestions.TryGetValue(name, out var previous)
                ? Compare(older, previous, newer, question)
                : QuestionChange.Only(name, ChangeKind.Added, null, question.Type, "Die Frage ist neu."));
        }

        foreach (var (name, question) in oldQuestions.Where(q => !newQuestions.ContainsKey(q.Key)))
        {
            changes.Add(QuestionChange.Only(name, ChangeKind.Removed, question.Type, null, "Die Frage gibt es in der neuen Version nicht mehr."));
        }

        return new QuestionnaireDiff(changes);
    }

    private static Dictionary<string, Question> Index(QuestionnaireDefinition definition)
    {
        // Insertion order is document order, which the result keeps.
        var index = new Dictionary<string, Question>(StringComparer.Ordinal);
        foreach (var question in definition.Questions())
        {
            index.TryAdd(question.Name, question);
        }

        return index;
    }

    private static QuestionChange Compare(QuestionnaireDefinition olderDefinition, Question older, QuestionnaireDefinition newerDefinition, Question newer)
    {
        var notes = new List<string>();
        var blockers = new List<string>();
        if (older.Type != newer.Type)
        {
            var compatible = (older.Type, newer.Type) is (QuestionType.Integer, QuestionType.Decimal) or (QuestionType.Decimal, QuestionType.Integer)
                or (QuestionType.ShortText, QuestionType.LongText) or (QuestionType.LongText, QuestionType.ShortText);
            (compatible ? notes : blockers).Add($"Fragetyp geändert: {QuestionTypeNames.Of(older.Type)} → {QuestionTypeNames.Of(newer.Type)}.");
        }

        Note(notes, older.Label, newer.Label, "Fragetext geändert.");
        Note(notes, older.Hint, newer.Hint, "Erläuterung (hint) geändert.");
        Note(notes, older.Relevant, newer.Relevant, "Bedingung, wann gefragt wird (relevant), geändert – die Grundgesamtheit kann sich unterscheiden.");
        Note(notes, older.Required, newer.Required, "Pflichtangabe (required) geändert.");
        Note(notes, older.Constraint, newer.Constraint, "Prüfbedingung (constraint) geändert.");
        Note(notes, older.ConstraintMessage, newer.ConstraintMessage, "Meldung zur Prüfbedingung geändert.");

        var choices = ChoiceChanges.None;
        var rows = ChoiceChanges.None;
        switch (older, newer)
        {
            case (ChoiceQuestion o, ChoiceQuestion n):
                choices = ChoiceChanges.Between(Options(olderDefinition, o), Options(newerDefinition, n));
                Note(notes, o.ChoiceFilter, n.ChoiceFilter, "Auswahlfilter (choice_filter) geändert.");
                if (choices.AddedOrRemoved)
                {
                    blockers.Add("Antwortmöglichkeiten hinzugefügt oder entfernt.");
                }

                break;
            case (MatrixQuestion o, MatrixQuestion n):
                choices = ChoiceChanges.Between(olderDefinition.FindChoiceList(o.ScaleListName)?.Choices ?? [], newerDefinition.FindChoiceList(n.ScaleListName)?.Choices ?? []);
                rows = ChoiceChanges.Between(olderDefinition.FindChoiceList(o.RowListName)?.Choices ?? [], newerDefinition.FindChoiceList(n.RowListName)?.Choices ?? []);
                Note(notes, o.ChoiceFilter, n.ChoiceFilter, "Zeilenfilter (choice_filter) geändert.");
                if (choices.AddedOrRemoved)
                {
                    blockers.Add("Stufen der Skala hinzugefügt oder entfernt.");
                }

                if (o.MultipleAnswers != n.MultipleAnswers)
                {
                    blockers.Add(n.MultipleAnswers ? "Je Zeile sind jetzt mehrere Antworten möglich." : "Je Zeile ist jetzt nur eine Antwort möglich.");
                }

                if (rows.AddedOrRemoved)
                {
                    notes.Add("Zeilen hinzugefügt oder entfernt; vergleichbar sind die Zeilen, die es in beiden Versionen gibt.");
                }

                break;
            case (NumberQuestion o, NumberQuestion n):
                Note(notes, o.Min, n.Min, "Mindestwert geändert.");
                Note(notes, o.Max, n.Max, "Höchstwert geändert.");
                if (!Equals(o.Unit?.Default, n.Unit?.Default))
                {
                    blockers.Add($"Einheit geändert: „{o.Unit?.Default}“ → „{n.Unit?.Default}“.");
                }

                break;
            case (CalculatedQuestion o, CalculatedQuestion n):
                if (o.Calculation != n.Calculation)
                {
                    blockers.Add("Berechnung geändert.");
                }

                break;
        }

        if (choices.Relabelled.Count > 0)
        {
            notes.Add("Beschriftungen von Antwortmöglichkeiten geändert: " + string.Join(", ", choices.Relabelled) + ".");
        }

        if (choices.MarkingChanged.Count > 0)
        {
            notes.Add("Als „weiß nicht/keine Angabe“ markiert oder nicht mehr markiert: " + string.Join(", ", choices.MarkingChanged) + ".");
        }

        if (newer.Type == QuestionType.Note)
        {
            blockers.Add("Ein Hinweis hat keine Antworten.");
        }

        var changed = older != newer || choices.Any || rows.Any;
        return new QuestionChange(
            newer.Name,
            changed ? ChangeKind.Changed : ChangeKind.Unchanged,
            older.Type,
            newer.Type,
            choices.Added,
            choices.Removed,
            choices.Relabelled,
            rows.Added,
            rows.Removed,
            rows.Relabelled,
            [.. notes],
            blockers.Count == 0,
            [.. blockers]);
    }

    private static void Note<T>(List<string> notes, T older, T newer, string note)
    {
        if (!EqualityComparer<T>.Default.Equals(older, newer))
        {
            notes.Add(note);
        }
    }

    private static ValueList<Choice> Options(QuestionnaireDefinition definition, ChoiceQuestion question)
    {
        var choices = definition.FindChoiceList(question.ListName)?.Choices ?? [];
        var other = question switch
        {
            SingleChoiceQuestion s => s.Other,
            MultipleChoiceQuestion m => m.Other,
            _ => null,
        };
        return other is null ? choices : [.. choices, new Choice(OtherOption.Code, other.Label)];
    }

    private sealed record ChoiceChanges(ValueList<string> Added, ValueList<string> Removed, ValueList<string> Relabelled, ValueList<string> MarkingChanged)
    {
        public static readonly ChoiceChanges None = new([], [], [], []);

        public bool AddedOrRemoved => Added.Count > 0 || Removed.Count > 0;

        public bool Any => AddedOrRemoved || Relabelled.Count > 0 || MarkingChanged.Count > 0;

        public static ChoiceChanges Between(ValueList<Choice> older, ValueList<Choice> newer)
        {
            var oldByCode = older.GroupBy(c => c.Code).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            var newCodes = newer.Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
            return new ChoiceChanges(
                [.. newer.Where(c => !oldByCode.ContainsKey(c.Code)).Select(c => c.Code)],
                [.. older.Where(c => !newCodes.Contains(c.Code)).Select(c => c.Code)],
                [.. newer.Where(c => oldByCode.TryGetValue(c.Code, out var o) && o.Label != c.Label).Select(c => c.Code)],
                [.. newer.Where(c => oldByCode.TryGetValue(c.Code, out var o) && o.NonSubstantive != c.NonSubstantive).Select(c => c.Code)]);
        }
    }
}

/// <summary>The change of one question between two versions.</summary>
/// <param name="ChoicesAdded">Codes of options (for a matrix: scale steps) new in the newer version.</param>
/// <param name="RowsAdded">For a matrix: rows new in the newer version.</param>
/// <param name="Notes">German descriptions of changes that leave the answers comparable.</param>
/// <param name="Comparable">Whether answers from both versions may be combined.</param>
/// <param name="Reasons">German reasons why they may not (empty when comparable).</param>
public sealed record QuestionChange(
    string Name,
    ChangeKind Kind,
    QuestionType? OldType,
    QuestionType? NewType,
    ValueList<string> ChoicesAdded,
    ValueList<string> ChoicesRemoved,
    ValueList<string> ChoicesRelabelled,
    ValueList<string> RowsAdded,
    ValueList<string> RowsRemoved,
    ValueList<string> RowsRelabelled,
    ValueList<string> Notes,
    bool Comparable,
    ValueList<string> Reasons)
{
    public bool TypeChanged => OldType is not null && NewType is not null && OldType != NewType;

    internal static QuestionChange Only(string name, ChangeKind kind, QuestionType? oldType, QuestionType? newType, string reason) =>
        new(name, kind, oldType, newType, [], [], [], [], [], [], [], false, [reason]);
}

/// <summary>German names of question types for messages.</summary>
public static class QuestionTypeNames
{
    public static string Of(QuestionType type) => type switch
    {
        QuestionType.SingleChoice => "Einfachauswahl",
        QuestionType.MultipleChoice => "Mehrfachauswahl",
        QuestionType.YesNo => "Ja/Nein",
        QuestionType.Likert => "Likert-Skala",
        QuestionType.Matrix => "Matrix",
        QuestionType.Integer => "ganze Zahl",
        QuestionType.Decimal => "Dezimalzahl",
        QuestionType.ShortText => "kurzer Text",
        QuestionType.LongText => "langer Text",
        QuestionType.Date => "Datum",
        QuestionType.Ranking => "Rangfolge",
        QuestionType.Note => "Hinweis",
        _ => "berechneter Wert",
    };
}
