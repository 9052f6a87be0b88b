using Bedarfsanalyse.IntegrationTests.Reports;
using Bedarfsanalyse.Testing;
using Bedarfsanalyse.Web.Features.Questionnaires;
using ClosedXML.Excel;
using Microsoft.Extensions.DependencyInjection;

namespace Bedarfsanalyse.IntegrationTests.Commands;

/// <summary>The export command as a script runs it against the database.</summary>
public sealed class ExportCommandTests(TestDatabase database) : AppTest(database), IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "export-cmd-" + Guid.NewGuid().ToString("N")[..8]);

    private Dictionary<string, string?> Environment => new() { ["ConnectionStrings__Bedarfsanalyse"] = Database.ConnectionString };

    [Fact]
    public async Task Export_writes_the_workbook_and_per_questionnaire_a_CSV_and_its_SPSS_syntax()
    {
        await using (var scope = App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<NetworkQuestionnaireSetup>().EnsurePublishedAsync(CancellationToken.None);
        }

        await using (var db = CreateDb())
        {
            await ReportDataset.SeedAsync(db);
        }

        await using var export = AppProcess.Start(Environment, "export", "--network", Network, "--quarter", "2025-Q3", "--to", "2026-Q3", "--out", _folder);

        (await export.WaitForExitAsync(TimeSpan.FromSeconds(120))).ShouldBeTrue("export endete nicht");
        export.ExitCode.ShouldBe(0, export.Errors);
        export.Output.ShouldContain("108 abgeschlossene Interviews, 3. Quartal 2025 bis 3. Quartal 2026.");
        Directory.GetFiles(_folder).Select(Path.GetFileName).Order().ShouldBe(
        [
            "analysedaten-mehrwert-2025-Q3-2026-Q3-arbeitgeber.csv",
            "analysedaten-mehrwert-2025-Q3-2026-Q3-arbeitgeber.sps",
            "analysedaten-mehrwert-2025-Q3-2026-Q3-beschaeftigte.csv",
            "analysedaten-mehrwert-2025-Q3-2026-Q3-beschaeftigte.sps",
            "analysedaten-mehrwert-2025-Q3-2026-Q3.xlsx",
        ]);
        using var workbook = new XLWorkbook(Path.Combine(_folder, "analysedaten-mehrwert-2025-Q3-2026-Q3.xlsx"));
        workbook.Worksheet("Daten arbeitgeber").RowsUsed().Count().ShouldBe(1 + 84);
        (await File.ReadAllLinesAsync(Path.Combine(_folder, "analysedaten-mehrwert-2025-Q3-2026-Q3-beschaeftigte.csv"))).Length.ShouldBe(1 + 24);
    }

    [Theory]
    [InlineData("--network", "gibtsnicht", "Fehler: Einen Verbund mit dem Schlüssel „gibtsnicht“ gibt es nicht.")]
    [InlineData("--quarter", "2026-Q7", "Fehler: „2026-Q7“ ist kein Quartal. Bitte geben Sie es als 2026-Q3 an.")]
    [InlineData("--to", "2025-Q1", "Fehler: Das letzte Quartal (2025-Q1) liegt vor dem ersten (2026-Q3).")]
    public async Task A_bad_argument_gives_one_German_line_and_no_file(string option, string value, string message)
    {
        var arguments = new Dictionary<string, string> { ["--network"] = Network, ["--quarter"] = "2026-Q3", ["--out"] = _folder };
        arguments[option] = value;

        await using var export = AppProcess.Start(Environment, ["export", .. arguments.SelectMany(a => new[] { a.Key, a.Value })]);

        (await export.WaitForExitAsync(TimeSpan.FromSeconds(120))).ShouldBeTrue();
        export.ExitCode.ShouldBe(1);
        export.Errors.ShouldStartWith(message);
        (Directory.Exists(_folder) ? Directory.GetFiles(_folder) : []).ShouldBeEmpty();
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
