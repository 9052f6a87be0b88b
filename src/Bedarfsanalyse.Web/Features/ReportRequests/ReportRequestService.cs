using Bedarfsanalyse.Core.Periods;
using Bedarfsanalyse.Data;
using Bedarfsanalyse.Data.Accounts;
using Bedarfsanalyse.Data.Reports;
using Bedarfsanalyse.Web.Features.Audit;
using Bedarfsanalyse.Web.Security;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Bedarfsanalyse.Web.Features.ReportRequests;

/// <summary>
/// Asks for a report or workbook and follows it. The same request (network, district, kind, period) made again while
/// one is queued or running returns that one; no second job starts. Steering members ask for their network's
/// district reports, analysts also for its workbook, admins for anything.
/// </summary>
public sealed class ReportRequestService(BedarfsanalyseDb db, IBackgroundJobClient jobs, UserScope scope, AuditLog audit, TimeProvider clock)
{
    /// <summary>A request older than this without a job (the process died between saving and enqueueing) is enqueued again.</summary>
    private static readonly TimeSpan Orphaned = TimeSpan.FromMinutes(1);

    public async Task<Outcome<RequestView>> RequestAsync(RequestForm form, CancellationToken cancellationToken)
    {
        var errors = new InputErrors();
        var network = await db.Networks.AsNoTracking().SingleOrDefaultAsync(n => n.Key == form.Network, cancellationToken);
        if (network is null || !scope.CanReadNetwork(network.Id))
        {
            if (network is not null)
            {
                await audit.AccessDeniedAsync($"Bericht für Verbund {form.Network} angefordert", cancellationToken);
            }

            return InputErrors.Of(nameof(form.Network), $"Den Verbund „{form.Network}“ gibt es nicht oder er gehört nicht zu Ihren Rechten.");
        }

        if (form.Kind is not ("pdf" or "xlsx"))
        {
            errors.Add(nameof(form.Kind), "Bitte wählen Sie „pdf“ (Quartalsbericht) oder „xlsx“ (Arbeitsmappe).");
        }
        else if (form.Kind == "xlsx" && !(scope.IsAdmin || scope.IsIn(Roles.Analyst)))
        {
            errors.Add(nameof(form.Kind), "Arbeitsmappen mit Einzeldaten können nur Analysierende anfordern.");
        }

        if (!Quarter.TryParse(form.Quarter, out var quarter))
        {
            errors.Add(nameof(form.Quarter), $"„{form.Quarter}“ ist kein Quartal; erwartet wird z. B. 2026-Q3.");
        }
        else if (quarter.FirstDay > DateOnly.FromDateTime(clock.GetLocalNow().DateTime))
        {
            errors.Add(nameof(form.Quarter), $"Das {quarter.ToGermanLongString()} hat noch nicht begonnen.");
        }

        string? district = null;
        if (form.Kind == "pdf")
        {
            district = form.District?.Trim();
            if (string.IsNullOrEmpty(district))
            {
                errors.Add(nameof(form.District), "Bitte wählen Sie den Kreis, für den der Bericht erstellt werden soll.");
            }
            else if (!await db.NetworkDistricts.AnyAsync(d => d.NetworkId == network.Id && d.DistrictKey == district, cancellationToken))
            {
                errors.Add(nameof(form.District), $"Der Kreis {district} gehört nicht zum Verbund {network.Name}.");
            }
        }

        if (errors.Any)
        {
            return errors;
        }

        return await EnqueueAsync(network.Id, district, form.Kind, quarter.FirstDay, quarter.NextFirstDay, scope.UserId, cancellationToken);
    }

    /// <summary>
    /// Saves the request and puts its job on the queue, or returns the open request that asks for the same. Two callers
    /// racing for the same report both end here: the database lets one insert win, the other finds the winner. Should
    /// the winner finish between the refusal and the look-up, the next insert simply starts a new request.
    /// </summary>
    public async Task<RequestView> EnqueueAsync(
        int networkId, string? district, string kind, DateOnly start, DateOnly end, Guid? requestedBy, CancellationToken cancellationToken)
    {
        const int Tries = 5;
        for (var attempt = 1; ; attempt++)
        {
            var request = new ReportRequest
            {
                Id = Guid.CreateVersion7(),
                NetworkId = networkId,
                DistrictKey = district,
                Kind = kind,
                PeriodStart = start,
                PeriodEnd = end,
                RequestedBy = requestedBy,
                RequestedAt = clock.GetUtcNow(),
            };
            db.ReportRequests.Add(request);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                await AttachJobAsync(request, cancellationToken);
                return await ViewAsync(request.Id, cancellationToken);
            }
            catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                db.ChangeTracker.Clear();
            }

            var open = await db.ReportRequests.AsNoTracking()
                .Where(r => r.NetworkId == networkId && r.DistrictKey == district && r.Kind == kind && r.PeriodStart == start && r.PeriodEnd == end
                    && (r.Status == ReportRequest.Queued || r.Status == ReportRequest.Running))
                .FirstOrDefaultAsync(cancellationToken);
            if (open is not null)
            {
                if (open.JobId is null && clock.GetUtcNow() - open.RequestedAt > Orphaned && await ClaimOrphanAsync(open.Id, cancellationToken))
                {
                    await AttachJobAsync(open, cancellationToken);
                }

                return await ViewAsync(open.Id, cancellationToken);
            }

            if (attempt == Tries)
            {
                throw new InvalidOperationException($"The open request for {kind} {district} {start} kept changing under {Tries} tries.");
            }
        }
    }

    /// <summary>Of several callers finding the same orphan, only the one whose update takes it enqueues its job.</summary>
    private async Task<bool> ClaimOrphanAsync(Guid id, CancellationToken cancellationToken) =>
        await db.ReportRequests.Where(r => r.Id == id && r.JobId == null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.JobId, "wird-eingereiht"), cancellationToken) == 1;

    private async Task AttachJobAsync(ReportRequest request, CancellationToken cancellationToken)
    {
        var id = request.Id;
        request.JobId = jobs.Enqueue<ReportJob>(job => job.RunAsync(id, null, CancellationToken.None));
        await db.ReportRequests.Where(r => r.Id == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.JobId, request.JobId), cancellationToken);
    }

    /// <summary>A request in the user's scope, or null (also for one outside it: existence must not leak).</summary>
    public async Task<RequestView?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        var request = await db.ReportRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (request is null || !scope.CanReadNetwork(request.NetworkId)
            || (request.Kind == "xlsx" && !(scope.IsAdmin || scope.IsIn(Roles.Analyst))))
        {
            await audit.AccessDeniedAsync($"Berichtsauftrag {id} unbekannt oder außerhalb der eigenen Rechte", cancellationToken);
            return null;
        }

        return await ViewAsync(id, cancellationToken);
    }

    /// <summary>The user's own requests, newest first.</summary>
    public async Task<IReadOnlyList<RequestView>> MineAsync(CancellationToken cancellationToken)
    {
        var userId = scope.UserId;
        var ids = await db.ReportRequests.AsNoTracking().Where(r => r.RequestedBy == userId)
            .OrderByDescending(r => r.RequestedAt).Take(20).Select(r => r.Id).ToListAsync(cancellationToken);
        var views = new List<RequestView>();
        foreach (var id in ids)
        {
            views.Add(await ViewAsync(id, cancellationToken));
        }

        return views;
    }

    private Task<RequestView> ViewAsync(Guid id, CancellationToken cancellationToken) =>
        db.ReportRequests.AsNoTracking().Where(r => r.Id == id)
            .Select(r => new RequestView(
                r.Id,
                db.Networks.Where(n => n.Id == r.NetworkId).Select(n => n.Key).First(),
                r.DistrictKey,
                db.Districts.Where(d => d.Key == r.DistrictKey).Select(d => d.Name).FirstOrDefault(),
                r.Kind, r.PeriodStart, r.PeriodEnd, r.Status, r.Progress, r.Error, r.ArtifactId, r.RequestedAt, r.FinishedAt))
            .SingleAsync(cancellationToken);
}

/// <summary>What a person asks for: a district report (pdf) or the network's workbook (xlsx) for a quarter like 2026-Q3.</summary>
public sealed class RequestForm
{
    public string Network { get; set; } = "";

    public string Kind { get; set; } = "pdf";

    public string? District { get; set; }

    public string Quarter { get; set; } = "";
}

/// <summary>A request as its page and the API show it.</summary>
public sealed record RequestView(
    Guid Id, string Network, string? District, string? DistrictName, string Kind, DateOnly PeriodStart, DateOnly PeriodEnd,
    string Status, int Progress, string? Error, Guid? ArtifactId, DateTimeOffset RequestedAt, DateTimeOffset? FinishedAt)
{
    /// <summary>The status in German, as the progress page shows it.</summary>
    public string StatusText => Status switch
    {
        ReportRequest.Queued => "In der Warteschlange",
        ReportRequest.Running => $"Wird erstellt ({Progress} %)",
        ReportRequest.Done => "Fertig",
        _ => "Fehlgeschlagen",
    };

    public string Title => (Kind == "pdf" ? "Quartalsbericht " + (DistrictName ?? District) : "Arbeitsmappe " + Network)
        + ", " + (Quarter.Of(PeriodStart) is var q && q.FirstDay == PeriodStart && q.NextFirstDay == PeriodEnd
            ? q.ToGermanLongString()
            : $"{Core.Formatting.GermanFigureFormat.Date(PeriodStart)} bis {Core.Formatting.GermanFigureFormat.Date(PeriodEnd.AddDays(-1))}");
}
