using Bedarfsanalyse.Core.Questionnaires.Answers;
using Bedarfsanalyse.Core.Questionnaires.Checking;

namespace Bedarfsanalyse.Core.Questionnaires.Evaluation;

/// <summary>
/// A checked definition with every expression parsed, type-checked and turned into delegates. Build it once per
/// published version and share it: it is immutable and safe to use from several threads.
/// </summary>
public sealed class CompiledQuestionnaire
{
    private readonly Dictionary<string, CompiledNode> _byName;

    internal CompiledQuestionnaire(QuestionnaireDefinition definition, List<CompiledNode> nodes, int[] order, int slotCount,
        IReadOnlyList<DefinitionProblem> warnings)
    {
        Definition = definition;
        Nodes = nodes;
        Order = order;
        SlotCount = slotCount;
        Warnings = warnings;
        _byName = nodes.ToDictionary(n => n.Name, StringComparer.Ordinal);
        Pages = [.. nodes.Where(n => n.Kind == NodeKind.Group && n.Parent is null)];
    }

    public QuestionnaireDefinition Definition { get; }

    /// <summary>Findings that do not prevent use (missing translations, unused lists).</summary>
    public IReadOnlyList<DefinitionProblem> Warnings { get; }

    internal List<CompiledNode> Nodes { get; }

    /// <summary>Node indexes so that every node comes after the nodes its relevance and calculation read.</summary>
    internal int[] Order { get; }

    internal int SlotCount { get; }

    internal IReadOnlyList<CompiledNode> Pages { get; }

    /// <summary>Checks and compiles; throws <see cref="QuestionnaireInvalidException"/> listing every error when there is one.</summary>
    public static CompiledQuestionnaire Compile(QuestionnaireDefinition definition)
    {
        var (compiled, problems) = QuestionnaireCompiler.Run(definition);
        return compiled ?? throw new QuestionnaireInvalidException(problems);
    }

    /// <summary>
    /// Validates submitted answers as of <paramref name="today"/> (what <c>today()</c> means, normally the interview
    /// date). Returns the normalised answers (irrelevant and invalid ones dropped, calculations added) and the errors.
    /// </summary>
    public ValidationResult Validate(IReadOnlyDictionary<string, AnswerValue> answers, ValidationMode mode, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var run = new InterviewRun(this, today);
        run.Load(answers, reportProblems: true);
        // A value dropped for failing its constraint or choice filter can change what else is relevant: run again
        // until nothing more is dropped (each round drops at least one value, so this ends).
        for (var round = 0; round <= SlotCount; round++)
        {
            run.Propagate();
            if (!run.Check(mode))
            {
                break;
            }
        }

        return new ValidationResult(run.NormalisedAnswers(), run.SortedErrors());
    }

    /// <summary>
    /// What the interview screens show for the current answers: which pages, groups and questions are relevant,
    /// which options the choice filters leave and how far the interview has got. Invalid answers count as missing.
    /// </summary>
    public InterviewState Evaluate(IReadOnlyDictionary<string, AnswerValue> answers, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var run = new InterviewRun(this, today);
        run.Load(answers, reportProblems: false);
        run.Propagate();
        return InterviewState.From(this, run);
    }

    internal CompiledNode? Find(string name) => _byName.GetValueOrDefault(name);
}
