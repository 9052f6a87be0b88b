using Bedarfsanalyse.Data;
using Bedarfsanalyse.Data.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Bedarfsanalyse.Web.Security;

/// <summary>
/// Compares a sign-in cookie's security stamp with the account's on every request, instead of Identity's check every
/// few minutes: a change of roles, network, districts or lock, a password reset or a change of password elsewhere
/// ends the session at its next request, on every web instance alike. One indexed read per request (ADR 0015).
/// </summary>
internal static class SessionStampCheck
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var stampType = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var stamp = context.Principal?.FindFirst(stampType)?.Value;
        var userId = context.Principal?.UserId();
        var current = userId is null
            ? null
            : await services.GetRequiredService<BedarfsanalyseDb>().Users.AsNoTracking()
                .Where(u => u.Id == userId)
                .Select(u => new { u.SecurityStamp, u.LockoutEnd })
                .SingleOrDefaultAsync(context.HttpContext.RequestAborted);
        if (current is null || stamp is null || current.SecurityStamp != stamp || current.LockoutEnd >= AppUser.LockedByAdminFrom)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }
}
