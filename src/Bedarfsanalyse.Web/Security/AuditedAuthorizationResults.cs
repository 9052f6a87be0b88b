using Bedarfsanalyse.Web.Features.Audit;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Bedarfsanalyse.Web.Security;

/// <summary>
/// Every refused request is written to the audit trail before the usual answer: a missing role (403), and
/// credentials that were presented but do not hold (401 or the sign-in page), such as a revoked token or a
/// tampered cookie. A request that simply carries no credentials is not a refusal worth recording.
/// </summary>
internal sealed class AuditedAuthorizationResults : IAuthorizationMiddlewareResultHandler
{
    /// <summary>What the cookie handler reports for a cookie it cannot decrypt or whose signature does not match.</summary>
    private const string UnreadableCookie = "Unprotect ticket failed";

    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden)
        {
            var audit = context.RequestServices.GetRequiredService<AuditLog>();
            await audit.AccessDeniedAsync("Rolle fehlt", context.RequestAborted);
        }
        else if (authorizeResult.Challenged)
        {
            // Cached by the handlers: this repeats no work.
            var result = await context.AuthenticateAsync();
            var refused = result.Failure switch
            {
                CredentialsRefusedException known => known,
                { Message: UnreadableCookie } => new CredentialsRefusedException(Refusal.CookieInvalid),
                _ => null,
            };
            if (refused is not null)
            {
                var refusals = context.RequestServices.GetRequiredService<RefusalLog>();
                await refusals.RecordAsync(refused.Refusal, refused.Owner, refused.RepeatKey, refused.Details, context.RequestAborted);
            }
        }

        await _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
