using Bedarfsanalyse.Web.Features.Networks;
using Bedarfsanalyse.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bedarfsanalyse.Web.Features.Establishments;

/// <summary>Admins find an establishment by name or pseudonym, e.g. to erase its identifying data on request.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class IndexModel(NetworkDirectory directory, EstablishmentRegistry registry) : PageModel
{
    public IReadOnlyList<NetworkView> Networks { get; private set; } = [];

    public NetworkView? Network { get; private set; }

    public string? Search { get; private set; }

    public IReadOnlyList<EstablishmentView> Results { get; private set; } = [];

    /// <summary>The pseudonym of the establishment whose contact data was just erased.</summary>
    public string? Erased { get; private set; }

    public async Task OnGetAsync(string? verbund, string? suche, string? geloescht)
    {
        Networks = await directory.ListAsync(HttpContext.RequestAborted);
        Network = Networks.FirstOrDefault(n => n.Key == verbund) ?? Networks.FirstOrDefault();
        Search = suche?.Trim();
        Erased = geloescht;
        if (Network is not null && Search is { Length: >= 2 })
        {
            Results = await registry.SearchAsync(Network.Id, Search, HttpContext.RequestAborted);
        }
    }
}
