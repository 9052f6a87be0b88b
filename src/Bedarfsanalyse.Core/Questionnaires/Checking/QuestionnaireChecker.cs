using Bedarfsanalyse.Core.Questionnaires.Evaluation;

namespace Bedarfsanalyse.Core.Questionnaires.Checking;

/// <summary>
/// The static checks a version must pass before it is published: names, choice lists, texts and translations, every
/// expression (syntax, references, types, codes), cycles among relevance and calculations. A definition with a
/// problem of severity <see cref="ProblemSeverity.Error"/> cannot be published.
/// </summary>
public static class QuestionnaireChecker
{
    public static IReadOnlyList<DefinitionProblem> Check(QuestionnaireDefinition definition) =>
        QuestionnaireCompiler.Run(definition).Problems;

    public static bool CanBePublished(IEnumerable<DefinitionProblem> problems) =>
        problems.All(p => p.Severity != ProblemSeverity.Error);
}
