using Bedarfsanalyse.Data;
using Bedarfsanalyse.Data.Accounts;
using Bedarfsanalyse.Web.Features.Audit;
using Bedarfsanalyse.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Bedarfsanalyse.Web.Features.Users;

/// <summary>
/// Changes an account's name, roles, network, districts and the admin's lock; records old and new values, role
/// changes also as an event of their own. All or nothing: when Identity refuses a step, nothing is stored or recorded.
/// </summary>
public sealed class UpdateUser(BedarfsanalyseDb db, UserManager<AppUser> users, AuditLog audit, ApiTokenCache tokens)
{
    /// <param name="locked">
    /// The admin's lock. Not ticking it lifts an admin's lock but leaves a lockout after failed sign-ins running out
    /// on its own: editing an account during those minutes neither lifts nor prolongs it.
    /// </param>
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

        var oldDistricts = user.Districts.Select(d => d.DistrictKey).Order().ToList();
        var newDistricts = (input.Districts ?? []).Distinct().Order().ToList();
        var wasLockedByAdmin = IsLockedByAdmin(user);
        var before = new { user.DisplayName, roles = oldRoles, network = user.NetworkId, districts = oldDistricts, locked = wasLockedByAdmin };
        var scopeChanged = !oldRoles.SequenceEqual(newRoles) || user.NetworkId != validation.Value
            || !oldDistricts.SequenceEqual(newDistricts) || wasLockedByAdmin != locked;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        user.DisplayName = input.DisplayName!.Trim();
        user.NetworkId = validation.Value;
        user.Districts.Clear();
        user.Districts.AddRange(newDistricts.Select(d => new UserDistrict { UserId = user.Id, DistrictKey = d }));
        if (locked)
        {
            user.LockoutEnd = DateTimeOffset.MaxValue;
        }
        else if (wasLockedByAdmin)
        {
            user.LockoutEnd = null;
        }

        var steps = new List<Func<Task<IdentityResult>>>
        {
            () => users.UpdateAsync(user),
            () => users.RemoveFromRolesAsync(user, oldRoles.Except(newRoles)),
            () => users.AddToRolesAsync(user, newRoles.Except(oldRoles)),
        };

        // A changed role, scope or lock ends the account's sessions at their next request (the cookie check compares
        // the security stamp); a new display name alone does not sign anybody out.
        if (scopeChanged)
        {
            steps.Add(() => users.UpdateSecurityStampAsync(user));
        }

        foreach (var step in steps)
        {
            var result = await step();
            if (!result.Succeeded)
            {
                // The transaction is rolled back on dispose; what the context still tracks is thrown away with it.
                db.ChangeTracker.Clear();
                return Refused(result);
            }
        }

        var after = new { user.DisplayName, roles = newRoles, network = user.NetworkId, districts = newDistricts, locked };
        await audit.RecordAsync(AuditActions.UserChanged, "user", id.ToString(), new { before, after }, cancellationToken: cancellationToken);
        if (!oldRoles.SequenceEqual(newRoles))
        {
            await audit.RecordAsync(AuditActions.RoleChanged, "user", id.ToString(),
                new { email = user.Email, before = oldRoles, after = newRoles, added = newRoles.Except(oldRoles), removed = oldRoles.Except(newRoles) },
                cancellationToken: cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        tokens.ForgetUser(id);
        return true;
    }

    /// <summary>Issues a new one-time password; the user must change it at the next sign-in. Null when there is no such account.</summary>
    public async Task<Outcome<string?>> ResetPasswordAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null)
        {
            return new Outcome<string?>(null, null);
        }

        var password = OneTimePassword.New();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        user.MustChangePassword = true;
        foreach (var step in new Func<Task<IdentityResult>>[]
                 {
                     () => users.RemovePasswordAsync(user),
                     () => users.AddPasswordAsync(user, password),
                     () => users.UpdateAsync(user),
                     () => users.UpdateSecurityStampAsync(user),
                 })
        {
            var result = await step();
            if (!result.Succeeded)
            {
                db.ChangeTracker.Clear();
                return Refused(result);
            }
        }

        await audit.RecordAsync(AuditActions.UserChanged, "user", id.ToString(), new { passwordReset = true }, cancellationToken: cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        tokens.ForgetUser(id);
        return password;
    }

    private static InputErrors Refused(IdentityResult result)
    {
        var errors = new InputErrors();
        foreach (var error in result.Errors)
        {
            errors.Add("", error.Description + " Es wurde nichts geändert.");
        }

        return errors;
    }

    private static bool IsLockedByAdmin(AppUser user) => user.LockoutEnd is { } end && end >= AppUser.LockedByAdminFrom;
}
