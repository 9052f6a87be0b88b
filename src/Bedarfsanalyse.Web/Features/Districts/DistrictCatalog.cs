using System.Text.RegularExpressions;
using Bedarfsanalyse.Data;
using Bedarfsanalyse.Data.ReferenceData;
using Bedarfsanalyse.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Bedarfsanalyse.Web.Features.Districts;

/// <summary>The district reference data: read it, and add districts of other states (networks exist all over Germany).</summary>
public sealed partial class DistrictCatalog(BedarfsanalyseDb db, AuditLog audit, TimeProvider clock)
{
    public static readonly string[] Kinds = ["Landkreis", "Kreisfreie Stadt", "Region", "Stadtkreis", "Kreis"];

    public async Task<IReadOnlyList<DistrictView>> ListAsync(CancellationToken cancellationToken) =>
        await db.Districts.OrderBy(d => d.Key)
            .Select(d => new DistrictView(d.Key, d.Name, d.Kind, d.StateCode, d.State!.Name, d.ValidFrom, d.ValidUntil))
            .ToListAsync(cancellationToken);

    public async Task<Outcome<DistrictView>> AddAsync(DistrictInput input, CancellationToken cancellationToken)
    {
        var errors = new InputErrors();
        var key = input.Key?.Trim() ?? "";
        if (!KeyPattern().IsMatch(key))
        {
            errors.Add("key", "Der Kreisschlüssel hat fünf Ziffern, z. B. 15002.");
        }
        else if (await db.Districts.AnyAsync(d => d.Key == key, cancellationToken))
        {
            errors.Add("key", $"Den Kreisschlüssel {key} gibt es schon.");
        }
        else if (!await db.States.AnyAsync(s => s.Code == key.Substring(0, 2), cancellationToken))
        {
            errors.Add("key", $"Die ersten zwei Ziffern ({key[..2]}) bezeichnen kein Land.");
        }

        if (string.IsNullOrWhiteSpace(input.Name) || input.Name.Length > 100)
        {
            errors.Add("name", "Bitte geben Sie den Namen des Kreises an (höchstens 100 Zeichen).");
        }

        if (!Kinds.Contains(input.Kind))
        {
            errors.Add("kind", $"Die Art ist eine von: {string.Join(", ", Kinds)}.");
        }

        if (input.ValidFrom is { } from && input.TerritorialStatus is { } given && from > given)
        {
            errors.Add("validFrom", "Der Kreis kann nicht erst nach seinem Gebietsstand gültig werden.");
        }

        if (errors.Any)
        {
            return errors;
        }

        // Without a start date the key counts from its territorial status on: nothing older is vouched for.
        var status = input.TerritorialStatus ?? DateOnly.FromDateTime(GermanTime.ToLocal(clock.GetUtcNow()).DateTime);
        var district = new District
        {
            Key = key,
            Name = input.Name!.Trim(),
            Kind = input.Kind!,
            StateCode = key[..2],
            ValidFrom = input.ValidFrom ?? status,
            TerritorialStatus = status,
        };
        db.Districts.Add(district);
        audit.Add(AuditActions.DistrictAdded, "district", key, new { district.Name, district.Kind });
        await db.SaveChangesAsync(cancellationToken);
        var state = await db.States.Where(s => s.Code == district.StateCode).Select(s => s.Name).SingleAsync(cancellationToken);
        return new DistrictView(district.Key, district.Name, district.Kind, district.StateCode, state, district.ValidFrom, district.ValidUntil);
    }

    [GeneratedRegex("^[0-9]{5}$")]
    private static partial Regex KeyPattern();
}

public sealed record DistrictInput(string? Key, string? Name, string? Kind, DateOnly? ValidFrom, DateOnly? TerritorialStatus);

public sealed record DistrictView(string Key, string Name, string Kind, string StateCode, string State, DateOnly ValidFrom, DateOnly? ValidUntil);
