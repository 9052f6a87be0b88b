using System.Globalization;
using System.Security.Claims;
using Bedarfsanalyse.Data.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Bedarfsanalyse.Web.Security;

/// <summary>Claims beyond Identity's own: the user's network, display name and whether a new password is due.</summary>
public static class AppClaims
{
    public const string NetworkId = "bedarfsanalyse:network";
    public const string DisplayName = "bedarfsanalyse:name";
    public const string MustChangePassword = "bedarfsanalyse:must-change-password";

    /// <summary>An interviewer's district, carried by API token identities (cookie identities look them up per request).</summary>
    public const string District = "bedarfsanalyse:district";

    public static Guid? UserId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public static string? UserIdText(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    public static int? NetworkIdOf(this ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(NetworkId), CultureInfo.InvariantCulture, out var id) ? id : null;
}

/// <summary>Adds <see cref="AppClaims"/> to the principal Identity builds at sign-in and for API tokens.</summary>
internal sealed class AppClaimsPrincipalFactory(
    UserManager<AppUser> userManager,
    RoleManager<IdentityRole<Guid>> roleManager,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole<Guid>>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(AppClaims.DisplayName, user.DisplayName));
        if (user.NetworkId is { } networkId)
        {
            identity.AddClaim(new Claim(AppClaims.NetworkId, networkId.ToString(CultureInfo.InvariantCulture)));
        }

        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(AppClaims.MustChangePassword, "true"));
        }

        return identity;
    }
}
