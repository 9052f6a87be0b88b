using Bedarfsanalyse.Data.Accounts;
using Bedarfsanalyse.Web.Features.Audit;
using Bedarfsanalyse.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bedarfsanalyse.Web.Features.Accounts;

[AllowAnonymous]
public sealed class SignOutModel(SignInManager<AppUser> signInManager, AuditLog audit) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            await audit.RecordAsync(AuditActions.SignOut, "user", User.UserIdText());
            await signInManager.SignOutAsync();
        }

        return Redirect(Security.AccountServices.SignInPath);
    }
}
