using Bedarfsanalyse.Core.Periods;
using Bedarfsanalyse.Data;
using Bedarfsanalyse.Data.Reports;
using Bedarfsanalyse.Reports.Export;
using Bedarfsanalyse.Web.Features.ReportRequests;
using Bedarfsanalyse.Web.Features.Reports;
using Microsoft.EntityFrameworkCore;

namespace Bedarfsanalyse.Web.Features.Exports;

/// <summary>The report jobs' generator for "xlsx" requests: the analyst workbook of the request's network and quarters.</summary>
public sealed class WorkbookGenerator(BedarfsanalyseDb db, NetworkExport export) : IArtifactGenerator
{
    public string Kind => "xlsx";

    public async Task<GeneratedArtifact> GenerateAsync(ReportRequest request, IProgress<int> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var first = Quarter.Of(request.PeriodStart);
        var last = Quarter.Of(request.PeriodEnd.AddDays(-1));
        if (first.FirstDay != request.PeriodStart || last.NextFirstDay != request.PeriodEnd)
        {
            throw new ReportInputException("Die Arbeitsmappe wird für ganze Kalenderquartale erstellt, nicht für einen anderen Zeitraum.");
        }

        var networkKey = await db.Networks.AsNoTracking().Where(n => n.Id == request.NetworkId).Select(n => n.Key).SingleAsync(cancellationToken);
        PlannedExport planned;
        try
        {
            planned = await export.PlanAsync(networkKey, first, last, progress, cancellationToken);
        }
        catch (ReportRequestException e)
        {
            throw new ReportInputException(e.Message);
        }

        using var output = new MemoryStream();
        await AnalystWorkbookWriter.WriteAsync(planned.Workbook, output, cancellationToken);
        progress.Report(100);
        return new GeneratedArtifact(output.ToArray(), planned.WorkbookFileName, "arbeitsmappe-1/" + planned.TemplateVersion,
            planned.QuestionnaireVersionIds, planned.ModelSnapshotJson);
    }
}
