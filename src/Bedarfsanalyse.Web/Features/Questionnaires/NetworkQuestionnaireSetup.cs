using Bedarfsanalyse.Core.Questionnaires.Json;
using Bedarfsanalyse.Core.Questionnaires.Network;

namespace Bedarfsanalyse.Web.Features.Questionnaires;

/// <summary>
/// Publishes the network's own employer and employee questionnaires (kept in the repository) unless the newest
/// published version already is exactly that content; a changed file becomes the next version (ADR 0009). An open
/// draft of the same questionnaire is someone's work in progress: it is never replaced, and the shipped content waits
/// until that draft is published.
/// </summary>
public sealed class NetworkQuestionnaireSetup(QuestionnaireCatalog catalog)
{
    public async Task<NetworkSetupResult> EnsurePublishedAsync(CancellationToken cancellationToken)
    {
        var published = new List<SavedVersion>();
        var waiting = new List<string>();
        foreach (var definition in NetworkQuestionnaires.All)
        {
            var latest = await catalog.LatestPublishedAsync(definition.Key, cancellationToken);
            if (latest is not null && QuestionnaireJson.Deserialize(latest.Definition) == definition)
            {
                continue;
            }

            var outcome = await catalog.StoreAsync(definition, publish: true, replaceDraft: false, cancellationToken);
            if (outcome.Draft is { } draft)
            {
                waiting.Add($"„{draft.Key}“ wurde nicht veröffentlicht: Es gibt einen unveröffentlichten Entwurf (Version {draft.Number}), und der wird nicht ersetzt. " +
                    "Die mitgelieferte Fassung wird erst übernommen, wenn kein Entwurf mehr offen ist.");
                continue;
            }

            published.Add(outcome.Saved ?? throw new InvalidOperationException(
                $"Der mitgelieferte Fragebogen „{definition.Key}“ besteht die Prüfung nicht: {string.Join("; ", outcome.Errors!.ByField.SelectMany(e => e.Value))}"));
        }

        return new NetworkSetupResult(published, waiting);
    }
}

/// <summary>What the setup published, and for which questionnaires an open draft kept it from doing so (German reasons).</summary>
public sealed record NetworkSetupResult(IReadOnlyList<SavedVersion> Published, IReadOnlyList<string> Waiting);
