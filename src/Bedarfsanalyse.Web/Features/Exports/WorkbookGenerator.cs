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

        // Written to a file first, then read once: one copy of a large workbook in memory, not a growing buffer and its copy.
        var file = Path.Combine(Path.GetTempPath(), $"arbeitsmappe-{Guid.NewGuid():N}.xlsx");
        byte[] content;
        try
        {
            await using (var output = new FileStream(file, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
            {
                // Planning took the progress to 10 %; the data rows take it to 95 %.
                try
                {
                    await AnalystWorkbookWriter.WriteAsync(planned.Workbook, output, cancellationToken, new RowProgress(progress, planned.Interviews));
                }
                catch (ReportRequestException e)
                {
                    // The figure sheets are computed while the rows are written.
                    throw new ReportInputException(e.Message);
                }
            }

            content = await File.ReadAllBytesAsync(file, cancellationToken);
        }
        finally
        {
            File.Delete(file);
        }

        progress.Report(100);
        return new GeneratedArtifact(content, planned.WorkbookFileName, "arbeitsmappe-1/" + planned.TemplateVersion,
            planned.QuestionnaireVersionIds, planned.ModelSnapshotJson);
    }

    /// <summary>Data rows written as the request's percentage, reported on the writer's thread (no posting, no reordering).</summary>
    private sealed class RowProgress(IProgress<int> progress, int rows) : IProgress<long>
    {
        public void Report(long value) => progress.Report(10 + (int)(85 * Math.Min(value, Math.Max(1, rows)) / Math.Max(1, rows)));
    }
}
