using Bedarfsanalyse.Reports.Templates;
using Bedarfsanalyse.Web.Features.Reports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bedarfsanalyse.IntegrationTests.Reports;

/// <summary>A broken report template stops the app at start, with file and line, before any report job runs.</summary>
public sealed class ReportTemplateStartTests : IDisposable
{
    private readonly string _templates = Path.Combine(Path.GetTempPath(), "vorlagen-start-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public async Task The_app_does_not_start_with_a_template_that_names_an_unknown_question()
    {
        Directory.CreateDirectory(Path.Combine(_templates, "quartalsbericht"));
        foreach (var file in Directory.GetFiles(Path.Combine(ReportTemplateLoader.FindRoot(), "quartalsbericht")))
        {
            File.Copy(file, Path.Combine(_templates, "quartalsbericht", Path.GetFileName(file)));
        }

        var template = Path.Combine(_templates, "quartalsbericht", "template.json");
        await File.WriteAllTextAsync(template, (await File.ReadAllTextAsync(template)).Replace("\"question\": \"d_hemmnisse\"", "\"question\": \"d_hemnisse\"", StringComparison.Ordinal));

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Reports:TemplatesPath"] = _templates }).Build();
        var check = new ReportTemplateCheck(new ReportTemplates(configuration), NullLogger<ReportTemplateCheck>.Instance);

        // The check is a hosted service: its exception stops the host's start.
        var error = await Should.ThrowAsync<TemplateValidationException>(() => check.StartAsync(CancellationToken.None));

        error.Errors.Count.ShouldBe(2); // the bar chart and the appendix table
        error.Errors.ShouldAllBe(e => e.ToString().StartsWith(Path.Combine("quartalsbericht", "template.json") + ", Zeile "));
        error.Message.ShouldContain("Unbekannte Frage „d_hemnisse“");
    }

    public void Dispose() => Directory.Delete(_templates, recursive: true);
}
