using Bedarfsanalyse.Core.Analysis;
using Bedarfsanalyse.Core.Periods;
using Bedarfsanalyse.Web.Features.Analysis;

namespace Bedarfsanalyse.Web.Features.Reports;

/// <summary>A district's figures from the analysis engine's model of the network and quarter, recorded for the snapshot.</summary>
public sealed class AnalysisDistrictReportSource(AnalysisModels models) : IDistrictReportSource
{
    public async Task<DistrictReportInput> LoadAsync(string networkKey, string districtKey, Quarter quarter, CancellationToken cancellationToken)
    {
        AnalysisModel model;
        try
        {
            model = await models.ForQuarterAsync(networkKey, quarter, cancellationToken);
        }
        catch (AnalysisException e)
        {
            throw new ReportRequestException(e.Message);
        }

        var data = new RecordingDistrictData(new ModelDistrictData(model, districtKey));
        return new DistrictReportInput(data, data.ToJson);
    }
}
