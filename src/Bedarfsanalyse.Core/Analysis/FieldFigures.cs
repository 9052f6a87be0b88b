using Bedarfsanalyse.Core.Disclosure;
using Bedarfsanalyse.Core.Questionnaires;

namespace Bedarfsanalyse.Core.Analysis;

/// <summary>Interviews of one respondent group against its field target (Soll/Ist); no target, no percentage.</summary>
public sealed record FieldLine(string Group, int Interviews, int? Target);

/// <summary>
/// The field report of the report quarter: completed interviews per district and respondent group against the
/// targets, and the interviewed establishments by sector group and size class. The mixes are counts of
/// establishments with a characteristic, so they get primary and complementary suppression over the table of
/// districts × categories (the districts' interview counts are known to every reader from the Soll/Ist).
/// </summary>
public sealed class FieldFigures
{
    private readonly int[,] _interviews;
    private readonly TableCell[,] _sectorMix;
    private readonly TableCell[,] _sizeMix;
    private readonly IReadOnlyList<string> _groups;
    private readonly IReadOnlyList<TargetInfo> _targets;
    private readonly IReadOnlyList<DistrictInfo> _districts;

    internal FieldFigures(
        IReadOnlyList<DistrictInfo> districts, IReadOnlyList<string> groups, IReadOnlyList<string> sizeClasses, IReadOnlyList<string> sectorGroups,
        IEnumerable<InterviewCount> interviews, IReadOnlyList<TargetInfo> targets, AnalysisSettings settings)
    {
        _districts = districts;
        _groups = groups;
        _targets = targets;
        var districtIndex = districts.Select((d, i) => (d.Key, i)).ToDictionary(x => x.Key, x => x.i);
        _interviews = new int[districts.Count, groups.Count];
        var sectors = new int[districts.Count, sectorGroups.Count];
        var sizes = new int[districts.Count, sizeClasses.Count];
        foreach (var row in interviews)
        {
            if (!districtIndex.TryGetValue(row.District, out var d))
            {
                continue;
            }

            var g = IndexOf(groups, row.Group);
            if (g >= 0)
            {
                _interviews[d, g] += row.Interviews;
            }

            if (row.Group == RespondentGroups.Establishment)
            {
                var sector = IndexOf(sectorGroups, row.SectorGroup);
                var size = IndexOf(sizeClasses, row.SizeClass);
                if (sector >= 0)
                {
                    sectors[d, sector] += row.Interviews;
                }

                if (size >= 0)
                {
                    sizes[d, size] += row.Interviews;
                }
            }
        }

        var employers = Enumerable.Range(0, districts.Count).Select(d => Interviews(d, RespondentGroups.Establishment)).ToArray();
        _sectorMix = Mix(sectors, employers, settings);
        _sizeMix = Mix(sizes, employers, settings);
    }

    public IReadOnlyList<string> Groups => _groups;

    public int Interviews(int district, string group) => IndexOf(_groups, group) is var g and >= 0 ? _interviews[district, g] : 0;

    public int NetworkInterviews(string group) => Enumerable.Range(0, _districts.Count).Sum(d => Interviews(d, group));

    public IReadOnlyList<FieldLine> Lines(int district) =>
        _groups.Select(group => new FieldLine(
                group,
                Interviews(district, group),
                _targets.Where(t => t.District == _districts[district].Key && t.Group == group).Select(t => (int?)t.Target).SingleOrDefault()))
            .ToList();

    /// <summary>Establishments of the district by sector group (index <paramref name="district"/> = district count: the network).</summary>
    public TableCell SectorMix(int district, int sectorGroup) => _sectorMix[district, sectorGroup];

    public TableCell SizeMix(int district, int sizeClass) => _sizeMix[district, sizeClass];

    private static TableCell[,] Mix(int[,] counts, int[] employers, AnalysisSettings settings)
    {
        int d = counts.GetLength(0), c = counts.GetLength(1);
        var result = new TableCell[d + 1, c];
        if (c == 0)
        {
            return result;
        }

        var rules = new PrimarySuppression(settings.Disclosure);
        var grid = new CountCell[d + 1, c + 1];
        var network = employers.Sum();
        for (var di = 0; di < d; di++)
        {
            for (var ci = 0; ci < c; ci++)
            {
                grid[di, ci] = new CountCell(counts[di, ci], employers[di], rules.ForCount(counts[di, ci]), CellRole.Interior);
            }

            grid[di, c] = new CountCell(employers[di], employers[di], CellStatus.Published, CellRole.Fixed);
        }

        for (var ci = 0; ci < c; ci++)
        {
            var total = Enumerable.Range(0, d).Sum(di => counts[di, ci]);
            grid[d, ci] = new CountCell(total, network, rules.ForCount(total), CellRole.Total);
        }

        grid[d, c] = new CountCell(network, network, CellStatus.Published, CellRole.Fixed);
        var statuses = ProtectedGrid.TwoWay(grid, settings, out var withheld);
        for (var di = 0; di <= d; di++)
        {
            for (var ci = 0; ci < c; ci++)
            {
                var status = withheld && statuses[di, ci].Symbol != CellSymbol.Nothing ? ProtectedGrid.Withheld(settings) : statuses[di, ci];
                var value = di < d ? counts[di, ci] : Enumerable.Range(0, d).Sum(x => counts[x, ci]);
                result[di, ci] = new TableCell(status.Symbol is CellSymbol.Secret ? 0 : value, status);
            }
        }

        return result;
    }

    private static int IndexOf(IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == value)
            {
                return i;
            }
        }

        return -1;
    }
}
