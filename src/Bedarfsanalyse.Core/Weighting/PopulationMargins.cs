namespace Bedarfsanalyse.Core.Weighting;

/// <summary>
/// The population figures a user uploads. Either the full table by stratum (district × size class × sector group),
/// from which both two-way margins follow, or only the two margins district × size class and district × sector group,
/// which then allow raking but no design weights.
/// </summary>
public sealed record PopulationMargins
{
    private PopulationMargins(IReadOnlyList<PopulationCell> strata, IReadOnlyList<MarginCell> bySize, IReadOnlyList<MarginCell> bySector)
    {
        Strata = strata;
        DistrictBySizeClass = bySize;
        DistrictBySectorGroup = bySector;
    }

    /// <summary>N_h by stratum; empty when only margins were given.</summary>
    public IReadOnlyList<PopulationCell> Strata { get; }

    public IReadOnlyList<MarginCell> DistrictBySizeClass { get; }

    public IReadOnlyList<MarginCell> DistrictBySectorGroup { get; }

    public bool HasStrata => Strata.Count > 0;

    public static PopulationMargins FromStrata(IEnumerable<PopulationCell> strata)
    {
        ArgumentNullException.ThrowIfNull(strata);
        var cells = strata.ToArray();
        if (cells.Length == 0)
        {
            throw new WeightingException("Es wurden keine Eckwerte der Grundgesamtheit angegeben.");
        }

        foreach (var cell in cells)
        {
            CheckCount(cell.Count, cell.Stratum.ToString());
        }

        var duplicate = cells.GroupBy(c => c.Stratum).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new WeightingException($"Die Schicht „{duplicate.Key}“ steht mehrfach in den Eckwerten.");
        }

        var bySize = cells.GroupBy(c => (c.Stratum.District, c.Stratum.SizeClass))
            .Select(g => new MarginCell(g.Key.District, g.Key.SizeClass, g.Sum(c => c.Count))).ToArray();
        var bySector = cells.GroupBy(c => (c.Stratum.District, c.Stratum.SectorGroup))
            .Select(g => new MarginCell(g.Key.District, g.Key.SectorGroup, g.Sum(c => c.Count))).ToArray();
        return new PopulationMargins(cells, bySize, bySector);
    }

    /// <summary>
    /// Margins only. Per district both must add up to the same total within <see cref="WeightingSettings.MarginTolerance"/>
    /// (default 0,5 %); small differences (rounded published figures) are removed by scaling the sector margins of that
    /// district to the size-class total, larger ones are refused.
    /// </summary>
    public static PopulationMargins FromMargins(IEnumerable<MarginCell> districtBySizeClass, IEnumerable<MarginCell> districtBySectorGroup,
        WeightingSettings? settings = null)
    {
        settings ??= WeightingSettings.Default;
        settings.Validate();
        var relativeTolerance = settings.MarginTolerance;
        ArgumentNullException.ThrowIfNull(districtBySizeClass);
        ArgumentNullException.ThrowIfNull(districtBySectorGroup);
        var bySize = Check(districtBySizeClass.ToArray(), "Größenklasse");
        var bySector = Check(districtBySectorGroup.ToArray(), "Wirtschaftsgruppe");
        var sizeTotals = bySize.GroupBy(m => m.District).ToDictionary(g => g.Key, g => g.Sum(m => m.Count), StringComparer.Ordinal);
        var sectorTotals = bySector.GroupBy(m => m.District).ToDictionary(g => g.Key, g => g.Sum(m => m.Count), StringComparer.Ordinal);

        foreach (var district in sizeTotals.Keys.Union(sectorTotals.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            if (!sizeTotals.ContainsKey(district) || !sectorTotals.ContainsKey(district))
            {
                var missing = sizeTotals.ContainsKey(district) ? "Wirtschaftsgruppe" : "Größenklasse";
                throw new WeightingException($"Für Kreis {district} fehlen die Eckwerte nach {missing}.");
            }

            var bySizeTotal = sizeTotals[district];
            var bySectorTotal = sectorTotals[district];
            var reference = Math.Max(bySizeTotal, bySectorTotal);
            var deviation = reference == 0 ? 0 : Math.Abs(bySizeTotal - bySectorTotal) / reference;
            if (deviation > relativeTolerance)
            {
                throw new WeightingException(
                    $"Die Eckwerte für Kreis {district} passen nicht zusammen: nach Größenklasse {GermanNumber(bySizeTotal)}, " +
                    $"nach Wirtschaftsgruppe {GermanNumber(bySectorTotal)} Betriebe (Abweichung {GermanPercent(deviation)}, " +
                    $"erlaubt sind {GermanPercent(relativeTolerance)}).");
            }
        }

        var scaled = bySector.Select(m => sectorTotals[m.District] == 0
            ? m
            : m with { Count = m.Count * sizeTotals[m.District] / sectorTotals[m.District] }).ToArray();
        return new PopulationMargins([], bySize, scaled);
    }

    private static MarginCell[] Check(MarginCell[] margins, string dimension)
    {
        if (margins.Length == 0)
        {
            throw new WeightingException($"Es wurden keine Eckwerte nach {dimension} angegeben.");
        }

        foreach (var margin in margins)
        {
            CheckCount(margin.Count, $"Kreis {margin.District}, {dimension} {margin.Category}");
        }

        var duplicate = margins.GroupBy(m => (m.District, m.Category)).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new WeightingException($"Der Eckwert „Kreis {duplicate.Key.District}, {dimension} {duplicate.Key.Category}“ steht mehrfach in den Eckwerten.");
        }

        return margins;
    }

    private static void CheckCount(double count, string where)
    {
        if (!double.IsFinite(count) || count < 0)
        {
            throw new WeightingException($"Der Eckwert für „{where}“ ist negativ oder keine Zahl ({GermanNumber(count)}).");
        }
    }

    internal static string GermanNumber(double value) =>
        double.IsFinite(value) ? Formatting.GermanFigureFormat.Number((decimal)value, value == Math.Floor(value) ? 0 : 1) : value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    internal static string GermanPercent(double proportion) => Formatting.GermanFigureFormat.Percent(proportion, 1);
}
