using Bedarfsanalyse.Core.Periods;
using Bedarfsanalyse.Data;
using Bedarfsanalyse.Data.Interviews;
using Bedarfsanalyse.Data.Reports;
using Bedarfsanalyse.Web.Features.ReportRequests;
using Microsoft.EntityFrameworkCore;

namespace Bedarfsanalyse.Web.Features.Reports;

/// <summary>The report jobs' generator for "pdf" requests: the quarterly district report of the request's quarter.</summary>
public sealed class DistrictReportGenerator(BedarfsanalyseDb db, DistrictReportRenderer renderer) : IArtifactGenerator
{
    public string Kind => "pdf";

    public async Task<GeneratedArtifact> GenerateAsync(ReportRequest request, IProgress<int> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var quarter = Quarter.Of(request.PeriodStart);
        if (quarter.FirstDay != request.PeriodStart || quarter.NextFirstDay != request.PeriodEnd)
        {
            throw new ReportInputException("Der Quartalsbericht wird für ein Kalenderquartal erstellt, nicht für einen anderen Zeitraum.");
        }

        if (request.DistrictKey is null)
        {
            throw new ReportInputException("Für den Quartalsbericht fehlt der Landkreis.");
        }

        var networkKey = await db.Networks.AsNoTracking().Where(n => n.Id == request.NetworkId).Select(n => n.Key).SingleAsync(cancellationToken);
        progress.Report(5);
        using var output = new MemoryStream();
        RenderedDistrictReport rendered;
        try
        {
            rendered = await renderer.RenderAsync(networkKey, request.DistrictKey, quarter, output, cancellationToken);
        }
        catch (ReportRequestException e)
        {
            throw new ReportInputException(e.Message);
        }

        progress.Report(90);
        var versions = await db.Interviews.AsNoTracking()
            .Where(i => i.NetworkId == request.NetworkId && i.Status == Interview.Completed && i.ConductedOn >= request.PeriodStart && i.ConductedOn < request.PeriodEnd)
            .Select(i => i.QuestionnaireVersionId)
            .Distinct()
            .OrderBy(id => id)
            .ToListAsync(cancellationToken);
        progress.Report(100);
        return new GeneratedArtifact(output.ToArray(), rendered.FileName, rendered.TemplateVersion, versions, rendered.ModelSnapshotJson);
    }
}
