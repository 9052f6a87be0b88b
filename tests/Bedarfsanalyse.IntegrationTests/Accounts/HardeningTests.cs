using System.Net;
using Bedarfsanalyse.Testing;
using Microsoft.EntityFrameworkCore;

namespace Bedarfsanalyse.IntegrationTests.Accounts;

public sealed class HardeningTests(TestDatabase database) : AppTest(database)
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["RateLimits:SignInAttemptsPerMinute"] = "3" };

    [Fact]
    public async Task A_form_post_without_the_antiforgery_token_is_refused_and_changes_nothing()
    {
        using var session = await App.SignInAsync("admin@example.org");

        var response = await session.PostWithoutTokenAsync("/admin/benutzer/neu",
            [new("Form.Email", "untergeschoben@example.org"), new("Form.DisplayName", "X"), new("Form.Roles", "Admin")]);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        await using var db = CreateDb();
        (await db.Users.AnyAsync(u => u.Email == "untergeschoben@example.org")).ShouldBeFalse();
    }

    [Fact]
    public async Task A_tampered_sign_in_cookie_counts_as_not_signed_in()
    {
        using var session = await App.SignInAsync("admin@example.org");
        var cookie = session.Cookies.GetCookies(new Uri("http://localhost/"))["bedarfsanalyse"]!;
        var chars = cookie.Value.ToCharArray();
        chars[chars.Length / 2] = chars[chars.Length / 2] == 'A' ? 'B' : 'A';
        cookie.Value = new string(chars);

        var response = await session.GetAsync("/admin/benutzer");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.AbsolutePath.ShouldBe("/anmelden");
    }

    [Fact]
    public async Task Sign_in_attempts_beyond_the_limit_are_answered_429()
    {
        using var session = App.NewSession();
        for (var i = 0; i < 3; i++)
        {
            (await session.SignInAsync("nobody@example.org", "falsch")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var response = await session.SignInAsync("nobody@example.org", "falsch");

        response.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Pages_carry_security_headers_and_cookies_are_http_only_and_same_site()
    {
        using var session = App.NewSession();
        var page = await session.GetAsync("/anmelden");
        var signIn = await session.SignInAsync("admin@example.org", TestApp.Password);

        page.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("frame-ancestors 'none'");
        page.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        page.Headers.GetValues("X-Frame-Options").Single().ShouldBe("DENY");
        page.Headers.GetValues("Referrer-Policy").Single().ShouldBe("same-origin");
        var authCookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("bedarfsanalyse=", StringComparison.Ordinal));
        authCookie.ShouldContain("httponly", Case.Insensitive);
        authCookie.ShouldContain("samesite=strict", Case.Insensitive);
    }

    [Fact]
    public async Task An_unknown_page_is_answered_with_a_German_404_page_and_an_unknown_API_path_with_problem_details()
    {
        using var session = await App.SignInAsync("admin@example.org");
        using var api = await App.ApiClientAsync(AdminId);

        var (response, page) = await session.GetPageAsync("/gibt-es-nicht");
        var apiResponse = await api.GetAsync("/api/v1/establishments/" + Guid.NewGuid());

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        page.QuerySelector("h1")!.TextContent.ShouldBe("Seite nicht gefunden");
        apiResponse.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        apiResponse.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await apiResponse.Content.ReadAsStringAsync()).ShouldContain("Nicht gefunden");
    }
}
