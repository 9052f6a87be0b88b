using Bedarfsanalyse.Data;
using Bedarfsanalyse.Data.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Bedarfsanalyse.Web.Features.Users;

/// <summary>Accounts as the admin sees them: roles, network, districts, and the admin's lock apart from a lockout after failed sign-ins.</summary>
public sealed class UserList(BedarfsanalyseDb db, TimeProvider clock)
{
    public async Task<IReadOnlyList<UserView>> ReadAsync(Guid? id = null, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var rows = await db.Users
            .Where(u => id == null || u.Id == id)
            .OrderBy(u => u.DisplayName)
            .Select(u => new
            {
                u.Id,
                u.Email,
                u.DisplayName,
                Network = db.Networks.Where(n => n.Id == u.NetworkId).Select(n => n.Key).FirstOrDefault(),
                Roles = db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
                Districts = u.Districts.Select(d => d.DistrictKey).ToList(),
                u.LockoutEnd,
                u.MustChangePassword,
            })
            .ToListAsync(cancellationToken);
        return rows
            .Select(r => new UserView(r.Id, r.Email!, r.DisplayName, r.Roles.Order().ToList(), r.Network, r.Districts.Order().ToList(),
                Locked: r.LockoutEnd >= AppUser.LockedByAdminFrom,
                LockedOutUntil: r.LockoutEnd is { } end && end > now && end < AppUser.LockedByAdminFrom ? end : null,
                r.MustChangePassword))
            .ToList();
    }
}

/// <param name="Locked">Locked by an admin, until an admin lifts it.</param>
/// <param name="LockedOutUntil">Locked out after failed sign-ins, until then (Identity lifts it by itself).</param>
public sealed record UserView(
    Guid Id, string Email, string DisplayName, IReadOnlyList<string> Roles, string? Network,
    IReadOnlyList<string> Districts, bool Locked, DateTimeOffset? LockedOutUntil, bool MustChangePassword);
