using System.Collections.Concurrent;
using Bedarfsanalyse.Core.Questionnaires.Network;
using Bedarfsanalyse.Reports.Templates;

namespace Bedarfsanalyse.Web.Features.Reports;

/// <summary>
/// The report templates of reports-templates/ (copied beside the executable), loaded and validated once per network
/// and committee name. The configuration key Reports:TemplatesPath points elsewhere when given.
/// </summary>
public sealed class ReportTemplates(IConfiguration configuration)
{
    private readonly ConcurrentDictionary<(string Network, string Committee), ReportTemplate> _loaded = new();
    private readonly Lazy<ReportTemplateLoader> _loader = new(() => new ReportTemplateLoader(
        configuration["Reports:TemplatesPath"] is { Length: > 0 } path ? path : ReportTemplateLoader.FindRoot(),
        NetworkQuestionnaires.All));

    /// <summary>The quarterly report template for a network.</summary>
    /// <exception cref="TemplateValidationException">The template or the network's override has errors.</exception>
    public ReportTemplate QuarterlyReport(string networkKey, string committee) =>
        _loaded.GetOrAdd((networkKey, committee), key => _loader.Value.Load(key.Network, key.Committee));

    /// <summary>Loads the default template and every network override, so a broken template shows before any job runs.</summary>
    public IReadOnlyList<TemplateError> Check()
    {
        var errors = new List<TemplateError>();
        try
        {
            _loader.Value.Load();
            var networks = Path.Combine(_loader.Value.Root, "networks");
            foreach (var file in Directory.Exists(networks) ? Directory.GetFiles(networks, "*.json") : [])
            {
                try
                {
                    _loader.Value.Load(Path.GetFileNameWithoutExtension(file));
                }
                catch (TemplateValidationException e)
                {
                    errors.AddRange(e.Errors);
                }
            }
        }
        catch (TemplateValidationException e)
        {
            errors.AddRange(e.Errors);
        }

        return errors;
    }
}
