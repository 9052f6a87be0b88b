using Bedarfsanalyse.Core.Periods;
using Bedarfsanalyse.Data.Accounts;
using Bedarfsanalyse.Testing;
using Bedarfsanalyse.Web.Commands.Demo;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using UglyToad.PdfPig;

namespace Bedarfsanalyse.BrowserTests.Reports;

public sealed class ReportRequestBrowserTests(TestDatabase database, ChromiumBrowser chromium) : BrowserTest(database, chromium)
{
    // The app works its own queue here, as a single-machine installation does.
    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["Jobs:RunServer"] = "true" };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await App.CreateUserAsync("steering@example.org", [Roles.Steering], AppTest.Network);
        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>()
            .SeedAsync(new DemoOptions(NetworkKey: AppTest.Network, Interviews: 300), TextWriter.Null, CancellationToken.None);
    }

    [Fact]
    public async Task A_steering_member_requests_a_district_report_watches_it_finish_without_reloading_and_downloads_the_PDF()
    {
        var quarter = Quarter.Of(DateOnly.FromDateTime(DateTime.Now)).Previous();
        await using var context = await Chromium.NewContextAsync(App.Address!, width: 1280, height: 900);
        var page = await SignInAsync(context, "steering@example.org");
        await page.GotoAsync("/berichte/anfordern");
        await page.GetByLabel("Quartalsbericht eines Kreises (PDF)").CheckAsync();
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Kreis" }).SelectOptionAsync(AppTest.Holzminden);
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Quartal", Exact = true }).SelectOptionAsync(quarter.ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Anfordern" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/berichte/auftraege/[0-9a-f-]{36}$"));

        // A reload would lose this mark; the page must follow the job by itself.
        await page.EvaluateAsync("() => { window.sameDocument = true; }");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync($"Quartalsbericht Holzminden, {quarter.ToGermanLongString()}");
        await Assertions.Expect(page.Locator("#request-status")).ToHaveTextAsync("Fertig", new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("#request-progress")).ToBeHiddenAsync();
        await ScreenshotAsync(page, "bericht-fertig");
        (await page.EvaluateAsync<bool>("() => window.sameDocument === true")).ShouldBeTrue();

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Datei herunterladen" }).ClickAsync());
        download.SuggestedFilename.ShouldEndWith(".pdf");
        var path = await download.PathAsync();
        using var pdf = PdfDocument.Open(path);
        var title = string.Join(' ', pdf.GetPage(1).GetWords().Select(w => w.Text)).Replace('\u00A0', ' ');
        title.ShouldContain($"Holzminden – {quarter.Number}. Quartal {quarter.Year}");
    }
}
