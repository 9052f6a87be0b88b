using Bedarfsanalyse.Data;
using Microsoft.EntityFrameworkCore;

namespace Bedarfsanalyse.Web.Features.Users;

/// <summary>Accounts as the admin sees them: roles, network, districts, lock state.</summary>
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
                Locked = u.LockoutEnd != null && u.LockoutEnd > now,
                u.MustChangePassword,
            })
            .ToListAsync(cancellationToken);
        return rows
            .Select(r => new UserView(r.Id, r.Email!, r.DisplayName, r.Roles.Order().ToList(), r.Network, r.Districts.Order().ToList(), r.Locked, r.MustChangePassword))
            .ToList();
    }
}

public sealed record UserView(
    Guid Id, string Email, string DisplayName, IReadOnlyList<string> Roles, string? Network,
    IReadOnlyList<string> Districts, bool Locked, bool MustChangePassword);
