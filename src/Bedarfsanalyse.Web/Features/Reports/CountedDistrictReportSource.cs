using System.Text.Json;
using Bedarfsanalyse.Core.Periods;
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
public sealed class CountedDistrictReportSource(BedarfsanalyseDb db, TimeProvider clock) : IDistrictReportSource
{
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

        var interviews = db.Interviews.AsNoTracking().Where(i =>
            i.NetworkId == network.Id && i.Status == Interview.Completed && i.WithdrawnAt == null && i.ConductedOn >= from && i.ConductedOn < to);
        var codes = await interviews
            .Join(db.Answers, i => i.Id, a => a.InterviewId, (i, a) => new { i.DistrictKey, i.ConductedOn, i.RespondentGroupCode, a.Question, a.Item, a.Code })
            .Where(x => x.Code != null)
            .GroupBy(x => new { x.DistrictKey, x.ConductedOn.Year, Quarter = (x.ConductedOn.Month + 2) / 3, x.RespondentGroupCode, x.Question, x.Item, x.Code })
            .Select(g => new CountRow(g.Key.DistrictKey, g.Key.Year, g.Key.Quarter, g.Key.RespondentGroupCode, g.Key.Question, g.Key.Item, g.Key.Code!, g.Count()))
            .ToListAsync(cancellationToken);
        var bases = await interviews
            .Join(db.Answers, i => i.Id, a => a.InterviewId, (i, a) => new { i.Id, i.DistrictKey, i.ConductedOn, i.RespondentGroupCode, a.Question, a.Item, a.Code })
            .Where(x => x.Code != null)
            .GroupBy(x => new { x.DistrictKey, x.ConductedOn.Year, Quarter = (x.ConductedOn.Month + 2) / 3, x.RespondentGroupCode, x.Question, x.Item })
            .Select(g => new CountRow(g.Key.DistrictKey, g.Key.Year, g.Key.Quarter, g.Key.RespondentGroupCode, g.Key.Question, g.Key.Item, "", g.Select(x => x.Id).Distinct().Count()))
            .ToListAsync(cancellationToken);
        var totals = await interviews
            .GroupBy(i => new { i.DistrictKey, i.ConductedOn.Year, Quarter = (i.ConductedOn.Month + 2) / 3, i.RespondentGroupCode })
            .Select(g => new CountRow(g.Key.DistrictKey, g.Key.Year, g.Key.Quarter, g.Key.RespondentGroupCode, "", "", "", g.Count()))
            .ToListAsync(cancellationToken);
        var targets = await db.FieldTargets.AsNoTracking()
            .Where(t => t.NetworkId == network.Id && t.DistrictKey == districtKey && t.Year == quarter.Year && t.Quarter == quarter.Number)
            .Select(t => new TargetRow(t.RespondentGroupCode, t.Target))
            .ToListAsync(cancellationToken);

        var counts = new ReportCounts(
            network.Key, network.Name, districtKey, network.Districts.Single(d => d.DistrictKey == districtKey).Name,
            quarter.ToString(), DateOnly.FromDateTime(clock.GetLocalNow().DateTime),
            network.Districts.OrderBy(d => d.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("de-DE"), false))
                .Select(d => new DistrictName(d.DistrictKey, d.Name)).ToList(),
            codes, bases, totals, targets);
        return new DistrictReportInput(new CountedDistrictData(counts), JsonSerializer.Serialize(counts, SnapshotOptions));
    }

    private static readonly JsonSerializerOptions SnapshotOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
}

/// <summary>Everything the stand-in report data is computed from; stored as the snapshot that reproduces the report.</summary>
public sealed record ReportCounts(
    string NetworkKey, string NetworkName, string DistrictKey, string DistrictName, string Quarter, DateOnly AsOf,
    IReadOnlyList<DistrictName> Districts, IReadOnlyList<CountRow> Codes, IReadOnlyList<CountRow> Bases,
    IReadOnlyList<CountRow> Interviews, IReadOnlyList<TargetRow> Targets);

public sealed record DistrictName(string Key, string Name);

/// <summary>Interviews per district, quarter, respondent group and (question, item, answer code) where given.</summary>
public sealed record CountRow(string District, int Year, int Quarter, string Group, string Question, string Item, string Code, int Count);

public sealed record TargetRow(string Group, int Target);
