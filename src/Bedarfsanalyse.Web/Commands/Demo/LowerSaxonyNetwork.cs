using Bedarfsanalyse.Data;
using Bedarfsanalyse.Data.Networks;
using Microsoft.EntityFrameworkCore;

namespace Bedarfsanalyse.Web.Commands.Demo;

/// <summary>
/// The benchmark network of the L dataset: every current district of Lower Saxony, so that 200,000 interviews over 45
/// districts are data the interview capture would accept (a district outside an interview's network is refused there).
/// Created through the data model when first needed; not a preset of real field work.
/// </summary>
internal static class LowerSaxonyNetwork
{
    public const string Key = "niedersachsen";
    public const string Name = "Alle Landkreise und kreisfreien Städte Niedersachsens";

    public static async Task EnsureAsync(BedarfsanalyseDb db, CancellationToken cancellationToken)
    {
        if (await db.Networks.AnyAsync(n => n.Key == Key, cancellationToken))
        {
            return;
        }

        var network = new Network
        {
            Key = Key,
            Name = Name,
            SteeringCommitteeName = "Steuerkreis",
            Topics = "Benchmark-Datensatz L (Demodaten)",
        };
        var districts = await db.Districts.Where(d => d.StateCode == "03" && d.ValidUntil == null).OrderBy(d => d.Key).Select(d => d.Key).ToListAsync(cancellationToken);
        network.Districts.AddRange(districts.Select(key => new NetworkDistrict { DistrictKey = key }));
        db.Networks.Add(network);
        await db.SaveChangesAsync(cancellationToken);
    }
}
