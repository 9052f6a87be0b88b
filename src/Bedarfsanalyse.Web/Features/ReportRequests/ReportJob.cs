using Bedarfsanalyse.Data;
using Bedarfsanalyse.Data.Reports;
using Bedarfsanalyse.Web.Features.Archive;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace Bedarfsanalyse.Web.Features.ReportRequests;

/// <summary>
/// The Hangfire job behind one report request. It may run more than once (a retry, a worker that died and whose
/// job another worker picked up); the archive stores one artifact per request however often it runs.
/// </summary>
public sealed class ReportJob(
    BedarfsanalyseDb db, ArtifactArchive archive, IEnumerable<IArtifactGenerator> generators, ILogger<ReportJob> logger, TimeProvider clock)
{
    /// <summary>Runs before a request counts as failed; Hangfire waits between them (see <see cref="RetryDelays"/>).</summary>
    public const int MaxAttempts = 3;

    public static readonly int[] RetryDelays = [15, 60];

    [AutomaticRetry(Attempts = MaxAttempts - 1, DelaysInSeconds = [15, 60], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    [JobDisplayName("Bericht {0}")]
    public async Task RunAsync(Guid requestId, CancellationToken cancellationToken)
    {
        var request = await db.ReportRequests.SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        if (request is null || request.Status is ReportRequest.Done or ReportRequest.Failed)
        {
            return;
        }

        // A run before this one may have stored the artifact and died before it could say so.
        if (await db.ReportArtifacts.Where(a => a.RequestId == requestId).Select(a => (Guid?)a.Id).SingleOrDefaultAsync(cancellationToken) is { } stored)
        {
            await FinishAsync(request, stored, cancellationToken);
            return;
        }

        request.Status = ReportRequest.Running;
        request.Attempts++;
        request.Progress = 0;
        request.StartedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);

        try
        {
            var generator = generators.SingleOrDefault(g => g.Kind == request.Kind)
                ?? throw new InvalidOperationException($"No generator for {request.Kind}.");
            var progress = new RequestProgress(db.Database.GetConnectionString()!, requestId);
            var artifact = await generator.GenerateAsync(request, progress, cancellationToken);
            var artifactId = await archive.StoreAsync(new ArtifactToStore(
                request.NetworkId, request.DistrictKey, request.Kind, request.PeriodStart, request.PeriodEnd, artifact.TemplateVersion,
                artifact.QuestionnaireVersionIds, artifact.ModelSnapshot, artifact.FileName, request.Id), artifact.Content, cancellationToken);
            await progress.FlushAsync();
            await FinishAsync(request, artifactId, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutdown: Hangfire hands the job back to the queue; the request waits for the next worker.
            await SetStatusAsync(requestId, ReportRequest.Queued, null, CancellationToken.None);
            throw;
        }
        catch (Exception e)
        {
            var final = request.Attempts >= MaxAttempts;
            logger.LogError(e, "Report request {RequestId} failed on attempt {Attempt}", requestId, request.Attempts);
            await SetStatusAsync(requestId, final ? ReportRequest.Failed : ReportRequest.Queued, Reason(e, request.Attempts, final), CancellationToken.None);
            throw;
        }
    }

    private async Task FinishAsync(ReportRequest request, Guid artifactId, CancellationToken cancellationToken)
    {
        request.Status = ReportRequest.Done;
        request.Progress = 100;
        request.ArtifactId = artifactId;
        request.Error = null;
        request.FinishedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task SetStatusAsync(Guid requestId, string status, string? error, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await db.ReportRequests.Where(r => r.Id == requestId && r.Status != ReportRequest.Done).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Status, status)
            .SetProperty(r => r.Error, error)
            .SetProperty(r => r.FinishedAt, status == ReportRequest.Failed ? clock.GetUtcNow() : null), cancellationToken);
    }

    /// <summary>What the person who asked reads: in German, without internals.</summary>
    private static string Reason(Exception e, int attempt, bool final)
    {
        var what = e switch
        {
            ReportInputException input => input.Message,
            Npgsql.NpgsqlException or TimeoutException => "Die Datenbank war nicht erreichbar.",
            _ => "Beim Erstellen ist ein interner Fehler aufgetreten.",
        };
        return final
            ? $"{what} Nach {attempt} Versuchen abgebrochen; bitte wenden Sie sich an die Administration."
            : $"{what} Versuch {attempt} von {MaxAttempts} ist fehlgeschlagen; der Auftrag wird automatisch wiederholt.";
    }
}

/// <summary>A request that cannot be fulfilled as asked (no such district, no data source): its message is German and shown to the user.</summary>
public sealed class ReportInputException(string message) : Exception(message);
