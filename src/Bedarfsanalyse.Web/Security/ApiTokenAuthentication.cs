using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Bedarfsanalyse.Data;
using Bedarfsanalyse.Data.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Bedarfsanalyse.Web.Security;

/// <summary>
/// Personal API tokens ("Authorization: Bearer ba_..."): looked up by their SHA-256 hash, refused when revoked,
/// expired or when the account is locked, and carrying the owner's roles and scope.
/// </summary>
internal sealed class ApiTokenAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiTokenCache cache,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";
    public const string TokenPrefix = "ba_";

    public static string HashOf(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>A new token: "ba_" and 43 characters of 256 random bits.</summary>
    public static string NewToken() =>
        TokenPrefix + Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var token = header["Bearer ".Length..].Trim();
        if (!token.StartsWith(TokenPrefix, StringComparison.Ordinal))
        {
            return AuthenticateResult.Fail(new CredentialsRefusedException(Refusal.TokenMalformed));
        }

        var hash = HashOf(token);
        if (cache.TryGet(hash, out var cached))
        {
            var identity = new ClaimsIdentity(cached.Claims, SchemeName, cached.NameType, cached.RoleType);
            return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
        }

        // Resolved only on a cache miss: a UserManager is costly to construct (token providers with their data
        // protectors, metrics), and on a cache hit nothing here needs it (ADR 0024).
        var services = Context.RequestServices;
        var db = services.GetRequiredService<BedarfsanalyseDb>();
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var principals = services.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>();
        var stored = await db.ApiTokens.SingleOrDefaultAsync(t => t.Hash == hash, Context.RequestAborted);
        var now = clock.GetUtcNow();
        if (stored is null)
        {
            // The beginning of the token (as the owner's token list shows it) helps to find the script that sends it.
            return AuthenticateResult.Fail(new CredentialsRefusedException(Refusal.TokenUnknown, details: new { prefix = token[..Math.Min(10, token.Length)] }));
        }

        var user = await users.FindByIdAsync(stored.UserId.ToString());
        var owner = new Features.Audit.AuditActor(stored.UserId, user?.Email);
        var about = new { token = stored.Id, stored.Name, stored.Prefix };
        if (stored.RevokedAt is not null || stored.ExpiresAt <= now)
        {
            var refusal = stored.RevokedAt is not null ? Refusal.TokenRevoked : Refusal.TokenExpired;
            return AuthenticateResult.Fail(new CredentialsRefusedException(refusal, owner, stored.Id.ToString(), about));
        }

        if (user is null || await users.IsLockedOutAsync(user))
        {
            return AuthenticateResult.Fail(new CredentialsRefusedException(Refusal.AccountLocked, owner, stored.Id.ToString(), about));
        }

        // Recording every use would turn each read into a write; once a minute is enough to see that a token is alive.
        if (stored.LastUsedAt is null || now - stored.LastUsedAt > TimeSpan.FromMinutes(1))
        {
            await db.ApiTokens.Where(t => t.Id == stored.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), Context.RequestAborted);
        }

        var principal = await principals.CreateAsync(user);
        var created = (ClaimsIdentity)principal.Identity!;
        created.AddClaim(new Claim("bedarfsanalyse:token", stored.Id.ToString()));
        if (principal.IsInRole(Roles.Interviewer))
        {
            var districts = await db.UserDistricts.Where(d => d.UserId == user.Id).Select(d => d.DistrictKey).ToListAsync(Context.RequestAborted);
            created.AddClaims(districts.Select(d => new Claim(AppClaims.District, d)));
        }

        cache.Add(hash, new ApiTokenCache.Entry(stored.Id, user.Id, stored.ExpiresAt, now, [.. created.Claims], created.RoleClaimType, created.NameClaimType));
        var ticketIdentity = new ClaimsIdentity(created.Claims, SchemeName, created.NameClaimType, created.RoleClaimType);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(ticketIdentity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        await Results.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: "Nicht angemeldet",
                detail: "Senden Sie ein gültiges persönliches API-Token im Kopf „Authorization: Bearer …“.")
            .ExecuteAsync(Context);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        await Results.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "Keine Berechtigung",
                detail: "Ihre Rolle erlaubt diese Aktion nicht.")
            .ExecuteAsync(Context);

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
