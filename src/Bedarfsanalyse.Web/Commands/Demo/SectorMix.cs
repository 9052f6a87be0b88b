namespace Bedarfsanalyse.Web.Commands.Demo;

/// <summary>
/// Sector (WZ 2008 section) and chamber membership of demo establishments, roughly as in rural Lower Saxony: trade,
/// construction, manufacturing and health/social work carry most establishments, agriculture more than in a city,
/// P–U present but rare. The shares are plausible orders of magnitude for a training-needs survey, not statistics.
/// </summary>
internal static class SectorMix
{
    // Weights in per mille of establishments; A (and C, food processing) weigh more in the Oldenburger Münsterland.
    private static readonly (string Section, double Weight)[] Weights =
    [
        ("A", 55), ("B", 2), ("C", 105), ("D", 10), ("E", 8), ("F", 130), ("G", 170), ("H", 50), ("I", 60), ("J", 25),
        ("K", 25), ("L", 20), ("M", 80), ("N", 50), ("O", 12), ("P", 22), ("Q", 100), ("R", 15), ("S", 40), ("T", 2), ("U", 0.5),
    ];

    private static readonly HashSet<string> AgriculturalDistricts = ["03453", "03460", "03454", "03451"]; // Cloppenburg, Vechta, Emsland, Ammerland

    /// <summary>A WZ section for an establishment in the district, among the sections the register knows.</summary>
    public static string Draw(Random random, string districtKey, IReadOnlyCollection<string> known)
    {
        var agricultural = AgriculturalDistricts.Contains(districtKey);
        var weights = Weights.Where(w => known.Contains(w.Section))
            .Select(w => (w.Section, Weight: agricultural && w.Section is "A" ? w.Weight * 2.5 : agricultural && w.Section is "C" ? w.Weight * 1.3 : w.Weight))
            .ToList();
        var draw = random.NextDouble() * weights.Sum(w => w.Weight);
        foreach (var (section, weight) in weights)
        {
            draw -= weight;
            if (draw < 0)
            {
                return section;
            }
        }

        return weights[^1].Section;
    }

    /// <summary>
    /// The chamber answer (a_kammer: hwk, ihk, beide, keine, wn): crafts dominate small construction and many small
    /// manufacturers and service firms (bakers, hairdressers, car repair), commerce the rest of the market economy;
    /// farms, public bodies, schools and most health practices belong to neither.
    /// </summary>
    public static string Chamber(Random random, string section, int headcount)
    {
        var draw = random.NextDouble();
        if (draw < 0.02)
        {
            return "wn";
        }

        var (crafts, commerce, both) = section switch
        {
            "F" => (headcount < 50 ? 0.75 : 0.45, 0.15, 0.05),
            "C" => (headcount < 50 ? 0.40 : 0.10, 0.45, 0.08),
            "S" => (0.45, 0.25, 0.02),
            "G" => (0.12, 0.78, 0.04),
            "A" or "O" or "P" or "T" or "U" => (0.02, 0.08, 0.0),
            "Q" => (0.05, 0.15, 0.0),
            _ => (0.03, 0.85, 0.02),
        };
        draw = random.NextDouble();
        return draw < crafts ? "hwk" : draw < crafts + commerce ? "ihk" : draw < crafts + commerce + both ? "beide" : "keine";
    }

    /// <summary>The register's chamber (establishments.chamber, the questionnaire's codes) for the interview's answer;
    /// "weiß nicht" leaves it open.</summary>
    public static string? RegisterChamber(string? answer) => answer is "hwk" or "ihk" or "beide" or "keine" ? answer : null;
}
