using Bedarfsanalyse.Data.Accounts;
using Bedarfsanalyse.Testing;
using Microsoft.Playwright;

namespace Bedarfsanalyse.BrowserTests;

/// <summary>A test in a real browser: empty data, the app on 127.0.0.1, users of every role, a fresh browser context.</summary>
public abstract class BrowserTest(TestDatabase database, ChromiumBrowser chromium) : DatabaseTest(database)
{
    protected TestApp App { get; private set; } = null!;

    protected ChromiumBrowser Chromium { get; } = chromium;

    protected Guid AdminId { get; private set; }

    protected Guid InterviewerId { get; private set; }

    /// <summary>Settings on top of the test defaults, e.g. a job server for tests that watch jobs finish.</summary>
    protected virtual IDictionary<string, string?>? Settings => null;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        App = await TestApp.StartOnLoopbackAsync(Database.ConnectionString, Settings);
        AdminId = await App.CreateUserAsync("admin@example.org", [Roles.Admin]);
        InterviewerId = await App.CreateUserAsync("interviewer@example.org", [Roles.Interviewer], AppTest.Network, AppTest.Holzminden);
    }

    public override async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await base.DisposeAsync();
    }

    /// <summary>Signs in through the form, as a person would, and returns the page.</summary>
    protected async Task<IPage> SignInAsync(IBrowserContext context, string email, string password = TestApp.Password)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/anmelden");
        await page.GetByLabel("E-Mail-Adresse").FillAsync(email);
        await page.GetByLabel("Passwort").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync();
        // Polls the address rather than waiting for a load event: a load that fired before the wait began was once
        // missed on a cold machine (a 30 s timeout with the start page long shown).
        await Assertions.Expect(page).Not.ToHaveURLAsync(
            new System.Text.RegularExpressions.Regex("/anmelden"), new() { Timeout = 30_000 });
        return page;
    }

    protected static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ChromiumBrowser.ScreenshotDirectory, name + ".png"), FullPage = true });
}
