using Bedarfsanalyse.Core.Questionnaires.Network;
using Bedarfsanalyse.Core.Questionnaires.Json;

namespace Bedarfsanalyse.Web.Features.Questionnaires;

/// <summary>
/// Publishes the network's own employer and employee questionnaires (kept in the repository) unless the newest
/// published version already is exactly that content; a changed file becomes a new version.
/// </summary>
public sealed class NetworkQuestionnaireSetup(QuestionnaireCatalog catalog)
{
    public async Task<IReadOnlyList<SavedVersion>> EnsurePublishedAsync(CancellationToken cancellationToken)
    {
        var published = new List<SavedVersion>();
        foreach (var definition in NetworkQuestionnaires.All)
        {
            var latest = await catalog.LatestPublishedAsync(definition.Key, cancellationToken);
            if (latest is not null && QuestionnaireJson.Deserialize(latest.Definition) == definition)
            {
                continue;
            }

            var saved = await catalog.SaveDraftAsync(definition, cancellationToken);
            var outcome = await catalog.PublishAsync(saved.Key, saved.Number, cancellationToken);
            published.Add(outcome.Value ?? throw new InvalidOperationException(
                $"Der mitgelieferte Fragebogen „{definition.Key}“ besteht die Prüfung nicht: {string.Join("; ", outcome.Errors!.ByField.SelectMany(e => e.Value))}"));
        }

        return published;
    }
}
