using Bedarfsanalyse.Testing;
using Microsoft.Playwright;

namespace Bedarfsanalyse.BrowserTests.Accounts;

public sealed class SignInBrowserTests(TestDatabase database, ChromiumBrowser chromium) : BrowserTest(database, chromium)
{
    [Fact]
    public async Task An_admin_signs_in_with_the_keyboard_alone_and_sees_the_administration()
    {
        await using var context = await Chromium.NewContextAsync(App.Address!);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/anmelden");

        // The e-mail field has the focus; Tab moves on, Enter submits.
        await Assertions.Expect(page.GetByLabel("E-Mail-Adresse")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("admin@example.org");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(TestApp.Password);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/$"));

        (await page.Locator("h1").TextContentAsync()).ShouldBe("Guten Tag, admin");
        (await page.GetByRole(AriaRole.Navigation, new() { Name = "Hauptnavigation" }).InnerTextAsync()).ShouldContain("Protokoll");
        await ScreenshotAsync(page, "start-admin");
    }

    [Fact]
    public async Task A_wrong_password_shows_the_German_message_on_a_768_pixel_tablet()
    {
        await using var context = await Chromium.NewContextAsync(App.Address!, width: 768, height: 1024);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/anmelden");

        await page.GetByLabel("E-Mail-Adresse").FillAsync("interviewer@example.org");
        await page.GetByLabel("Passwort").FillAsync("das ist falsch");
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync();

        (await page.GetByRole(AriaRole.Alert).InnerTextAsync()).ShouldContain("E-Mail-Adresse oder Passwort ist falsch");
        var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > document.documentElement.clientWidth");
        overflow.ShouldBeFalse("Die Seite ist auf 768 px breiter als der Bildschirm.");
        await ScreenshotAsync(page, "anmelden-fehler-tablet");
    }
}
