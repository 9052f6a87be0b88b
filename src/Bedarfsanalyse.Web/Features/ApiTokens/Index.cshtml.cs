using Bedarfsanalyse.Web.Features;
using Bedarfsanalyse.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Bedarfsanalyse.Web.Features.ApiTokens;

[Authorize(Policy = Policies.SignedIn)]
[EnableRateLimiting(RateLimits.Tokens)]
public sealed class IndexModel(ApiTokenService tokens, UserScope scope, Audit.AuditLog audit) : PageModel
{
    [BindProperty]
    public TokenForm Form { get; set; } = new();

    public IReadOnlyList<ApiTokenView> Tokens { get; private set; } = [];

    public string? NewToken { get; private set; }

    public string Format(DateTimeOffset time) => GermanTime.Format(time);

    public async Task OnGetAsync() => Tokens = await tokens.ListAsync(scope.UserId!.Value, HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostCreateAsync()
    {
        var outcome = await tokens.CreateAsync(scope.UserId!.Value, Form.Name, Form.ValidityDays, HttpContext.RequestAborted);
        if (outcome.Succeeded)
        {
            NewToken = outcome.Value;
            Form = new TokenForm();
        }
        else
        {
            outcome.Errors!.CopyTo(ModelState);
        }

        await OnGetAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id)
    {
        if (!await tokens.RevokeAsync(scope.UserId!.Value, id, HttpContext.RequestAborted))
        {
            // Someone else's token (or none): whether it exists is not told, the attempt is recorded.
            await audit.AccessDeniedAsync($"Token {id} widerrufen: nicht das eigene oder unbekannt", HttpContext.RequestAborted);
            return NotFound();
        }

        return RedirectToPage();
    }

    public sealed class TokenForm
    {
        public string? Name { get; set; }

        public int ValidityDays { get; set; } = 90;
    }
}
