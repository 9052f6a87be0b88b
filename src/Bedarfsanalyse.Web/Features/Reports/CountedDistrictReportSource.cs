using System.Text.Json;
using Bedarfsanalyse.Core.Periods;
using Bedarfsanalyse.Core.Questionnaires;
using Bedarfsanalyse.Core.Questionnaires.Network;
using Bedarfsanalyse.Data;
using Bedarfsanalyse.Data.Interviews;
using Microsoft.EntityFrameworkCore;

namespace Bedarfsanalyse.Web.Features.Reports;

/// <summary>
/// Stand-in for the analysis engine's report model until it is merged (ADR 0022): counts the answers of the network's
/// completed interviews per district, quarter, respondent group and answer in one PostgreSQL pass, and leaves every
/// estimate to Core's <c>ShareEstimator</c>, <c>NewcombeDifference</c> and <c>PrimarySuppression</c>
/// (<see cref="CountedDistrictData"/>). It applies primary suppression only, no weighting and no secondary suppression.
/// </summary>
public sealed class CountedDistrictReportSource(BedarfsanalyseDb db, TimeProvider clock, QuarterCountCache cache) : IDistrictReportSource
{
    // Calculated values (sector group, size class) are stored as text; free text answers are never counted.
    private static readonly string[] CalculatedQuestions = NetworkQuestionnaires.All
        .SelectMany(q => q.Questions()).OfType<CalculatedQuestion>().Select(q => q.Name).Distinct().ToArray();

    /// <summary>Quarters shown in the trend (this one and the four before it); the rolling value needs three more.</summary>
    public const int TrendQuarters = 5;

    public async Task<DistrictReportInput> LoadAsync(string networkKey, string districtKey, Quarter quarter, CancellationToken cancellationToken)
    {
        var network = await db.Networks.AsNoTracking()
            .Where(n => n.Key == networkKey)
            .Select(n => new { n.Id, n.Key, n.Name, Districts = n.Districts.Select(d => new { d.DistrictKey, d.District!.Name }).ToList() })
            .SingleAsync(cancellationToken);
        var first = quarter.AddQuarters(-(TrendQuarters - 1 + 3));
        var from = first.FirstDay;
        var to = quarter.NextFirstDay;

        // The network's report quarter (every district, for the regional comparison) is the same for all districts of a
        // quarterly run, so it is counted once and reused while the interviews of that quarter stay unchanged; the
        // district's earlier quarters (trend) are a small part of the answers.
        var current = quarter.FirstDay;
        var completed = db.Interviews.AsNoTracking().Where(i =>
            i.NetworkId == network.Id && i.Status == Interview.Completed && i.WithdrawnAt == null);
        var networkQuarter = await cache.GetAsync(network.Id, quarter,
            () => StampAsync(db.Interviews.AsNoTracking().Where(i => i.NetworkId == network.Id && i.ConductedOn >= current && i.ConductedOn < to), cancellationToken),
            () => CountAsync(completed.Where(i => i.ConductedOn >= current && i.ConductedOn < to), cancellationToken));
        var earlier = await CountAsync(completed.Where(i => i.DistrictKey == districtKey && i.ConductedOn >= from && i.ConductedOn < current), cancellationToken);
        var codes = networkQuarter.Codes.Concat(earlier.Codes).ToList();
        var bases = networkQuarter.Bases.Concat(earlier.Bases).ToList();
        var totals = networkQuarter.Totals.Concat(earlier.Totals).ToList();
        var targets = await db.FieldTargets.AsNoTracking()
            .Where(t => t.NetworkId == network.Id && t.DistrictKey == districtKey && t.Year == quarter.Year && t.Quarter == quarter.Number)
            .Select(t => new TargetRow(t.RespondentGroupCode, t.Target))
            .ToListAsync(cancellationToken);

        // The calculated questions have no answer list; their codes are the reference data's sector groups and size classes.
        var labels = (await db.SectorGroups.AsNoTracking().Select(g => new CodeLabel("a_wirtschaftsgruppe", g.Code, g.Code + " " + g.Name, g.SortOrder)).ToListAsync(cancellationToken))
            .Concat(await db.SizeClasses.AsNoTracking().Select(c => new CodeLabel("a_groessenklasse", c.Code, c.Label, c.SortOrder)).ToListAsync(cancellationToken))
            .ToList();

        var counts = new ReportCounts(
            network.Key, network.Name, districtKey, network.Districts.Single(d => d.DistrictKey == districtKey).Name,
            quarter.ToString(), DateOnly.FromDateTime(clock.GetLocalNow().DateTime),
            network.Districts.OrderBy(d => d.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("de-DE"), false))
                .Select(d => new DistrictName(d.DistrictKey, d.Name)).ToList(),
            codes, bases, totals, targets, labels);
        return new DistrictReportInput(new CountedDistrictData(counts), JsonSerializer.Serialize(counts, SnapshotOptions));
    }

    private async Task<QuarterCounts> CountAsync(IQueryable<Interview> interviews, CancellationToken cancellationToken)
    {
        // One pass over the answers: every answered question (and matrix row) has exactly one row at position 0, so
        // the rows at position 0 count the respondents who answered (the base) without a COUNT(DISTINCT).
        var rows = await interviews
            .Join(db.Answers, i => i.Id, a => a.InterviewId, (i, a) => new { i.DistrictKey, i.ConductedOn, i.RespondentGroupCode, a.Question, a.Item, a.Position, Code = a.Code ?? a.Text, IsCode = a.Code != null })
            .Where(x => x.IsCode || (x.Code != null && CalculatedQuestions.Contains(x.Question)))
            .GroupBy(x => new { x.DistrictKey, x.ConductedOn.Year, Quarter = (x.ConductedOn.Month + 2) / 3, x.RespondentGroupCode, x.Question, x.Item, x.Code })
            .Select(g => new { g.Key, Count = g.Count(), First = g.Count(x => x.Position == 0) })
            .ToListAsync(cancellationToken);
        var codes = rows.Select(r => new CountRow(r.Key.DistrictKey, r.Key.Year, r.Key.Quarter, r.Key.RespondentGroupCode, r.Key.Question, r.Key.Item, r.Key.Code!, r.Count)).ToList();
        var bases = rows
            .GroupBy(r => (r.Key.DistrictKey, r.Key.Year, r.Key.Quarter, r.Key.RespondentGroupCode, r.Key.Question, r.Key.Item))
            .Select(g => new CountRow(g.Key.DistrictKey, g.Key.Year, g.Key.Quarter, g.Key.RespondentGroupCode, g.Key.Question, g.Key.Item, "", g.Sum(r => r.First)))
            .ToList();
        var totals = await interviews
            .GroupBy(i => new { i.DistrictKey, i.ConductedOn.Year, Quarter = (i.ConductedOn.Month + 2) / 3, i.RespondentGroupCode })
            .Select(g => new CountRow(g.Key.DistrictKey, g.Key.Year, g.Key.Quarter, g.Key.RespondentGroupCode, "", "", "", g.Count()))
            .ToListAsync(cancellationToken);
        return new QuarterCounts(codes, bases, totals);
    }

    /// <summary>Changes whenever an interview of the quarter is added, completed, edited, withdrawn or deleted.</summary>
    private static async Task<string> StampAsync(IQueryable<Interview> interviews, CancellationToken cancellationToken)
    {
        var stamp = await interviews
            .GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), Updated = g.Max(i => i.UpdatedAt), Withdrawn = g.Max(i => i.WithdrawnAt), Completed = g.Max(i => i.CompletedAt) })
            .SingleOrDefaultAsync(cancellationToken);
        return stamp is null ? "0" : $"{stamp.Count}|{stamp.Updated:O}|{stamp.Withdrawn:O}|{stamp.Completed:O}";
    }

    private static readonly JsonSerializerOptions SnapshotOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
}

/// <summary>Everything the stand-in report data is computed from; stored as the snapshot that reproduces the report.</summary>
public sealed record ReportCounts(
    string NetworkKey, string NetworkName, string DistrictKey, string DistrictName, string Quarter, DateOnly AsOf,
    IReadOnlyList<DistrictName> Districts, IReadOnlyList<CountRow> Codes, IReadOnlyList<CountRow> Bases,
    IReadOnlyList<CountRow> Interviews, IReadOnlyList<TargetRow> Targets, IReadOnlyList<CodeLabel> Labels);

/// <summary>The label and order of a code of a question without answer list (sector group, size class).</summary>
public sealed record CodeLabel(string Question, string Code, string Label, int Order);

public sealed record DistrictName(string Key, string Name);

/// <summary>Interviews per district, quarter, respondent group and (question, item, answer code) where given.</summary>
public sealed record CountRow(string District, int Year, int Quarter, string Group, string Question, string Item, string Code, int Count);

public sealed record TargetRow(string Group, int Target);
