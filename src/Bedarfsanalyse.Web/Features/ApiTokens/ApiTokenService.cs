using Bedarfsanalyse.Data;
using Bedarfsanalyse.Data.Accounts;
using Bedarfsanalyse.Web.Features.Audit;
using Bedarfsanalyse.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Bedarfsanalyse.Web.Features.ApiTokens;

/// <summary>A user's personal API tokens: list, create (shown once, stored hashed), revoke.</summary>
public sealed class ApiTokenService(BedarfsanalyseDb db, AuditLog audit, ApiTokenCache cache, TimeProvider clock)
{
    public static readonly int[] ValidityDays = [30, 90, 365];

    public async Task<IReadOnlyList<ApiTokenView>> ListAsync(Guid userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var tokens = await db.ApiTokens.Where(t => t.UserId == userId).OrderByDescending(t => t.CreatedAt).ToListAsync(cancellationToken);
        return tokens.Select(t => new ApiTokenView(t.Id, t.Name, t.Prefix, t.CreatedAt, t.ExpiresAt, t.LastUsedAt,
            t.RevokedAt is not null ? "widerrufen" : t.ExpiresAt <= now ? "abgelaufen" : "gültig")).ToList();
    }

    public async Task<Outcome<string>> CreateAsync(Guid userId, string? name, int validityDays, CancellationToken cancellationToken)
    {
        var errors = new InputErrors();
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 100)
        {
            errors.Add("name", "Bitte geben Sie dem Token einen Namen (höchstens 100 Zeichen), z. B. den des Skripts.");
        }

        if (!ValidityDays.Contains(validityDays))
        {
            errors.Add("validityDays", "Ein Token gilt 30, 90 oder 365 Tage.");
        }

        if (errors.Any)
        {
            return errors;
        }

        var token = ApiTokenAuthentication.NewToken();
        var now = clock.GetUtcNow();
        var stored = new ApiToken
        {
            Id = Guid.CreateVersion7(),
            UserId = userId,
            Name = name!.Trim(),
            Prefix = token[..10],
            Hash = ApiTokenAuthentication.HashOf(token),
            CreatedAt = now,
            ExpiresAt = now.AddDays(validityDays),
        };
        db.ApiTokens.Add(stored);
        audit.Add(AuditActions.TokenCreated, "api-token", stored.Id.ToString(), new { stored.Name, stored.Prefix, stored.ExpiresAt });
        await db.SaveChangesAsync(cancellationToken);
        return token;
    }

    /// <summary>Revokes one of the user's own tokens; false when the user has no such token.</summary>
    public async Task<bool> RevokeAsync(Guid userId, Guid tokenId, CancellationToken cancellationToken)
    {
        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == tokenId && t.UserId == userId, cancellationToken);
        if (token is null)
        {
            return false;
        }

        if (token.RevokedAt is null)
        {
            token.RevokedAt = clock.GetUtcNow();
            audit.Add(AuditActions.TokenRevoked, "api-token", token.Id.ToString(), new { token.Name, token.Prefix });
            await db.SaveChangesAsync(cancellationToken);
        }

        cache.Forget(token.Hash);
        return true;
    }
}

public sealed record ApiTokenView(Guid Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? LastUsedAt, string State);
