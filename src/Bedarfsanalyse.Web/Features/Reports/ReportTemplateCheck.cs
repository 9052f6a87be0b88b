using Bedarfsanalyse.Reports.Templates;

namespace Bedarfsanalyse.Web.Features.Reports;

/// <summary>
/// Validates the report templates when the app starts, so a template naming an unknown question or section stops the
/// start with its file and line instead of failing the first report job of the quarter.
/// </summary>
internal sealed class ReportTemplateCheck(ReportTemplates templates, ILogger<ReportTemplateCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var errors = templates.Check();
        if (errors.Count > 0)
        {
            var exception = new TemplateValidationException(errors);
            logger.LogCritical("{Message}", exception.Message);
            throw exception;
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
