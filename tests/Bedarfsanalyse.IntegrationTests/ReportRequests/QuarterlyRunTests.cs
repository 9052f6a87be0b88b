using Bedarfsanalyse.Core.Periods;
using Bedarfsanalyse.Data.Reports;
using Bedarfsanalyse.Testing;
using Bedarfsanalyse.Web.Commands.Demo;
using Bedarfsanalyse.Web.Features.ReportRequests;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;

namespace Bedarfsanalyse.IntegrationTests.ReportRequests;

/// <summary>The schedule as it runs in production: a real Hangfire server on the test database works the queue.</summary>
public sealed class QuarterlyRunTests(TestDatabase database) : AppTest(database)
{
    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["Jobs:RunServer"] = "true",
        ["Jobs:WorkerCount"] = "2",
    };

    public override async Task InitializeAsync()
    {
        await JobQueue.ClearAsync(Database);
        await base.InitializeAsync();
    }

    [Fact]
    public async Task Triggering_the_networks_recurring_job_archives_the_previous_quarters_report_of_every_district_and_the_workbook()
    {
        await using (var scope = App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>()
                .SeedAsync(new DemoOptions(NetworkKey: Network, Interviews: 800), TextWriter.Null, CancellationToken.None);
        }

        await using var db = CreateDb();
        var networkId = await db.Networks.Where(n => n.Key == Network).Select(n => n.Id).SingleAsync();
        var districts = await db.NetworkDistricts.Where(d => d.NetworkId == networkId).OrderBy(d => d.DistrictKey).Select(d => d.DistrictKey).ToListAsync();
        var quarter = Quarter.Of(DateOnly.FromDateTime(DateTime.Now)).Previous();

        App.Services.GetRequiredService<IRecurringJobManager>().Trigger(QuarterlyReportsJob.RecurringId(Network));
        var requests = await JobQueue.WaitForRequestsAsync(Database, districts.Count + 1, TimeSpan.FromMinutes(3));

        requests.Select(r => (r.DistrictKey, r.Kind, r.Status, r.Error)).ShouldBe(
            [.. districts.Select(d => ((string?)d, "pdf", ReportRequest.Done, (string?)null)), (null, "xlsx", ReportRequest.Done, null)]);
        requests.ShouldAllBe(r => r.PeriodStart == quarter.FirstDay && r.PeriodEnd == quarter.NextFirstDay && r.RequestedBy == null && r.Attempts == 1);
        var artifacts = await db.ReportArtifacts.AsNoTracking().Where(a => a.PeriodStart == quarter.FirstDay).ToListAsync();
        artifacts.Select(a => a.DistrictKey).Order().ShouldBe([null, .. districts]);
        artifacts.ShouldAllBe(a => a.Sha256.Length == 64 && a.SizeBytes > 0 && a.QuestionnaireVersionIds.Length > 0 && a.ModelSnapshot.Length > 0);

        var holzminden = artifacts.Single(a => a.DistrictKey == Holzminden);
        var content = await db.ArtifactContents.Where(c => c.ArtifactId == holzminden.Id).Select(c => c.Content).SingleAsync();
        using var pdf = PdfDocument.Open(content);
        var title = string.Join(' ', pdf.GetPage(1).GetWords().Select(w => w.Text)).Replace('\u00A0', ' ');
        title.ShouldContain($"Holzminden – {quarter.Number}. Quartal {quarter.Year}");
    }
}
