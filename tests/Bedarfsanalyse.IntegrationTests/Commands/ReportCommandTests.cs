using Bedarfsanalyse.IntegrationTests.Reports;
using Bedarfsanalyse.Testing;
using Microsoft.Extensions.DependencyInjection;
using Bedarfsanalyse.Web.Features.Questionnaires;
using Microsoft.EntityFrameworkCore;

namespace Bedarfsanalyse.IntegrationTests.Commands;

/// <summary>The report command as a script runs it against the database.</summary>
public sealed class ReportCommandTests(TestDatabase database) : AppTest(database), IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "berichte-" + Guid.NewGuid().ToString("N")[..8]);

    private Dictionary<string, string?> Environment => new() { ["ConnectionStrings__Bedarfsanalyse"] = Database.ConnectionString };

    [Fact]
    public async Task Report_writes_the_PDF_of_the_district_into_the_folder()
    {
        await using (var scope = App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<NetworkQuestionnaireSetup>().EnsurePublishedAsync(CancellationToken.None);
        }

        await using (var db = CreateDb())
        {
            await ReportDataset.SeedAsync(db);
        }

        await using var report = AppProcess.Start(Environment, "report", "--network", Network, "--district", Holzminden, "--quarter", "2026-Q3", "--format", "pdf", "--out", _folder);

        (await report.WaitForExitAsync(TimeSpan.FromSeconds(120))).ShouldBeTrue("report endete nicht");
        report.ExitCode.ShouldBe(0, report.Errors);
        var file = Path.Combine(_folder, "quartalsbericht-mehrwert-03255-2026-Q3.pdf");
        report.Output.ShouldContain($"{file}: ");
        report.Output.ShouldContain("Seiten, Vorlage 2026-1.");
        (await File.ReadAllBytesAsync(file)).Take(5).ShouldBe("%PDF-"u8.ToArray());
        Directory.GetFiles(_folder).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Report_for_all_districts_writes_one_PDF_per_district_of_the_network()
    {
        await using (var scope = App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<NetworkQuestionnaireSetup>().EnsurePublishedAsync(CancellationToken.None);
        }

        List<string> districts;
        await using (var db = CreateDb())
        {
            await ReportDataset.SeedAsync(db);
            districts = await db.Networks.Where(n => n.Key == Network).SelectMany(n => n.Districts.Select(d => d.DistrictKey)).ToListAsync();
        }

        await using var report = AppProcess.Start(Environment, "report", "--network", Network, "--district", "alle", "--quarter", "2026-Q3", "--out", _folder);

        (await report.WaitForExitAsync(TimeSpan.FromSeconds(300))).ShouldBeTrue("report endete nicht");
        report.ExitCode.ShouldBe(0, report.Errors);
        districts.Count.ShouldBeGreaterThan(1);
        Directory.GetFiles(_folder).Select(Path.GetFileName).Order().ShouldBe(districts.Select(d => $"quartalsbericht-mehrwert-{d}-2026-Q3.pdf").Order());
    }

    [Theory]
    [InlineData("--district", "03255,03241", "Fehler: Der Landkreis „03241“ gehört nicht zum Verbund „Weiterbildungsverbund MehrWert“.")]
    [InlineData("--network", "gibtsnicht", "Fehler: Einen Verbund mit dem Schlüssel „gibtsnicht“ gibt es nicht.")]
    [InlineData("--district", "03241", "Fehler: Der Landkreis „03241“ gehört nicht zum Verbund „Weiterbildungsverbund MehrWert“.")]
    [InlineData("--quarter", "2026-Q7", "Fehler: „2026-Q7“ ist kein Quartal. Bitte geben Sie es als 2026-Q3 an.")]
    [InlineData("--format", "docx", "Fehler: Das Format „docx“ gibt es für den Quartalsbericht nicht; möglich ist „pdf“.")]
    public async Task A_bad_argument_gives_one_German_line_and_no_file(string option, string value, string message)
    {
        var arguments = new Dictionary<string, string> { ["--network"] = Network, ["--district"] = Holzminden, ["--quarter"] = "2026-Q3", ["--out"] = _folder };
        arguments[option] = value;

        await using var report = AppProcess.Start(Environment, ["report", .. arguments.SelectMany(a => new[] { a.Key, a.Value })]);

        (await report.WaitForExitAsync(TimeSpan.FromSeconds(120))).ShouldBeTrue();
        report.ExitCode.ShouldBe(1);
        report.Errors.ShouldStartWith(message);
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
