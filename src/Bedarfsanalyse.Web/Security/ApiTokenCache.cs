using System.Collections.Concurrent;
using System.Security.Claims;

namespace Bedarfsanalyse.Web.Security;

/// <summary>
/// The identities of recently used API tokens, kept for <see cref="Lifetime"/> so that a script's burst of requests
/// does not repeat the token, user, role and district look-ups on every request. Revoking a token in this process
/// forgets it at once; a revocation, lock or role change made by another process takes effect within the lifetime.
/// </summary>
public sealed class ApiTokenCache(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    internal bool TryGet(string hash, out Entry entry)
    {
        if (_entries.TryGetValue(hash, out entry!) && entry.CachedAt + Lifetime > clock.GetUtcNow() && entry.ExpiresAt > clock.GetUtcNow())
        {
            return true;
        }

        _entries.TryRemove(hash, out _);
        return false;
    }

    internal void Add(string hash, Entry entry)
    {
        // Bounded: a flood of distinct tokens cannot grow it without limit.
        if (_entries.Count > 10_000)
        {
            _entries.Clear();
        }

        _entries[hash] = entry;
    }

    /// <summary>Forgets a token at once (revoked).</summary>
    public void Forget(string hash) => _entries.TryRemove(hash, out _);

    /// <summary>Forgets every token of a user (locked, roles or districts changed).</summary>
    public void ForgetUser(Guid userId)
    {
        foreach (var (hash, entry) in _entries)
        {
            if (entry.UserId == userId)
            {
                _entries.TryRemove(hash, out _);
            }
        }
    }

    internal sealed record Entry(Guid TokenId, Guid UserId, DateTimeOffset ExpiresAt, DateTimeOffset CachedAt, IReadOnlyList<Claim> Claims, string? RoleType, string? NameType);
}
