using System.ComponentModel.DataAnnotations;
using Bedarfsanalyse.Data.Accounts;
using Bedarfsanalyse.Web.Features.Audit;
using Bedarfsanalyse.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bedarfsanalyse.Web.Features.Accounts;

[Authorize(Policy = Policies.SignedIn)]
public sealed class ChangePasswordModel(UserManager<AppUser> users, SignInManager<AppUser> signInManager, AuditLog audit) : PageModel
{
    [BindProperty]
    public PasswordForm Form { get; set; } = new();

    public bool MustChange => User.HasClaim(AppClaims.MustChangePassword, "true");

    public bool Done { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var result = await users.ChangePasswordAsync(user, Form.CurrentPassword, Form.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                var field = error.Code == nameof(IdentityErrorDescriber.PasswordMismatch)
                    ? $"{nameof(Form)}.{nameof(PasswordForm.CurrentPassword)}"
                    : $"{nameof(Form)}.{nameof(PasswordForm.NewPassword)}";
                ModelState.AddModelError(field, error.Description);
            }

            return Page();
        }

        user.MustChangePassword = false;
        await users.UpdateAsync(user);
        await signInManager.RefreshSignInAsync(user);
        await audit.RecordAsync(AuditActions.PasswordChanged, "user", user.Id.ToString());
        Done = true;
        return Page();
    }

    public sealed class PasswordForm
    {
        [Required(ErrorMessage = "Bitte geben Sie Ihr bisheriges Passwort ein.")]
        public string CurrentPassword { get; set; } = "";

        [Required(ErrorMessage = "Bitte geben Sie ein neues Passwort ein.")]
        public string NewPassword { get; set; } = "";

        [Required(ErrorMessage = "Bitte wiederholen Sie das neue Passwort.")]
        [Compare(nameof(NewPassword), ErrorMessage = "Die beiden neuen Passwörter stimmen nicht überein.")]
        public string Repeat { get; set; } = "";
    }
}
