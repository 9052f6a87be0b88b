using System.Collections.Concurrent;
using System.Globalization;
using Bedarfsanalyse.Core.Analysis;
using Bedarfsanalyse.Core.Disclosure;
using Bedarfsanalyse.Core.Periods;
using Bedarfsanalyse.Core.Questionnaires.Json;
using Bedarfsanalyse.Core.Weighting;
using Bedarfsanalyse.Data;
using Bedarfsanalyse.Data.Questionnaires;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Bedarfsanalyse.Web.Features.Analysis;

/// <summary>The engine's thresholds and switches (configuration section "Analysis").</summary>
public sealed class AnalysisOptions
{
    public int MinimumCases { get; set; } = DisclosureSettings.Default.MinimumCases;

    public int MinimumShareBase { get; set; } = DisclosureSettings.Default.MinimumShareBase;

    public int FullReliabilityBase { get; set; } = DisclosureSettings.Default.FullReliabilityBase;

    public int DominanceContributors { get; set; } = DisclosureSettings.Default.DominanceContributors;

    public decimal DominancePercent { get; set; } = DisclosureSettings.Default.DominancePercent;

    /// <summary>Weight whenever a network has population margins (true), or never.</summary>
    public bool Weighting { get; set; } = true;

    public double? WeightCapFactor { get; set; } = WeightingSettings.Default.CapFactor;

    public int ProvisionalDays { get; set; } = AnalysisSettings.Default.ProvisionalDays;

    public AnalysisSettings ToSettings() => AnalysisSettings.Default with
    {
        Disclosure = DisclosureSettings.Default with
        {
            MinimumCases = MinimumCases,
            MinimumShareBase = MinimumShareBase,
            FullReliabilityBase = FullReliabilityBase,
            DominanceContributors = DominanceContributors,
            DominancePercent = DominancePercent,
        },
        Weighting = WeightingSettings.Default with { CapFactor = WeightCapFactor },
        WeightingMode = Weighting ? WeightingMode.WhenMarginsExist : WeightingMode.Off,
        ProvisionalDays = ProvisionalDays,
    };
}

/// <summary>
/// Builds the analysis engine's model of a network and report quarter from the database: the counts (cached per
/// quarter, <see cref="AnswerCountCache"/>), the questionnaire versions, field targets, reference labels and the
/// population margins. The model itself is kept while nothing it rests on changed, so every district report and the
/// workbook of one quarterly run read the same figures.
/// </summary>
public sealed class AnalysisModels(
    BedarfsanalyseDb db, AnswerCounter counter, AnswerCountCache counts, AnalysisModelCache models, TimeProvider clock, IOptions<AnalysisOptions> options)
{
    /// <exception cref="AnalysisException">The network does not exist (German message).</exception>
    public async Task<AnalysisModel> ForQuarterAsync(string networkKey, Quarter quarter, CancellationToken cancellationToken)
    {
        var network = await db.Networks.AsNoTracking()
            .Where(n => n.Key == networkKey)
            .Select(n => new { n.Id, n.Key, n.Name, Districts = n.Districts.Select(d => new { d.DistrictKey, d.District!.Name }).ToList() })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new AnalysisException($"Einen Verbund mit dem Schlüssel „{networkKey}“ gibt es nicht.");
        var settings = options.Value.ToSettings();
        var (quarterCounts, countStamp) = await counts.GetAsync(db, counter, network.Id, AnalysisModel.QuartersNeeded(quarter, settings), cancellationToken);

        var targets = await db.FieldTargets.AsNoTracking()
            .Where(t => t.NetworkId == network.Id && t.Year == quarter.Year && t.Quarter == quarter.Number)
            .Select(t => new TargetInfo(t.DistrictKey, t.RespondentGroupCode, t.Target))
            .ToListAsync(cancellationToken);
        var margins = await db.PopulationMargins.AsNoTracking().Where(m => m.NetworkId == network.Id).ToListAsync(cancellationToken);
        // "Stand" is a German day, like the days the latest changes are read in (revised figures).
        var asOf = DateOnly.FromDateTime(GermanTime.ToLocal(clock.GetUtcNow()).DateTime);
        var stamp = string.Join("|",
            countStamp,
            asOf.ToString("O", CultureInfo.InvariantCulture),
            string.Join(",", targets.OrderBy(t => (t.District, t.Group)).Select(t => $"{t.District}{t.Group}{t.Target}")),
            string.Join(",", margins.OrderBy(m => (m.DistrictKey, m.SizeClassCode, m.SectorGroupCode)).Select(m => $"{m.DistrictKey}{m.SizeClassCode}{m.SectorGroupCode}{m.Establishments}/{m.Employees}")));

        return await models.GetAsync((network.Id, quarter), stamp, async () =>
        {
            // Every published version: a question is described by the newest version that has it.
            var versions = await db.QuestionnaireVersions.AsNoTracking()
                .Where(v => v.Status == QuestionnaireVersion.Published)
                .Select(v => new { v.Id, v.Number, v.Definition })
                .ToListAsync(cancellationToken);
            var labels = (await db.SectorGroups.AsNoTracking().Select(g => new CodeLabel(AnswerCounter.SectorGroupQuestion, g.Code, g.Code + " " + g.Name, g.SortOrder)).ToListAsync(cancellationToken))
                .Concat(await db.SizeClasses.AsNoTracking().Select(c => new CodeLabel(AnswerCounter.SizeClassQuestion, c.Code, c.Label, c.SortOrder)).ToListAsync(cancellationToken))
                .ToList();
            var german = StringComparer.Create(CultureInfo.GetCultureInfo("de-DE"), false);
            return new AnalysisModel(new AnalysisInput
            {
                NetworkKey = network.Key,
                NetworkName = network.Name,
                Districts = network.Districts.OrderBy(d => d.Name, german).Select(d => new DistrictInfo(d.DistrictKey, d.Name)).ToList(),
                Quarter = quarter,
                AsOf = asOf,
                Counts = quarterCounts,
                Versions = versions.Select(v => new VersionInfo(v.Id, v.Number, QuestionnaireJson.Deserialize(v.Definition))).ToList(),
                Targets = targets,
                CodeLabels = labels,
                EstablishmentMargins = QuarterWeights.EstablishmentMargins(margins),
                EmployeesByDistrict = QuarterWeights.EmployeesByDistrict(margins),
                Settings = settings,
            });
        });
    }
}

/// <summary>The latest models by network and quarter, each kept while the stamp of what it rests on is unchanged.</summary>
public sealed class AnalysisModelCache
{
    private const int MaximumEntries = 4;

    private readonly ConcurrentDictionary<(int Network, Quarter Quarter), (string Stamp, Lazy<Task<AnalysisModel>> Model, DateTimeOffset At)> _entries = new();

    public void Clear() => _entries.Clear();

    public async Task<AnalysisModel> GetAsync((int Network, Quarter Quarter) key, string stamp, Func<Task<AnalysisModel>> build)
    {
        var entry = _entries.AddOrUpdate(
            key,
            _ => (stamp, new Lazy<Task<AnalysisModel>>(build), DateTimeOffset.UtcNow),
            (_, existing) => existing.Stamp == stamp && !existing.Model.Value.IsFaulted ? existing : (stamp, new Lazy<Task<AnalysisModel>>(build), DateTimeOffset.UtcNow));
        foreach (var old in _entries.OrderByDescending(e => e.Value.At).Skip(MaximumEntries).Select(e => e.Key).ToList())
        {
            _entries.TryRemove(old, out _);
        }

        return await entry.Model.Value;
    }
}
