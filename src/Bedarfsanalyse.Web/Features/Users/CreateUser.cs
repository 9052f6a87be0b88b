using Bedarfsanalyse.Data;
using Bedarfsanalyse.Data.Accounts;
using Bedarfsanalyse.Web.Features.Audit;
using Microsoft.AspNetCore.Identity;

namespace Bedarfsanalyse.Web.Features.Users;

/// <summary>Creates an account with a one-time password, which is returned once and must be changed at first sign-in.</summary>
public sealed class CreateUser(BedarfsanalyseDb db, UserManager<AppUser> users, AuditLog audit)
{
    public async Task<Outcome<CreatedUser>> ExecuteAsync(UserInput input, AuditActor? actor = null, CancellationToken cancellationToken = default)
    {
        var validation = await input.ValidateAsync(db, cancellationToken);
        if (!validation.Succeeded)
        {
            return validation.Errors!;
        }

        var email = input.Email!.Trim();
        if (await users.FindByEmailAsync(email) is not null)
        {
            return InputErrors.Of("email", $"Es gibt bereits ein Konto für „{email}“.");
        }

        var user = new AppUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = input.DisplayName!.Trim(),
            NetworkId = validation.Value,
            MustChangePassword = true,
        };
        user.Districts.AddRange((input.Districts ?? []).Distinct().Select(d => new UserDistrict { DistrictKey = d }));

        var password = OneTimePassword.New();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return ToErrors(created);
        }

        var roles = await users.AddToRolesAsync(user, input.Roles!.Distinct());
        if (!roles.Succeeded)
        {
            return ToErrors(roles);
        }

        await audit.RecordAsync(AuditActions.UserCreated, "user", user.Id.ToString(),
            new { email, roles = input.Roles, network = input.Network, districts = input.Districts ?? [] }, actor, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new CreatedUser(user.Id, email, password);
    }

    private static InputErrors ToErrors(IdentityResult result)
    {
        var errors = new InputErrors();
        foreach (var error in result.Errors)
        {
            errors.Add(error.Code.Contains("Email", StringComparison.Ordinal) || error.Code.Contains("UserName", StringComparison.Ordinal) ? "email" : "", error.Description);
        }

        return errors;
    }
}

/// <summary>A new account and its one-time password, shown once.</summary>
public sealed record CreatedUser(Guid Id, string Email, string OneTimePassword);
