using Bedarfsanalyse.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Bedarfsanalyse.Web.Features.Users;

[Authorize(Policy = Policies.Admin)]
public sealed class EditModel(UserFormOptions options, UserList list, UpdateUser update, UserScope scope) : UserFormModel(options)
{
    public bool Saved { get; private set; }

    public string? NewPassword { get; private set; }

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
        NewPassword = await update.ResetPasswordAsync(id, HttpContext.RequestAborted);
        if (NewPassword is null)
        {
            return NotFound();
        }

        await LoadAsync(id);
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
        await LoadOptionsAsync();
        return true;
    }
}
