using Bedarfsanalyse.Web.Features.Audit;

namespace Bedarfsanalyse.Web.Security;

/// <summary>
/// Records requests refused for credentials that do not hold (a revoked, expired or unknown API token, a tampered
/// sign-in cookie, a form post without its antiforgery token): a warning in the log and an entry in the audit
/// trail, both thinned out by <see cref="RefusalThrottle"/> so that a flood of garbage cannot flood them.
/// </summary>
public sealed class RefusalLog(AuditLog audit, RefusalThrottle throttle, IHttpContextAccessor http, ILogger<RefusalLog> logger)
{
    public async Task RecordAsync(Refusal refusal, AuditActor? owner = null, string? repeatKey = null, object? details = null, CancellationToken cancellationToken = default)
    {
        var context = http.HttpContext;
        var address = context?.Connection.RemoteIpAddress?.ToString() ?? "unbekannt";
        var request = context is null ? null : $"{context.Request.Method} {context.Request.Path}";
        var admission = throttle.Admit($"{refusal.Code}|{repeatKey ?? address}");
        if (admission.Dropped > 0)
        {
            logger.LogWarning("{Dropped} weitere abgewiesene Anfragen im letzten Zeitfenster ({Window}) nicht einzeln protokolliert", admission.Dropped, throttle.Window);
            await audit.RecordAsync(AuditActions.RequestRefused, "request", null,
                new { reason = "many", text = "Viele abgewiesene Anfragen, nur gezählt", count = admission.Dropped, windowSeconds = (int)throttle.Window.TotalSeconds },
                actor: new AuditActor(null, null), cancellationToken: cancellationToken);
        }

        if (!admission.Record)
        {
            return;
        }

        logger.LogWarning(
            "Anfrage abgewiesen: {Reason} – {Request} von {RemoteAddress}, Konto {Owner}; {Repeats} Wiederholungen zuvor nicht einzeln protokolliert",
            refusal.Code, request, address, owner?.Name ?? context?.User.Identity?.Name ?? "–", admission.Repeats);
        var recorded = new Dictionary<string, object> { ["reason"] = refusal.Code, ["text"] = refusal.Text };
        if (admission.Repeats > 0)
        {
            recorded["repeatsBefore"] = admission.Repeats;
        }

        if (details is not null)
        {
            recorded["about"] = details;
        }

        await audit.RecordAsync(AuditActions.RequestRefused, "request", request, recorded, owner, cancellationToken);
    }
}
