using System.Reflection;
using Bedarfsanalyse.Core.Questionnaires.Json;

namespace Bedarfsanalyse.Core.Questionnaires.Network;

/// <summary>
/// The network's own questionnaires, kept in this folder as the engine's JSON and compiled into the assembly: the
/// employer interview (sections A–F) and the employee interview with its modules for the four employee groups.
/// Both use the same topic list (choice list "themen"), so employer and employee needs can be compared.
/// </summary>
public static class NetworkQuestionnaires
{
    public const string EmployerKey = "arbeitgeber";
    public const string EmployeeKey = "beschaeftigte";

    /// <summary>The choice list both questionnaires share for training topics.</summary>
    public const string TopicList = "themen";

    private static readonly Lazy<QuestionnaireDefinition> EmployerDefinition = new(() => Load(EmployerKey));
    private static readonly Lazy<QuestionnaireDefinition> EmployeeDefinition = new(() => Load(EmployeeKey));

    /// <summary>Befragung der Arbeitgeber (respondent group establishment).</summary>
    public static QuestionnaireDefinition Employer => EmployerDefinition.Value;

    /// <summary>Befragung der Beschäftigtengruppen (older, younger, apprentices, immigration history).</summary>
    public static QuestionnaireDefinition Employee => EmployeeDefinition.Value;

    public static IReadOnlyList<QuestionnaireDefinition> All => [Employer, Employee];

    /// <summary>The stored JSON of a questionnaire, exactly as kept in the repository.</summary>
    public static string Json(string key)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Bedarfsanalyse.Questionnaires.{key}.json")
            ?? throw new ArgumentException($"Einen mitgelieferten Fragebogen „{key}“ gibt es nicht.", nameof(key));
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static QuestionnaireDefinition Load(string key) => QuestionnaireJson.Deserialize(Json(key));
}
