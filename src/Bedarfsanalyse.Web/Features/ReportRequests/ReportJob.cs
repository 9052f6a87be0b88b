using Bedarfsanalyse.Data;
using Bedarfsanalyse.Data.Reports;
using Bedarfsanalyse.Reports.Templates;
using Bedarfsanalyse.Web.Features.Archive;
using Hangfire;
using Hangfire.Server;
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

    private const int MaxErrorLength = 2000;

    public static readonly int[] RetryDelays = [15, 60];

    /// <summary>Runs the request outside Hangfire (tests, tools): a failure counts as the last attempt.</summary>
    [AutomaticRetry(Attempts = MaxAttempts - 1, DelaysInSeconds = [15, 60], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    [JobDisplayName("Bericht {0}")]
    public Task RunAsync(Guid requestId, CancellationToken cancellationToken) => RunAsync(requestId, null, cancellationToken);

    /// <summary>
    /// The queued job. Hangfire passes its <paramref name="context"/>: its retry count, not the request's attempt
    /// counter, decides whether a failure is the last one, because a run on a worker that was killed or shut down
    /// never reached Hangfire's retry filter.
    /// </summary>
    [AutomaticRetry(Attempts = MaxAttempts - 1, DelaysInSeconds = [15, 60], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    [JobDisplayName("Bericht {0}")]
    public async Task RunAsync(Guid requestId, PerformContext? context, CancellationToken cancellationToken)
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
        request.Error = null;
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
            // Shutdown: Hangfire hands the job back to the queue; the request waits for the next worker. The run was
            // interrupted, not tried and failed, so it does not count as an attempt.
            await HandBackAsync(requestId);
            throw;
        }
        catch (ReportInputException e)
        {
            // The request itself cannot be fulfilled (a period that is no quarter, a district without data source):
            // another attempt would fail the same way, so the person learns why at once and Hangfire does not retry.
            logger.LogWarning("Report request {RequestId} cannot be fulfilled: {Reason}", requestId, e.Message);
            await SetStatusAsync(requestId, ReportRequest.Failed, e.Message + " Der Auftrag wird nicht wiederholt.", CancellationToken.None);
        }
        catch (TemplateValidationException e)
        {
            // The template (or a network's wording) cannot be filled in: another attempt fails the same way, and the
            // message names the file to correct.
            logger.LogWarning("Report request {RequestId} stopped by the template: {Reason}", requestId, e.Message);
            await SetStatusAsync(requestId, ReportRequest.Failed, e.Message + " Der Auftrag wird nicht wiederholt.", CancellationToken.None);
        }
        catch (Exception e)
        {
            // Hangfire's retry count is the number of failures before this one; without Hangfire there is no retry.
            var failure = context is null ? MaxAttempts : context.GetJobParameter<int>("RetryCount") + 1;
            var final = failure >= MaxAttempts;
            logger.LogError(e, "Report request {RequestId} failed (failure {Failure} of {MaxAttempts}, run {Attempt})", requestId, failure, MaxAttempts, request.Attempts);
            await SetStatusAsync(requestId, final ? ReportRequest.Failed : ReportRequest.Queued, Reason(e, failure, final), CancellationToken.None);
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

    private async Task HandBackAsync(Guid requestId)
    {
        db.ChangeTracker.Clear();
        await db.ReportRequests.Where(r => r.Id == requestId && r.Status == ReportRequest.Running).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Status, ReportRequest.Queued)
            .SetProperty(r => r.Attempts, r => r.Attempts > 0 ? r.Attempts - 1 : 0));
    }

    private async Task SetStatusAsync(Guid requestId, string status, string? error, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();

        // The column holds 2.000 characters; a template with many errors must still fail visibly.
        if (error is { Length: > MaxErrorLength })
        {
            error = error[..(MaxErrorLength - 1)] + "…";
        }

        await db.ReportRequests.Where(r => r.Id == requestId && r.Status != ReportRequest.Done).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Status, status)
            .SetProperty(r => r.Error, error)
            .SetProperty(r => r.FinishedAt, status == ReportRequest.Failed ? clock.GetUtcNow() : null), cancellationToken);
    }

    /// <summary>What the person who asked reads: in German, without internals.</summary>
    private static string Reason(Exception e, int failure, bool final)
    {
        var what = e switch
        {
            // Connection lost, server shutting down or not accepting connections (SQLSTATE classes 08 and 57).
            Npgsql.PostgresException pg when !(pg.SqlState.StartsWith("08", StringComparison.Ordinal) || pg.SqlState.StartsWith("57", StringComparison.Ordinal))
                => "Beim Erstellen ist ein interner Fehler aufgetreten.",
            Npgsql.NpgsqlException or TimeoutException => "Die Datenbank war nicht erreichbar.",
            _ => "Beim Erstellen ist ein interner Fehler aufgetreten.",
        };
        return final
            ? $"{what} Nach {failure} {(failure == 1 ? "Versuch" : "Versuchen")} abgebrochen; bitte wenden Sie sich an die Administration."
            : $"{what} Versuch {failure} von {MaxAttempts} ist fehlgeschlagen; der Auftrag wird in {RetryDelays[failure - 1]} Sekunden wiederholt.";
    }
}

/// <summary>A request that cannot be fulfilled as asked (no such district, no data source): its message is German and shown to the user.</summary>
public sealed class ReportInputException(string message) : Exception(message);
