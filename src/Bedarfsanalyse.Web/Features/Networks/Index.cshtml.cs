using Bedarfsanalyse.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bedarfsanalyse.Web.Features.Networks;

[Authorize(Policy = Policies.Admin)]
public sealed class IndexModel(NetworkDirectory directory) : PageModel
{
    public IReadOnlyList<NetworkView> Networks { get; private set; } = [];

    public async Task OnGetAsync() => Networks = await directory.ListAsync(HttpContext.RequestAborted);
}
