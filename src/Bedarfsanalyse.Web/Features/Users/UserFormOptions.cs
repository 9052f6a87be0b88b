using Bedarfsanalyse.Data;
using Microsoft.EntityFrameworkCore;

namespace Bedarfsanalyse.Web.Features.Users;

/// <summary>The networks and their districts an account form offers.</summary>
public sealed class UserFormOptions(BedarfsanalyseDb db)
{
    public async Task<IReadOnlyList<NetworkChoice>> NetworksAsync(CancellationToken cancellationToken) =>
        await db.Networks.OrderBy(n => n.Name)
            .Select(n => new NetworkChoice(n.Key, n.Name,
                n.Districts.OrderBy(d => d.District!.Name).Select(d => new DistrictChoice(d.DistrictKey, d.District!.Name)).ToList()))
            .ToListAsync(cancellationToken);
}

public sealed record NetworkChoice(string Key, string Name, IReadOnlyList<DistrictChoice> Districts);

public sealed record DistrictChoice(string Key, string Name);
