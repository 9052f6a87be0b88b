using System.Collections.Concurrent;
using Bedarfsanalyse.Core.Questionnaires;
using Bedarfsanalyse.Core.Questionnaires.Evaluation;
using Bedarfsanalyse.Core.Questionnaires.Json;
using Bedarfsanalyse.Data;
using Bedarfsanalyse.Data.Questionnaires;
using Microsoft.EntityFrameworkCore;

namespace Bedarfsanalyse.Web.Features.Questionnaires;

/// <summary>
/// Published versions compiled once per process (expressions parsed and compiled a single time), since a published
/// version never changes. Drafts are compiled on each call.
/// </summary>
public sealed class CompiledQuestionnaires(IServiceScopeFactory scopes)
{
    private readonly ConcurrentDictionary<int, Lazy<Task<CompiledQuestionnaire?>>> _published = new();

    public async Task<CompiledQuestionnaire?> GetAsync(int versionId, CancellationToken cancellationToken = default)
    {
        if (_published.TryGetValue(versionId, out var cached))
        {
            return await cached.Value;
        }

        var (definition, status) = await LoadAsync(versionId, cancellationToken);
        if (definition is null)
        {
            return null;
        }

        if (status != QuestionnaireVersion.Published)
        {
            return CompiledQuestionnaire.Compile(definition);
        }

        var entry = _published.GetOrAdd(versionId, _ => new Lazy<Task<CompiledQuestionnaire?>>(() => Task.FromResult<CompiledQuestionnaire?>(CompiledQuestionnaire.Compile(definition))));
        return await entry.Value;
    }

    private async Task<(QuestionnaireDefinition? Definition, string? Status)> LoadAsync(int versionId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BedarfsanalyseDb>();
        var row = await db.QuestionnaireVersions.AsNoTracking()
            .Where(v => v.Id == versionId).Select(v => new { v.Definition, v.Status }).SingleOrDefaultAsync(cancellationToken);
        return row is null ? (null, null) : (QuestionnaireJson.Deserialize(row.Definition), row.Status);
    }
}
