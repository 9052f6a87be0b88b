using Bedarfsanalyse.Core.Disclosure;
using Bedarfsanalyse.Core.Formatting;
using Bedarfsanalyse.Core.Statistics;

namespace Bedarfsanalyse.Core.Analysis;

/// <summary>
/// The shares of one choice item for one population and period: per district, for the network, per respondent group
/// and (establishments) per size class and sector group of the network, each with n, interval and the status that
/// disclosure control gave it. Primary rules first, then complementary suppression over every additive table the
/// figures form, so that no combination of them gives back a hidden count:
/// <list type="bullet">
/// <item>single choice: districts × options with the bases as row totals; for employees also groups × options;</item>
/// <item>multiple choice: per option, districts × groups (employees) or the line of districts (establishments);</item>
/// <item>cross tabulations of the network by size class and sector group, with the network's option totals.</item>
/// </list>
/// A hidden figure carries no value at all (only its n), so no output can print one by mistake.
/// </summary>
public sealed class ChoiceFigures
{
    private readonly Figure[,] _district;
    private readonly Figure[] _network;
    private readonly Figure[,,] _districtGroup;
    private readonly Figure[,] _networkGroup;
    private readonly Figure[,] _size;
    private readonly Figure[,] _sector;

    private ChoiceFigures(ItemDescription item, AnalysisPeriod period, int districts, int groups, int sizes, int sectors)
    {
        Item = item;
        Period = period;
        var k = item.Options.Count;
        _district = new Figure[districts, k];
        _network = new Figure[k];
        _districtGroup = new Figure[districts, groups, k];
        _networkGroup = new Figure[groups, k];
        _size = new Figure[sizes, k];
        _sector = new Figure[sectors, k];
    }

    public ItemDescription Item { get; }

    public AnalysisPeriod Period { get; }

    /// <summary>"Weiß nicht / keine Angabe" answers of the network, counted apart (with their own status).</summary>
    public TableCell NetworkNonSubstantive { get; private set; } = new(0, CellStatus.Published);

    /// <summary>Whether some table of this item could not be protected and was withheld entirely.</summary>
    public bool Withheld { get; private set; }

    public Figure District(int district, int option) => _district[district, option];

    public Figure Network(int option) => _network[option];

    public Figure DistrictGroup(int district, int group, int option) => _districtGroup[district, group, option];

    public Figure NetworkGroup(int group, int option) => _networkGroup[group, option];

    public Figure BySize(int sizeClass, int option) => _size[sizeClass, option];

    public Figure BySector(int sectorGroup, int option) => _sector[sectorGroup, option];

    /// <param name="components">For a rolling period: the figures of its quarters, whose hidden counts the rolling
    /// figures must not give away.</param>
    internal static ChoiceFigures Build(
        ItemDescription item, AnalysisPeriod period, ItemCounts counts, bool employers, bool weighted, PeriodRevision revision,
        AnalysisSettings settings, IReadOnlyList<ChoiceFigures> components)
    {
        int d = counts.Districts, g = counts.Groups, k = counts.OptionCount, sizes = counts.BySize.Count, sectors = counts.BySector.Count;
        var rules = new PrimarySuppression(settings.Disclosure);
        var figures = new ChoiceFigures(item, period, d, g, sizes, sectors);
        var builder = new Builder(figures, counts, rules, settings, weighted, revision, components);

        // Sums over groups and districts.
        var districtOptions = new WeightedCount[d, k];
        var districtBase = new WeightedCount[d];
        var groupOptions = new WeightedCount[g, k];
        var groupBase = new WeightedCount[g];
        var networkOptions = new WeightedCount[k];
        var networkBase = new WeightedCount();
        for (var di = 0; di < d; di++)
        {
            for (var gi = 0; gi < g; gi++)
            {
                var @base = counts.Base(di, gi);
                districtBase[di].Add(@base);
                groupBase[gi].Add(@base);
                networkBase.Add(@base);
                for (var ki = 0; ki < k; ki++)
                {
                    var x = counts.Options[di, gi, ki];
                    districtOptions[di, ki].Add(x);
                    groupOptions[gi, ki].Add(x);
                    networkOptions[ki].Add(x);
                }
            }
        }

        var withheld = false;
        if (item.Layout == ItemLayout.SingleChoice)
        {
            // Districts × options, bases as row totals, the network's options as column totals.
            var grid = new CountCell[d + 1, k + 1];
            for (var di = 0; di < d; di++)
            {
                for (var ki = 0; ki < k; ki++)
                {
                    grid[di, ki] = builder.Cell(districtOptions[di, ki], districtBase[di], CellRole.Interior, Key.District(di, ki));
                }

                grid[di, k] = Fixed(districtBase[di]);
            }

            for (var ki = 0; ki < k; ki++)
            {
                grid[d, ki] = builder.Cell(networkOptions[ki], networkBase, CellRole.Total, Key.Network(ki));
            }

            grid[d, k] = Fixed(networkBase);
            var statuses = ProtectedGrid.TwoWay(grid, settings, out var w1);
            withheld |= w1;
            for (var ki = 0; ki < k; ki++)
            {
                for (var di = 0; di < d; di++)
                {
                    figures._district[di, ki] = builder.Figure(districtOptions[di, ki], districtBase[di], statuses[di, ki], w1, revision.District(di));
                }

                figures._network[ki] = builder.Figure(networkOptions[ki], networkBase, statuses[d, ki], w1, revision.Network);
            }

            // Groups × options of the network (employees); districts × groups are not published for single choice.
            var networkShown = Enumerable.Range(0, k).Select(ki => Known(statuses[d, ki])).ToArray();
            withheld |= builder.Categories(groupOptions, groupBase, networkOptions, networkShown, figures._networkGroup, Key.Group);
            for (var di = 0; di < d; di++)
            {
                for (var gi = 0; gi < g; gi++)
                {
                    for (var ki = 0; ki < k; ki++)
                    {
                        figures._districtGroup[di, gi, ki] = g == 1
                            ? figures._district[di, ki]
                            : builder.Figure(counts.Options[di, gi, ki], counts.Base(di, gi), ProtectedGrid.Withheld(settings), true, revision.District(di));
                    }
                }
            }

            if (employers)
            {
                withheld |= builder.Categories(counts.BySize.Options, Bases(counts.BySize), networkOptions, networkShown, figures._size, Key.Size);
                withheld |= builder.Categories(counts.BySector.Options, Bases(counts.BySector), networkOptions, networkShown, figures._sector, Key.Sector);
            }
        }
        else
        {
            for (var ki = 0; ki < k; ki++)
            {
                if (g == 1)
                {
                    // The line of districts with the network as its total; each count bounded by its base.
                    var parts = Enumerable.Range(0, d).Select(di => builder.Cell(districtOptions[di, ki], districtBase[di], CellRole.Interior, Key.District(di, ki))).ToList();
                    var statuses = ProtectedGrid.OneWay(parts, builder.Cell(networkOptions[ki], networkBase, CellRole.Total, Key.Network(ki)), settings, out var w);
                    withheld |= w;
                    for (var di = 0; di < d; di++)
                    {
                        figures._district[di, ki] = builder.Figure(districtOptions[di, ki], districtBase[di], statuses[di], w, revision.District(di));
                        figures._districtGroup[di, 0, ki] = figures._district[di, ki];
                    }

                    figures._network[ki] = builder.Figure(networkOptions[ki], networkBase, statuses[d], w, revision.Network);
                    figures._networkGroup[0, ki] = figures._network[ki];
                }
                else
                {
                    // Districts × groups for this option, with the districts' and the groups' figures as margins.
                    var grid = new CountCell[d + 1, g + 1];
                    for (var di = 0; di < d; di++)
                    {
                        for (var gi = 0; gi < g; gi++)
                        {
                            grid[di, gi] = builder.Cell(counts.Options[di, gi, ki], counts.Base(di, gi), CellRole.Interior, Key.DistrictGroup(di, gi, ki));
                        }

                        grid[di, g] = builder.Cell(districtOptions[di, ki], districtBase[di], CellRole.Total, Key.District(di, ki));
                    }

                    for (var gi = 0; gi < g; gi++)
                    {
                        grid[d, gi] = builder.Cell(groupOptions[gi, ki], groupBase[gi], CellRole.Total, Key.Group(gi, ki));
                    }

                    grid[d, g] = builder.Cell(networkOptions[ki], networkBase, CellRole.Total, Key.Network(ki));
                    var statuses = ProtectedGrid.TwoWay(grid, settings, out var w);
                    withheld |= w;
                    for (var di = 0; di < d; di++)
                    {
                        for (var gi = 0; gi < g; gi++)
                        {
                            figures._districtGroup[di, gi, ki] = builder.Figure(counts.Options[di, gi, ki], counts.Base(di, gi), statuses[di, gi], w, revision.District(di));
                        }

                        figures._district[di, ki] = builder.Figure(districtOptions[di, ki], districtBase[di], statuses[di, g], w, revision.District(di));
                    }

                    for (var gi = 0; gi < g; gi++)
                    {
                        figures._networkGroup[gi, ki] = builder.Figure(groupOptions[gi, ki], groupBase[gi], statuses[d, gi], w, revision.Network);
                    }

                    figures._network[ki] = builder.Figure(networkOptions[ki], networkBase, statuses[d, g], w, revision.Network);
                }

                if (employers)
                {
                    var shown = Known(figures._network[ki].Status);
                    withheld |= builder.CategoryLine(counts.BySize, ki, shown, figures._size, Key.Size);
                    withheld |= builder.CategoryLine(counts.BySector, ki, shown, figures._sector, Key.Sector);
                }
            }
        }

        figures.NetworkNonSubstantive = builder.NonSubstantive();
        figures.Withheld = withheld;
        return figures;
    }

    private static WeightedCount[] Bases(ItemCounts.CategoryCounts counts) => Enumerable.Range(0, counts.Count).Select(counts.Base).ToArray();

    private static CountCell Fixed(WeightedCount @base) => new(@base.N, @base.N, CellStatus.Published, CellRole.Fixed);

    /// <summary>Whether a reader knows the count: it is shown, or shown to be nothing.</summary>
    private static bool Known(CellStatus status) => status.ShowsValue || status.Symbol == CellSymbol.Nothing;

    /// <summary>Where a figure sits, to find the same figure in the quarters of a rolling period.</summary>
    private readonly record struct Key(int Kind, int A, int B, int Option)
    {
        public static Key District(int district, int option) => new(0, district, 0, option);

        public static Key Network(int option) => new(1, 0, 0, option);

        public static Key Group(int group, int option) => new(2, group, 0, option);

        public static Key DistrictGroup(int district, int group, int option) => new(3, district, group, option);

        public static Key Size(int category, int option) => new(4, category, 0, option);

        public static Key Sector(int category, int option) => new(5, category, 0, option);

        public Figure Of(ChoiceFigures figures) => Kind switch
        {
            0 => figures._district[A, Option],
            1 => figures._network[Option],
            2 => figures._networkGroup[A, Option],
            3 => figures._districtGroup[A, B, Option],
            4 => figures._size[A, Option],
            _ => figures._sector[A, Option],
        };
    }

    private sealed class Builder(
        ChoiceFigures figures, ItemCounts counts, PrimarySuppression rules, AnalysisSettings settings, bool weighted, PeriodRevision revision,
        IReadOnlyList<ChoiceFigures> components)
    {
        /// <summary>
        /// A count with its primary status. In a rolling period a figure that would give away a hidden quarterly count
        /// is itself hidden and protected; one whose quarters are all known is known to every reader.
        /// </summary>
        public CountCell Cell(WeightedCount count, WeightedCount @base, CellRole role, Key key)
        {
            var status = rules.ForShare(count.N, @base.N);
            if (components.Count == 0)
            {
                return new CountCell(count.N, @base.N, status, role);
            }

            var quarters = components.Select(key.Of).ToList();
            if (quarters.Any(f => f.Status.Reason is SuppressionReason.TooFewCases or SuppressionReason.Dominance))
            {
                return new CountCell(count.N, @base.N, status.ShowsValue || status.Symbol == CellSymbol.Nothing ? ProtectedGrid.Withheld(settings) : status, role, Confidential: true);
            }

            return quarters.All(f => Known(f.Status)) && role != CellRole.Fixed && (status.ShowsValue || status.Symbol == CellSymbol.Nothing)
                ? new CountCell(count.N, @base.N, status, CellRole.Fixed)
                : new CountCell(count.N, @base.N, status, role);
        }

        /// <param name="revision">The revision of the figure's scope: its district's, or the network's.</param>
        public Figure Figure(WeightedCount count, WeightedCount @base, CellStatus status, bool withheld, FigureRevision revision)
        {
            if (withheld && status.Symbol is not (CellSymbol.Nothing or CellSymbol.Secret or CellSymbol.NotReliable))
            {
                status = ProtectedGrid.Withheld(settings);
            }

            if (status.Symbol is CellSymbol.Secret or CellSymbol.NotReliable)
            {
                // A hidden figure keeps only its n; its interval is never needed.
                var effective = weighted && @base.W2 > 0 ? EffectiveSampleSize.FromSums(@base.W, @base.W2) : @base.N;
                return new Figure(Hidden(EstimateKind.Share, @base.N, effective, weighted, settings), status) { Revision = revision };
            }

            var estimate = weighted
                ? ShareEstimator.EstimateWeighted(new WeightedShareInput(count.N, @base.N, count.W, @base.W, @base.W2), settings.Intervals)
                : Unweighted(count.N, @base.N, settings.Intervals);
            return new Figure(estimate, status) { Revision = revision };
        }

        /// <summary>Category × option tables of the network (respondent groups, size classes, sector groups).</summary>
        public bool Categories(
            WeightedCount[,] all, WeightedCount[] bases, WeightedCount[] networkOptions, bool[] networkShown, Figure[,] target, Func<int, int, Key> key)
        {
            var k = networkOptions.Length;
            var categories = bases.Length;
            if (categories == 1)
            {
                for (var ki = 0; ki < k; ki++)
                {
                    target[0, ki] = figures._network[ki];
                }

                return false;
            }

            var networkBase = new WeightedCount();
            for (var c = 0; c < categories; c++)
            {
                networkBase.Add(bases[c]);
            }

            // A network total hidden above would be a second unknown shared with this table: withhold it instead.
            var withheld = networkShown.Any(shown => !shown);
            CellStatus[,]? statuses = null;
            if (!withheld)
            {
                var grid = new CountCell[categories + 1, k + 1];
                for (var c = 0; c < categories; c++)
                {
                    for (var ki = 0; ki < k; ki++)
                    {
                        grid[c, ki] = Cell(all[c, ki], bases[c], CellRole.Interior, key(c, ki));
                    }

                    grid[c, k] = Fixed(bases[c]);
                }

                // The totals are the categories' own sums (respondents without a category are left out): known to a
                // reader, which is the cautious assumption.
                for (var ki = 0; ki < k; ki++)
                {
                    var total = Enumerable.Range(0, categories).Sum(c => all[c, ki].N);
                    grid[categories, ki] = new CountCell(total, networkBase.N, CellStatus.Published, CellRole.Fixed);
                }

                grid[categories, k] = Fixed(networkBase);
                statuses = ProtectedGrid.TwoWay(grid, settings, out withheld);
            }

            for (var c = 0; c < categories; c++)
            {
                for (var ki = 0; ki < k; ki++)
                {
                    var status = statuses?[c, ki] ?? ProtectedGrid.Withheld(settings);
                    target[c, ki] = Figure(all[c, ki], bases[c], status, withheld, revision.Network);
                }
            }

            return withheld;
        }

        /// <summary>One option of a multiple-choice item by category, its total the network's count.</summary>
        public bool CategoryLine(ItemCounts.CategoryCounts byCategory, int option, bool networkShown, Figure[,] target, Func<int, int, Key> key)
        {
            var withheld = !networkShown;
            CellStatus[]? statuses = null;
            if (!withheld)
            {
                var parts = Enumerable.Range(0, byCategory.Count).Select(c => Cell(byCategory.Options[c, option], byCategory.Base(c), CellRole.Interior, key(c, option))).ToList();
                var total = parts.Sum(p => p.Value);
                statuses = ProtectedGrid.OneWay(parts, new CountCell(total, (int)total, CellStatus.Published, CellRole.Fixed), settings, out withheld);
            }

            for (var c = 0; c < byCategory.Count; c++)
            {
                target[c, option] = Figure(byCategory.Options[c, option], byCategory.Base(c), statuses?[c] ?? ProtectedGrid.Withheld(settings), withheld, revision.Network);
            }

            return withheld;
        }

        /// <summary>"Weiß nicht / keine Angabe" of the network: a count of its own, published at network level only.</summary>
        public TableCell NonSubstantive()
        {
            var total = 0;
            for (var di = 0; di < counts.Districts; di++)
            {
                for (var gi = 0; gi < counts.Groups; gi++)
                {
                    total += counts.NonSubstantive[di, gi].N;
                }
            }

            return new TableCell(total, rules.ForCount(total));
        }
    }

    // Unweighted shares depend on count and base alone, and the same small pairs recur in every table.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(int Count, int Base, ShareIntervalSettings Settings), Estimate> UnweightedShares = new();

    // Bounds the cache; counted apart because ConcurrentDictionary.Count takes every lock of the dictionary (called per
    // cell it was 70 % of the model's time on L).
    private static int _unweightedSharesStored;

    private static Estimate Unweighted(int count, int @base, ShareIntervalSettings settings)
    {
        var key = (count, @base, settings);
        if (UnweightedShares.TryGetValue(key, out var known))
        {
            return known;
        }

        var estimate = ShareEstimator.Estimate(count, @base, settings);
        if (Volatile.Read(ref _unweightedSharesStored) < 200_000 && UnweightedShares.TryAdd(key, estimate))
        {
            Interlocked.Increment(ref _unweightedSharesStored);
        }

        return estimate;
    }

    internal static Estimate Hidden(EstimateKind kind, int unweightedN, double effectiveN, bool weighted, AnalysisSettings settings) => new()
    {
        Kind = kind,
        Point = null,
        Interval = null,
        Method = IntervalMethod.None,
        ConfidenceLevel = settings.Intervals.ConfidenceLevel,
        UnweightedN = unweightedN,
        EffectiveN = effectiveN,
        IsWeighted = weighted,
    };

    /// <summary>A hidden figure keeps its n and loses its value, interval and count.</summary>
    internal static Estimate Mask(Estimate estimate, CellStatus status) =>
        status.Symbol is CellSymbol.Secret or CellSymbol.NotReliable
            ? estimate with { Point = null, Interval = null, UnweightedCount = null, NoIntervalReason = null }
            : estimate;
}
