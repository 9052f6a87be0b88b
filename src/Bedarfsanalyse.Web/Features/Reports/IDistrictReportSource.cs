using Bedarfsanalyse.Core.Periods;
using Bedarfsanalyse.Reports.Quarterly;

namespace Bedarfsanalyse.Web.Features.Reports;

/// <summary>The analysis engine's model of one district and quarter, as the report reads it, and its snapshot.</summary>
public interface IDistrictReportSource
{
    Task<DistrictReportInput> LoadAsync(string networkKey, string districtKey, Quarter quarter, CancellationToken cancellationToken);
}

/// <summary>The figures for the report, and the snapshot (JSON) of every figure read from them so far, which reproduces it later.</summary>
public sealed record DistrictReportInput(IDistrictReportData Data, Func<string> ModelSnapshotJson);
