using Bedarfsanalyse.Core.Questionnaires.Answers;
using Bedarfsanalyse.Core.Questionnaires.Expressions;

namespace Bedarfsanalyse.Core.Questionnaires.Evaluation;

/// <summary>
/// One evaluation of a compiled questionnaire against a set of answers: load and normalise them, decide relevance
/// and calculations in dependency order, then check what depends on other answers. Validation and the interview
/// screens' state both run this, so they cannot disagree about what is shown.
/// </summary>
internal sealed class InterviewRun
{
    private readonly CompiledQuestionnaire _questionnaire;
    private readonly AnswerValue?[] _submitted;
    private readonly AnswerValue?[] _answers;
    private readonly List<AnswerError> _nameErrors = [];
    private readonly List<AnswerError> _valueErrors = [];
    private readonly List<AnswerError> _stateErrors = [];

    public InterviewRun(CompiledQuestionnaire questionnaire, DateOnly today)
    {
        _questionnaire = questionnaire;
        _submitted = new AnswerValue?[questionnaire.SlotCount];
        _answers = new AnswerValue?[questionnaire.SlotCount];
        Scope = new EvaluationScope(questionnaire.SlotCount, today);
        Relevant = new bool[questionnaire.Nodes.Count];
    }

    public EvaluationScope Scope { get; }

    /// <summary>Per node index: whether it is relevant (shown, its answer kept).</summary>
    public bool[] Relevant { get; }

    public AnswerValue? AnswerOf(CompiledNode node) => node.HasValue ? _answers[node.Slot] : null;

    public void Load(IReadOnlyDictionary<string, AnswerValue> answers, bool reportProblems)
    {
        var errors = reportProblems ? _valueErrors : [];
        var nameErrors = reportProblems ? _nameErrors : [];
        foreach (var (name, value) in answers)
        {
            var node = _questionnaire.Find(name);
            if (node is null || node.Kind == NodeKind.Group)
            {
                nameErrors.Add(new AnswerError(name, null, AnswerErrorCodes.UnknownQuestion, $"Eine Frage „{name}“ gibt es in diesem Fragebogen nicht."));
                continue;
            }

            if (node.Type == QuestionType.Note)
            {
                nameErrors.Add(new AnswerError(name, null, AnswerErrorCodes.NotAnswerable, "Ein Hinweis nimmt keine Antwort an."));
                continue;
            }

            // A calculated value is always computed afresh; a client echoing back what it was given is not an error.
            if (node.Type == QuestionType.Calculated || value is null)
            {
                continue;
            }

            // Errors of the value are kept for now: whether they count is known only once relevance is decided (an
            // answer to a question that is not asked is dropped silently, whatever its shape).
            _submitted[node.Slot] = AnswerNormaliser.Normalise(node, value, errors);
        }
    }

    public void Propagate()
    {
        var nodes = _questionnaire.Nodes;
        foreach (var index in _questionnaire.Order)
        {
            var node = nodes[index];
            var relevant = node.Parent is null || Relevant[node.Parent.Index];
            if (node.Owner is { } owner)
            {
                relevant = relevant && Relevant[owner.Index] && _answers[owner.Slot] is ChoiceAnswer chosen && chosen.Codes.Contains(OtherOption.Code);
            }
            else if (relevant && node.Relevant is { } condition)
            {
                relevant = condition.Evaluate(Scope).Boolean;
            }

            Relevant[index] = relevant;
            if (!node.HasValue)
            {
                continue;
            }

            var slot = node.Slot;
            if (!relevant)
            {
                _answers[slot] = null;
                Scope.Values[slot] = Value.Empty;
            }
            else if (node.Calculation is { } calculation)
            {
                var value = calculation.Evaluate(Scope);
                Scope.Values[slot] = value;
                _answers[slot] = CalculatedAnswer(value);
            }
            else
            {
                _answers[slot] = _submitted[slot];
                Scope.Values[slot] = AnswerNormaliser.RuntimeValue(node, _submitted[slot]);
            }
        }
    }

    private static AnswerValue? CalculatedAnswer(Value value) => value.Kind switch
    {
        DataKind.Number => new NumberAnswer(value.Number),
        DataKind.Text => new TextAnswer(value.Text),
        DataKind.Date => new DateAnswer(value.Date),
        DataKind.Boolean => new NumberAnswer(value.Boolean ? 1 : 0),
        _ => null,
    };

    /// <summary>Checks what depends on other answers; returns true when it dropped a value, so relevance must be decided again.</summary>
    public bool Check(ValidationMode mode)
    {
        _stateErrors.Clear();
        var dropped = false;
        foreach (var node in _questionnaire.Nodes)
        {
            if (!node.IsAnswerable || !Relevant[node.Index])
            {
                continue;
            }

            var slot = node.Slot;
            var answer = _answers[slot];
            if (answer is null)
            {
                // An answer dropped as invalid already has its error; "please answer" on top would only repeat it.
                if (mode == ValidationMode.Complete && IsRequired(node) && !_valueErrors.Exists(e => e.Question == node.Name))
                {
                    _stateErrors.Add(new AnswerError(node.Name, null, AnswerErrorCodes.Required, node.Kind == NodeKind.Specify
                        ? "Bitte geben Sie an, was Sie mit „Sonstiges“ meinen."
                        : "Bitte beantworten Sie diese Frage."));
                }

                continue;
            }

            var kept = CheckAgainstOtherAnswers(node, answer, mode);
            if (!ReferenceEquals(kept, answer))
            {
                _submitted[slot] = kept;
                dropped = true;
            }
        }

        return dropped;
    }

    public bool IsRequired(CompiledNode node) =>
        node.Kind == NodeKind.Specify || (node.Required?.Evaluate(Scope).Boolean ?? false);

    private AnswerValue? CheckAgainstOtherAnswers(CompiledNode node, AnswerValue answer, ValidationMode mode)
    {
        if (node.ChoiceFilter is not null || node.Type == QuestionType.Ranking || node.Type == QuestionType.Matrix)
        {
            var available = AvailableChoices(node).Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
            switch (answer)
            {
                case MatrixAnswer matrix:
                    return CheckMatrix(node, matrix, available, mode);
                case ChoiceAnswer choice when choice.Codes.FirstOrDefault(c => !available.Contains(c)) is { } missing:
                    _valueErrors.Add(new AnswerError(node.Name, null, AnswerErrorCodes.ChoiceNotAvailable,
                        $"Die Antwort „{LabelOf(node.List!, missing)}“ steht bei dieser Frage nach den bisherigen Antworten nicht zur Auswahl."));
                    return null;
                case ChoiceAnswer choice when node.Type == QuestionType.Ranking && mode == ValidationMode.Complete && choice.Codes.Count != available.Count:
                    _stateErrors.Add(new AnswerError(node.Name, null, AnswerErrorCodes.IncompleteRanking,
                        $"Bitte bringen Sie alle {available.Count} Antwortmöglichkeiten in eine Reihenfolge (bisher {choice.Codes.Count})."));
                    break;
            }
        }

        if (node.Constraint is { } constraint)
        {
            Scope.Current = Scope.Values[node.Slot];
            var satisfied = constraint.Evaluate(Scope).Boolean;
            Scope.Current = Value.Empty;
            if (!satisfied)
            {
                var message = node.Question!.ConstraintMessage?.Default ?? "Die Antwort ist so nicht zulässig; bitte prüfen Sie sie.";
                _valueErrors.Add(new AnswerError(node.Name, null, AnswerErrorCodes.Constraint, message));
                return null;
            }
        }

        return answer;
    }

    private AnswerValue? CheckMatrix(CompiledNode node, MatrixAnswer matrix, HashSet<string> available, ValidationMode mode)
    {
        var kept = new List<KeyValuePair<string, ValueList<string>>>();
        foreach (var (row, codes) in matrix.Rows)
        {
            if (available.Contains(row))
            {
                kept.Add(new(row, codes));
            }
            else
            {
                _valueErrors.Add(new AnswerError(node.Name, row, AnswerErrorCodes.RowNotAvailable,
                    $"Die Zeile „{LabelOf(node.List!, row)}“ wird nach den bisherigen Antworten nicht gefragt."));
            }
        }

        if (mode == ValidationMode.Complete && IsRequired(node))
        {
            foreach (var row in node.List!.Choices.Where(c => available.Contains(c.Code) && !matrix.Rows.ContainsKey(c.Code)))
            {
                _stateErrors.Add(new AnswerError(node.Name, row.Code, AnswerErrorCodes.Required, $"Bitte beantworten Sie auch die Zeile „{row.Label.Default}“."));
            }
        }

        if (kept.Count == matrix.Rows.Count)
        {
            return matrix;
        }

        return kept.Count == 0 ? null : new MatrixAnswer(new ValueMap<ValueList<string>>(kept));
    }

    private static string LabelOf(ChoiceList list, string code) => list.Find(code)?.Label.Default ?? code;

    /// <summary>The options (for a matrix: rows) the choice filter leaves, in list order; "Sonstiges" last where offered.</summary>
    public List<Choice> AvailableChoices(CompiledNode node)
    {
        var result = new List<Choice>();
        if (node.List is not { } list)
        {
            return result;
        }

        if (node.ChoiceFilter is { } filter)
        {
            foreach (var choice in list.Choices)
            {
                Scope.Choice = choice;
                if (filter.Evaluate(Scope).Boolean)
                {
                    result.Add(choice);
                }
            }

            Scope.Choice = null;
        }
        else
        {
            result.AddRange(list.Choices);
        }

        if (node.Other is { } other)
        {
            result.Add(new Choice(OtherOption.Code, other.Label));
        }

        return result;
    }

    public IReadOnlyDictionary<string, AnswerValue> NormalisedAnswers()
    {
        var answers = new Dictionary<string, AnswerValue>(StringComparer.Ordinal);
        foreach (var node in _questionnaire.Nodes)
        {
            if (node.HasValue && _answers[node.Slot] is { } answer)
            {
                answers[node.Name] = answer;
            }
        }

        return answers;
    }

    /// <summary>
    /// The errors in questionnaire order: names that are no question always, errors of values only where the question is
    /// relevant in the end (an irrelevant answer is dropped without an error, ADR 0006).
    /// </summary>
    public IReadOnlyList<AnswerError> SortedErrors()
    {
        int OrderOf(AnswerError error) => _questionnaire.Find(error.Question)?.Index ?? -1;
        var relevantValueErrors = _valueErrors.Where(e => _questionnaire.Find(e.Question) is { } node && Relevant[node.Index]);
        return [.. _nameErrors.Concat(relevantValueErrors).Concat(_stateErrors).Distinct().OrderBy(OrderOf).ThenBy(e => e.Item, StringComparer.Ordinal)];
    }
}
