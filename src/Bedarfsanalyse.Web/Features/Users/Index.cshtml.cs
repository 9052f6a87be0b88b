using Bedarfsanalyse.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bedarfsanalyse.Web.Features.Users;

[Authorize(Policy = Policies.Admin)]
public sealed class IndexModel(UserList list) : PageModel
{
    public IReadOnlyList<UserView> Users { get; private set; } = [];

    public async Task OnGetAsync() => Users = await list.ReadAsync(cancellationToken: HttpContext.RequestAborted);
}
