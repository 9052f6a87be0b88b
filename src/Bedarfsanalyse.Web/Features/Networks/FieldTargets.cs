using Bedarfsanalyse.Core.Periods;
using Bedarfsanalyse.Data;
using Bedarfsanalyse.Data.Networks;
using Bedarfsanalyse.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Bedarfsanalyse.Web.Features.Networks;

/// <summary>The field targets (Soll) of a network for one quarter: interviews per district and respondent group.</summary>
public sealed class FieldTargets(BedarfsanalyseDb db, AuditLog audit)
{
    public async Task<IReadOnlyList<FieldTargetEntry>> ReadAsync(int networkId, Quarter quarter, CancellationToken cancellationToken) =>
        await db.FieldTargets
            .Where(t => t.NetworkId == networkId && t.Year == quarter.Year && t.Quarter == quarter.Number)
            .OrderBy(t => t.DistrictKey).ThenBy(t => t.RespondentGroupCode)
            .Select(t => new FieldTargetEntry(t.DistrictKey, t.RespondentGroupCode, t.Target))
            .ToListAsync(cancellationToken);

    /// <summary>Replaces the quarter's targets with the given ones (all or nothing).</summary>
    public async Task<InputErrors?> ReplaceAsync(NetworkView network, Quarter quarter, IReadOnlyList<FieldTargetEntry> entries, CancellationToken cancellationToken)
    {
        var errors = new InputErrors();
        var districts = network.Districts.Select(d => d.Key).ToHashSet();
        var groups = await db.RespondentGroups.Select(g => g.Code).ToListAsync(cancellationToken);
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            if (!districts.Contains(entry.District))
            {
                errors.Add($"targets[{i}].district", $"Der Kreis „{entry.District}“ gehört nicht zum Verbund.");
            }

            if (!groups.Contains(entry.RespondentGroup))
            {
                errors.Add($"targets[{i}].respondentGroup", $"„{entry.RespondentGroup}“ ist keine Befragtengruppe ({string.Join(", ", groups)}).");
            }

            if (entry.Target is < 0 or > 100_000)
            {
                errors.Add($"targets[{i}].target", "Ein Soll-Wert ist eine ganze Zahl von 0 bis 100.000.");
            }
        }

        foreach (var duplicate in entries.GroupBy(e => (e.District, e.RespondentGroup)).Where(g => g.Count() > 1))
        {
            errors.Add("targets", $"Für {duplicate.Key.District} / {duplicate.Key.RespondentGroup} ist der Soll-Wert mehrfach angegeben.");
        }

        if (errors.Any)
        {
            return errors;
        }

        var before = await ReadAsync(network.Id, quarter, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.FieldTargets.Where(t => t.NetworkId == network.Id && t.Year == quarter.Year && t.Quarter == quarter.Number)
            .ExecuteDeleteAsync(cancellationToken);
        db.FieldTargets.AddRange(entries.Where(e => e.Target > 0).Select(e => new FieldTarget
        {
            NetworkId = network.Id, DistrictKey = e.District, RespondentGroupCode = e.RespondentGroup,
            Year = quarter.Year, Quarter = quarter.Number, Target = e.Target,
        }));
        audit.Add(AuditActions.TargetsChanged, "network", network.Key, new { quarter = quarter.ToString(), before, after = entries });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return null;
    }
}

public sealed record FieldTargetEntry(string District, string RespondentGroup, int Target);
