using Bedarfsanalyse.Core.Periods;
using Bedarfsanalyse.Data;
using Bedarfsanalyse.Reports.Pdf;
using Bedarfsanalyse.Reports.Quarterly;
using Microsoft.EntityFrameworkCore;

namespace Bedarfsanalyse.Web.Features.Reports;

/// <summary>
/// Renders the quarterly PDF report of one district: checks the request, has the analysis engine build the model,
/// composes the document from the network's template and writes it. Called by the report command and by the report
/// jobs; it applies no user scope (callers that act for a user check it first).
/// </summary>
public sealed class DistrictReportRenderer(BedarfsanalyseDb db, ReportTemplates templates, IDistrictReportSource source, ReportTheme theme)
{
    /// <summary>Writes the PDF to <paramref name="output"/>.</summary>
    /// <param name="quarter">"2026-Q3" (also "Q3/2026", "3/2026").</param>
    /// <exception cref="ReportRequestException">Unknown network, district not in the network, or no valid quarter (German message).</exception>
    public async Task<RenderedDistrictReport> RenderAsync(
        string networkKey, string districtKey, string quarter, Stream output, CancellationToken cancellationToken)
    {
        if (!Quarter.TryParse(quarter, out var parsed))
        {
            throw new ReportRequestException($"„{quarter}“ ist kein Quartal. Bitte geben Sie es als 2026-Q3 an.");
        }

        return await RenderAsync(networkKey, districtKey, parsed, output, cancellationToken);
    }

    /// <inheritdoc cref="RenderAsync(string, string, string, Stream, CancellationToken)"/>
    public async Task<RenderedDistrictReport> RenderAsync(
        string networkKey, string districtKey, Quarter quarter, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        var network = await db.Networks.AsNoTracking()
            .Where(n => n.Key == networkKey)
            .Select(n => new { n.Key, n.Name, n.SteeringCommitteeName, Districts = n.Districts.Select(d => d.DistrictKey).ToList() })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new ReportRequestException($"Einen Verbund mit dem Schlüssel „{networkKey}“ gibt es nicht.");
        if (!network.Districts.Contains(districtKey))
        {
            throw new ReportRequestException(
                $"Der Landkreis „{districtKey}“ gehört nicht zum Verbund „{network.Name}“. Zum Verbund gehören: {string.Join(", ", network.Districts.Order(StringComparer.Ordinal))}.");
        }

        var template = templates.QuarterlyReport(network.Key, network.SteeringCommitteeName);
        var input = await source.LoadAsync(network.Key, districtKey, quarter, cancellationToken);
        var document = new QuarterlyReportComposer().Compose(input.Data, template);
        var pages = new PdfDocumentWriter(theme.Theme).Write(document, output);
        return new RenderedDistrictReport(
            input.ModelSnapshotJson(),
            template.Version,
            pages,
            FileName(network.Key, districtKey, quarter),
            document.Metadata.Title);
    }

    /// <summary>"quartalsbericht-mehrwert-03255-2026-Q3.pdf".</summary>
    public static string FileName(string networkKey, string districtKey, Quarter quarter) =>
        $"quartalsbericht-{networkKey}-{districtKey}-{quarter}.pdf";
}

/// <summary>What a rendered report leaves besides the PDF: the model snapshot that reproduces it and the template version.</summary>
public sealed record RenderedDistrictReport(string ModelSnapshotJson, string TemplateVersion, int Pages, string FileName, string Title);

/// <summary>A report was asked for something that does not exist; the message says what, in German.</summary>
public sealed class ReportRequestException(string message) : Exception(message);

/// <summary>The PDF theme with the fonts of this machine, loaded once per process.</summary>
public sealed class ReportTheme
{
    private readonly Lazy<Theme> _theme = new(Theme.CreateDefault);

    public Theme Theme => _theme.Value;
}
