namespace Bedarfsanalyse.Data.Accounts;

/// <summary>A personal API token. Only its SHA-256 hash is stored; the token itself is shown once, when created.</summary>
public sealed class ApiToken
{
    public Guid Id { get; init; }

    public Guid UserId { get; init; }

    public required string Name { get; init; }

    /// <summary>The first characters of the token, so that the owner can tell tokens apart.</summary>
    public required string Prefix { get; init; }

    /// <summary>SHA-256 of the whole token, lower-case hex.</summary>
    public required string Hash { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }

    public DateTimeOffset? RevokedAt { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }
}
