using Bedarfsanalyse.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Bedarfsanalyse.Web.Features.Users;

[Authorize(Policy = Policies.Admin)]
public sealed class EditModel(UserFormOptions options, UserList list, UpdateUser update, UserScope scope) : UserFormModel(options)
{
    public bool Saved { get; private set; }

    public string? NewPassword { get; private set; }

    /// <summary>Set while a lockout after failed sign-ins runs (not the admin's lock, which is the checkbox).</summary>
    public DateTimeOffset? LockedOutUntil { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        var outcome = await update.ExecuteAsync(id, ToInput(), Form.Locked, scope.UserId, HttpContext.RequestAborted);
        if (!outcome.Succeeded)
        {
            outcome.Errors!.CopyTo(ModelState);
            await LoadOptionsAsync();
            LockedOutUntil = (await list.ReadAsync(id, HttpContext.RequestAborted)).SingleOrDefault()?.LockedOutUntil;
            return Page();
        }

        if (!outcome.Value)
        {
            return NotFound();
        }

        await LoadAsync(id);
        Saved = true;
        return Page();
    }

    public async Task<IActionResult> OnPostResetPasswordAsync(Guid id)
    {
        var outcome = await update.ResetPasswordAsync(id, HttpContext.RequestAborted);
        if (outcome.Succeeded && outcome.Value is null)
        {
            return NotFound();
        }

        await LoadAsync(id);
        if (!outcome.Succeeded)
        {
            outcome.Errors!.CopyTo(ModelState);
            return Page();
        }

        NewPassword = outcome.Value;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var user = (await list.ReadAsync(id, HttpContext.RequestAborted)).SingleOrDefault();
        if (user is null)
        {
            return false;
        }

        ModelState.Clear();
        Form = new UserForm
        {
            Email = user.Email,
            DisplayName = user.DisplayName,
            Roles = [.. user.Roles],
            Network = user.Network,
            Districts = [.. user.Districts],
            Locked = user.Locked,
        };
        LockedOutUntil = user.LockedOutUntil;
        await LoadOptionsAsync();
        return true;
    }
}
