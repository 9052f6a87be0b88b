using Microsoft.Playwright;

namespace Bedarfsanalyse.BrowserTests;

/// <summary>One headless Chromium for the test run: Debian's /usr/bin/chromium, driven by Playwright.</summary>
public sealed class ChromiumBrowser : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where screenshots go: artifacts/test-output/browser in the checkout, for a person to look at.</summary>
    public static string ScreenshotDirectory { get; } = Path.Combine(CheckoutRoot(), "artifacts", "test-output", "browser");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException("Chromium fehlt: apt-get install -y chromium (die Testbefehle in .dev/test installieren es).");
        }

        Directory.CreateDirectory(ScreenshotDirectory);
        // The first pages after a cold start take seconds on a 2-core machine; 5 s (Playwright's default) is too tight.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"],
        });
    }

    /// <summary>A fresh browser context (own cookies), German, at the given size (768 wide is the tablet the interviewers use).</summary>
    public Task<IBrowserContext> NewContextAsync(Uri baseAddress, int width = 1280, int height = 900) =>
        Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            Locale = "de-DE",
            TimezoneId = "Europe/Berlin",
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
    }

    private static string CheckoutRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Bedarfsanalyse.sln")))
            {
                return dir.FullName;
            }
        }

        return AppContext.BaseDirectory;
    }
}
