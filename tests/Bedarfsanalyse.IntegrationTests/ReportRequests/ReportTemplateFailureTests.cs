using Bedarfsanalyse.Data.Reports;
using Bedarfsanalyse.Reports.Templates;
using Bedarfsanalyse.Testing;
using Bedarfsanalyse.Web.Commands.Demo;
using Bedarfsanalyse.Web.Features.ReportRequests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bedarfsanalyse.IntegrationTests.ReportRequests;

/// <summary>
/// A network's wording that passes validation but cannot be filled in (a placeholder given to a filter that needs a
/// number) stops the report job at once with the file to correct, instead of retrying or printing "Liquid error".
/// </summary>
public sealed class ReportTemplateFailureTests(TestDatabase database) : AppTest(database)
{
    private readonly string _templates = CopyTemplatesWithBrokenWording();

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["Jobs:RunServer"] = "true",
        ["Jobs:WorkerCount"] = "1",
        ["Reports:TemplatesPath"] = _templates,
    };

    public override async Task InitializeAsync()
    {
        await JobQueue.ClearAsync(Database);
        await base.InitializeAsync();
    }

    [Fact]
    public async Task A_wording_that_cannot_be_filled_in_fails_the_request_once_naming_the_network_file()
    {
        await using (var scope = App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>()
                .SeedAsync(new DemoOptions(NetworkKey: Network, Interviews: 60), TextWriter.Null, CancellationToken.None);
        }

        var quarter = Core.Periods.Quarter.Of(DateOnly.FromDateTime(DateTime.Now)).Previous();
        RequestView request;
        await using (var scope = App.Services.CreateAsyncScope())
        await using (var db = CreateDb())
        {
            var networkId = await db.Networks.Where(n => n.Key == Network).Select(n => n.Id).SingleAsync();
            request = await scope.ServiceProvider.GetRequiredService<ReportRequestService>()
                .EnqueueAsync(networkId, Holzminden, "pdf", quarter.FirstDay, quarter.NextFirstDay, SteeringId, CancellationToken.None);
        }

        var finished = (await JobQueue.WaitForRequestsAsync(Database, 1, TimeSpan.FromMinutes(2))).Single();

        finished.Id.ShouldBe(request.Id);
        finished.Status.ShouldBe(ReportRequest.Failed);
        finished.Attempts.ShouldBe(1);
        finished.Error.ShouldStartWith("Die Berichtsvorlage ist fehlerhaft:");
        finished.Error.ShouldContain(Path.Combine("networks", $"{Network}.json"));
        finished.Error.ShouldContain("Der Text ließ sich beim Erstellen des Berichts nicht ausfüllen");
        finished.Error.ShouldEndWith("Der Auftrag wird nicht wiederholt.");
        await using var check = CreateDb();
        (await check.ReportArtifacts.CountAsync(a => a.DistrictKey == Holzminden && a.PeriodStart == quarter.FirstDay)).ShouldBe(0);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_templates, recursive: true);
    }

    private static string CopyTemplatesWithBrokenWording()
    {
        var root = ReportTemplateLoader.FindRoot();
        var copy = Path.Combine(Path.GetTempPath(), "bedarfsanalyse-templates-" + Guid.NewGuid().ToString("N"));
        foreach (var file in Directory.GetFiles(root, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(root, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        File.WriteAllText(Path.Combine(copy, "networks", $"{Network}.json"), """
            { "committee": "Steuerkreis MehrWert", "texts": { "cover_network": "{{ netzwerk | truncate: bezirk }}" } }
            """);
        return copy;
    }
}
