using Bedarfsanalyse.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Bedarfsanalyse.Web.Features.Users;

[Authorize(Policy = Policies.Admin)]
public sealed class CreateModel(UserFormOptions options, CreateUser create) : UserFormModel(options)
{
    public CreatedUser? Created { get; private set; }

    public Task OnGetAsync() => LoadOptionsAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        var outcome = await create.ExecuteAsync(ToInput(), cancellationToken: HttpContext.RequestAborted);
        if (!outcome.Succeeded)
        {
            outcome.Errors!.CopyTo(ModelState);
            await LoadOptionsAsync();
            return Page();
        }

        Created = outcome.Value;
        return Page();
    }
}
