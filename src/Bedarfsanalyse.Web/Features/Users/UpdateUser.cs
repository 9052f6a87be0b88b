using Bedarfsanalyse.Data;
using Bedarfsanalyse.Data.Accounts;
using Bedarfsanalyse.Web.Features.Audit;
using Bedarfsanalyse.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Bedarfsanalyse.Web.Features.Users;

/// <summary>Changes an account's name, roles, network, districts and lock; records old and new values.</summary>
public sealed class UpdateUser(BedarfsanalyseDb db, UserManager<AppUser> users, AuditLog audit, ApiTokenCache tokens, TimeProvider clock)
{
    public async Task<Outcome<bool>> ExecuteAsync(Guid id, UserInput input, bool locked, Guid? actingUserId, CancellationToken cancellationToken = default)
    {
        var user = await db.Users.Include(u => u.Districts).SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (user is null)
        {
            return new Outcome<bool>(false, null);
        }

        var validation = await (input with { Email = user.Email }).ValidateAsync(db, cancellationToken);
        if (!validation.Succeeded)
        {
            return validation.Errors!;
        }

        var oldRoles = (await users.GetRolesAsync(user)).Order().ToList();
        var newRoles = input.Roles!.Distinct().Order().ToList();
        if (actingUserId == id && oldRoles.Contains(Roles.Admin) && (!newRoles.Contains(Roles.Admin) || locked))
        {
            return InputErrors.Of("roles", "Sie können sich die Administration nicht selbst entziehen oder sich selbst sperren.");
        }

        var before = new { user.DisplayName, roles = oldRoles, network = user.NetworkId, districts = user.Districts.Select(d => d.DistrictKey).Order().ToList(), locked = IsLocked(user) };

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        user.DisplayName = input.DisplayName!.Trim();
        user.NetworkId = validation.Value;
        user.Districts.Clear();
        user.Districts.AddRange((input.Districts ?? []).Distinct().Select(d => new UserDistrict { UserId = user.Id, DistrictKey = d }));
        user.LockoutEnd = locked ? DateTimeOffset.MaxValue : null;
        await users.UpdateAsync(user);
        await users.RemoveFromRolesAsync(user, oldRoles.Except(newRoles));
        await users.AddToRolesAsync(user, newRoles.Except(oldRoles));

        // A changed role or scope takes effect at once, also in cookies already issued.
        await users.UpdateSecurityStampAsync(user);

        var after = new { user.DisplayName, roles = newRoles, network = user.NetworkId, districts = user.Districts.Select(d => d.DistrictKey).Order().ToList(), locked };
        await audit.RecordAsync(AuditActions.UserChanged, "user", id.ToString(), new { before, after }, cancellationToken: cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        tokens.ForgetUser(id);
        return true;
    }

    /// <summary>Issues a new one-time password; the user must change it at the next sign-in.</summary>
    public async Task<string?> ResetPasswordAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null)
        {
            return null;
        }

        var password = OneTimePassword.New();
        await users.RemovePasswordAsync(user);
        await users.AddPasswordAsync(user, password);
        user.MustChangePassword = true;
        await users.UpdateAsync(user);
        await users.UpdateSecurityStampAsync(user);
        await audit.RecordAsync(AuditActions.UserChanged, "user", id.ToString(), new { passwordReset = true }, cancellationToken: cancellationToken);
        return password;
    }

    private bool IsLocked(AppUser user) => user.LockoutEnd is { } end && end > clock.GetUtcNow();
}
