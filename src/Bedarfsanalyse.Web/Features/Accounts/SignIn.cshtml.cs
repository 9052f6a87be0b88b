using System.ComponentModel.DataAnnotations;
using Bedarfsanalyse.Data.Accounts;
using Bedarfsanalyse.Web.Features.Audit;
using Bedarfsanalyse.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Bedarfsanalyse.Web.Features.Accounts;

[AllowAnonymous]
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class SignInModel(SignInManager<AppUser> signInManager, UserManager<AppUser> users, AuditLog audit) : PageModel
{
    private const string WrongCredentials = "E-Mail-Adresse oder Passwort ist falsch.";

    [BindProperty]
    public SignInForm Form { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "zurueck")]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.FindByEmailAsync(Form.Email);
        if (user is null)
        {
            await audit.RecordAsync(AuditActions.SignInFailed, "user", null, new { email = Form.Email, reason = "unbekannt" },
                new AuditActor(null, Form.Email));
            Error = WrongCredentials;
            return Page();
        }

        var actor = new AuditActor(user.Id, user.Email);
        var result = await signInManager.PasswordSignInAsync(user, Form.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await audit.RecordAsync(AuditActions.SignIn, "user", user.Id.ToString(), actor: actor);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }

        if (result.IsLockedOut)
        {
            await audit.RecordAsync(AuditActions.LockedOut, "user", user.Id.ToString(), actor: actor);
            Error = "Das Konto ist nach mehreren Fehlversuchen vorübergehend gesperrt. Bitte versuchen Sie es in 15 Minuten erneut.";
            return Page();
        }

        await audit.RecordAsync(AuditActions.SignInFailed, "user", user.Id.ToString(), new { reason = "Passwort falsch" }, actor);
        Error = WrongCredentials;
        return Page();
    }

    public sealed class SignInForm
    {
        [Required(ErrorMessage = "Bitte geben Sie Ihre E-Mail-Adresse ein.")]
        [EmailAddress(ErrorMessage = "Bitte geben Sie eine gültige E-Mail-Adresse ein.")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Bitte geben Sie Ihr Passwort ein.")]
        public string Password { get; set; } = "";
    }
}
