using Bedarfsanalyse.Data;
using Bedarfsanalyse.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Bedarfsanalyse.Web.Features.Networks;

/// <summary>Networks as the current user may see them: admins all, everyone else their own.</summary>
public sealed class NetworkDirectory(BedarfsanalyseDb db, UserScope scope)
{
    public async Task<IReadOnlyList<NetworkView>> ListAsync(CancellationToken cancellationToken)
    {
        var networkId = scope.NetworkId;
        var all = scope.IsAdmin;
        return await Query(n => all || n.Id == networkId).ToListAsync(cancellationToken);
    }

    /// <summary>The network by key, or null when it does not exist or lies outside the user's scope (indistinguishable on purpose).</summary>
    public async Task<NetworkView?> FindAsync(string key, CancellationToken cancellationToken)
    {
        var networkId = scope.NetworkId;
        var all = scope.IsAdmin;
        return await Query(n => n.Key == key && (all || n.Id == networkId)).SingleOrDefaultAsync(cancellationToken);
    }

    private IQueryable<NetworkView> Query(System.Linq.Expressions.Expression<Func<Data.Networks.Network, bool>> filter) =>
        db.Networks.Where(filter).OrderBy(n => n.Name).Select(n => new NetworkView(
            n.Id, n.Key, n.Name, n.SteeringCommitteeName, n.Topics, n.ReportSchedule, n.ContactRetentionMonths,
            n.Districts.OrderBy(d => d.District!.Name).Select(d => new NetworkDistrictView(d.DistrictKey, d.District!.Name, d.District.Kind)).ToList()));
}

public sealed record NetworkView(
    int Id, string Key, string Name, string SteeringCommitteeName, string? Topics, string ReportSchedule,
    int ContactRetentionMonths, IReadOnlyList<NetworkDistrictView> Districts);

public sealed record NetworkDistrictView(string Key, string Name, string Kind);
