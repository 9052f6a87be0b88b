using Bedarfsanalyse.Core.Questionnaires.Expressions;

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
        foreach (var (name, placed) in newQuestions)
        {
            changes.Add(oldQuestions.TryGetValue(name, out var previous)
                ? Compare(older, previous, newer, placed)
                : QuestionChange.Only(name, ChangeKind.Added, null, placed.Question.Type, "Die Frage ist neu."));
        }

        foreach (var (name, placed) in oldQuestions.Where(q => !newQuestions.ContainsKey(q.Key)))
        {
            changes.Add(QuestionChange.Only(name, ChangeKind.Removed, placed.Question.Type, null, "Die Frage gibt es in der neuen Version nicht mehr."));
        }

        return new QuestionnaireDiff(changes);
    }

    /// <summary>A question with the groups it sits in (outermost first): their relevance decides who is asked too.</summary>
    private sealed record Placed(Question Question, ValueList<Group> Groups);

    private static Dictionary<string, Placed> Index(QuestionnaireDefinition definition)
    {
        // Insertion order is document order, which the result keeps.
        var index = new Dictionary<string, Placed>(StringComparer.Ordinal);
        foreach (var (element, ancestors) in definition.Walk())
        {
            if (element is Question question)
            {
                index.TryAdd(question.Name, new Placed(question, ancestors));
            }
        }

        return index;
    }

    private static QuestionChange Compare(QuestionnaireDefinition olderDefinition, Placed olderPlaced, QuestionnaireDefinition newerDefinition, Placed newerPlaced)
    {
        var (older, newer) = (olderPlaced.Question, newerPlaced.Question);
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
        var moved = ComparePlace(olderPlaced, newerPlaced, notes, blockers);
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

                if (rows.Relabelled.Count > 0)
                {
                    notes.Add("Beschriftungen von Zeilen geändert: " + string.Join(", ", rows.Relabelled) + ".");
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

        var changed = older != newer || choices.Any || rows.Any || moved;
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

    /// <summary>
    /// Who is asked follows from the question's own relevance and that of every page and group around it. A change of
    /// any of them changes the base population, so the answers are no longer comparable; a move to another group whose
    /// conditions are the same is only noted.
    /// </summary>
    /// <returns>Whether the place changed (another group, or a group's condition).</returns>
    private static bool ComparePlace(Placed older, Placed newer, List<string> notes, List<string> blockers)
    {
        var oldPath = string.Join(" / ", older.Groups.Select(g => g.Name));
        var newPath = string.Join(" / ", newer.Groups.Select(g => g.Name));
        if (oldPath != newPath)
        {
            notes.Add($"In eine andere Seite oder Gruppe verschoben: „{oldPath}“ → „{newPath}“.");
        }

        if (!SameCondition(older.Question.Relevant, newer.Question.Relevant))
        {
            blockers.Add("Bedingung, wann gefragt wird (relevant), geändert – die Grundgesamtheit ist eine andere.");
        }

        var oldConditions = older.Groups.Where(g => g.Relevant is not null).Select(g => Normalised(g.Relevant)).ToList();
        var newConditions = newer.Groups.Where(g => g.Relevant is not null).Select(g => Normalised(g.Relevant)).ToList();
        if (!oldConditions.SequenceEqual(newConditions, StringComparer.Ordinal))
        {
            var changed = newer.Groups.Where(g => g.Relevant is not null && !oldConditions.Contains(Normalised(g.Relevant), StringComparer.Ordinal)).Select(g => g.Name)
                .Concat(older.Groups.Where(g => g.Relevant is not null && !newConditions.Contains(Normalised(g.Relevant), StringComparer.Ordinal)).Select(g => g.Name))
                .Distinct(StringComparer.Ordinal)
                .ToList();
            blockers.Add("Bedingung einer übergeordneten Seite oder Gruppe geändert" + (changed.Count > 0 ? $" ({string.Join(", ", changed.Select(n => $"„{n}“"))})" : "")
                + " – die Grundgesamtheit ist eine andere.");
            return true;
        }

        return oldPath != newPath;
    }

    private static bool SameCondition(string? older, string? newer) => Normalised(older) == Normalised(newer);

    /// <summary>An expression without its spacing, so that reformatting a condition is not a change.</summary>
    private static string? Normalised(string? expression)
    {
        if (expression is null)
        {
            return null;
        }

        try
        {
            return string.Join("\u0001", ExpressionLexer.Tokenize(expression).Select(t => $"{(int)t.Kind}:{t.Text}"));
        }
        catch (ExpressionSyntaxException)
        {
            return expression.Trim();
        }
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
