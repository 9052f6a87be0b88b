using Bedarfsanalyse.Data;
using Bedarfsanalyse.Data.Networks;
using Bedarfsanalyse.Web.Features.Audit;
using Bedarfsanalyse.Web.Jobs;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace Bedarfsanalyse.Web.Features.Networks;

/// <summary>Creates a network or changes its settings and districts; records old and new values.</summary>
public sealed class NetworkSettings(BedarfsanalyseDb db, AuditLog audit, IRecurringJobManager recurring)
{
    public async Task<Outcome<string>> CreateAsync(NetworkInput input, CancellationToken cancellationToken)
    {
        var errors = await input.ValidateAsync(db, creating: true, cancellationToken);
        if (errors.Any)
        {
            return errors;
        }

        var network = new Network { Key = input.Key!, Name = "", SteeringCommitteeName = "" };
        Apply(network, input);
        db.Networks.Add(network);
        audit.Add(AuditActions.NetworkChanged, "network", input.Key, new { before = (object?)null, after = Describe(network) });
        await db.SaveChangesAsync(cancellationToken);
        RecurringJobRegistration.Schedule(recurring, network.Key, network.ReportSchedule);
        return network.Key;
    }

    /// <summary>Saves the settings; a network that does not exist gives a value of false.</summary>
    public async Task<Outcome<bool>> UpdateAsync(string key, NetworkInput input, CancellationToken cancellationToken)
    {
        var network = await db.Networks.Include(n => n.Districts).SingleOrDefaultAsync(n => n.Key == key, cancellationToken);
        if (network is null)
        {
            return false;
        }

        var errors = await input.ValidateAsync(db, creating: false, cancellationToken);
        var removed = network.Districts.Select(d => d.DistrictKey).Except(input.Districts ?? []).ToList();
        if (removed.Count > 0 && await db.Interviews.AnyAsync(i => i.NetworkId == network.Id && removed.Contains(i.DistrictKey), cancellationToken))
        {
            errors.Add("districts", $"Aus {string.Join(", ", removed)} liegen bereits Interviews vor; diese Kreise bleiben im Verbund.");
        }

        if (errors.Any)
        {
            return errors;
        }

        var before = Describe(network);
        Apply(network, input);
        audit.Add(AuditActions.NetworkChanged, "network", key, new { before, after = Describe(network) });
        await db.SaveChangesAsync(cancellationToken);
        RecurringJobRegistration.Schedule(recurring, network.Key, network.ReportSchedule);
        return true;
    }

    private static void Apply(Network network, NetworkInput input)
    {
        network.Name = input.Name!.Trim();
        network.SteeringCommitteeName = input.SteeringCommitteeName!.Trim();
        network.Topics = string.IsNullOrWhiteSpace(input.Topics) ? null : input.Topics.Trim();
        network.ReportSchedule = string.IsNullOrWhiteSpace(input.ReportSchedule) ? Network.DefaultReportSchedule : input.ReportSchedule.Trim();
        network.ContactRetentionMonths = input.ContactRetentionMonths ?? Network.DefaultContactRetentionMonths;
        var wanted = (input.Districts ?? []).Distinct().ToList();
        network.Districts.RemoveAll(d => !wanted.Contains(d.DistrictKey));
        foreach (var key in wanted.Where(k => network.Districts.All(d => d.DistrictKey != k)))
        {
            network.Districts.Add(new NetworkDistrict { NetworkId = network.Id, DistrictKey = key });
        }
    }

    private static object Describe(Network n) => new
    {
        n.Name, n.SteeringCommitteeName, n.Topics, n.ReportSchedule, n.ContactRetentionMonths,
        districts = n.Districts.Select(d => d.DistrictKey).Order().ToList(),
    };
}
