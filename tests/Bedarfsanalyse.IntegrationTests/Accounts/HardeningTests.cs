using System.Net;
using Bedarfsanalyse.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Bedarfsanalyse.IntegrationTests.Accounts;

public sealed class HardeningTests(TestDatabase database) : AppTest(database)
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RateLimits:SignInAttemptsPerMinute"] = "3",
        ["RateLimits:TokenRequestsPerMinute"] = "2",
    };

    [Fact]
    public async Task A_form_post_without_the_antiforgery_token_is_refused_and_changes_nothing()
    {
        using var session = await App.SignInAsync("admin@example.org");

        var response = await session.PostWithoutTokenAsync("/admin/benutzer/neu",
            [new("Form.Email", "untergeschoben@example.org"), new("Form.DisplayName", "X"), new("Form.Roles", "Admin")]);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        await using var db = CreateDb();
        (await db.Users.AnyAsync(u => u.Email == "untergeschoben@example.org")).ShouldBeFalse();
        var refused = await db.AuditEvents.SingleAsync(e => e.Action == "request-refused");
        refused.ActorName.ShouldBe("admin@example.org");
        refused.SubjectId.ShouldBe("POST /admin/benutzer/neu");
        refused.Details!.ShouldContain("\"reason\": \"antiforgery\"");
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
        await using var db = CreateDb();
        var refused = await db.AuditEvents.SingleAsync(e => e.Action == "request-refused");
        refused.SubjectId.ShouldBe("GET /admin/benutzer");
        refused.ActorName.ShouldBeNull();
        refused.Details!.ShouldContain("\"reason\": \"cookie-invalid\"");
    }

    [Fact]
    public async Task A_request_without_any_credentials_is_sent_to_sign_in_without_an_audit_entry()
    {
        var response = await App.Client.GetAsync("/admin/benutzer");

        response.Headers.Location!.AbsolutePath.ShouldBe("/anmelden");
        await using var db = CreateDb();
        (await db.AuditEvents.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Each_user_has_their_own_limit_for_creating_tokens()
    {
        using var analyst = await App.SignInAsync("analyst@example.org");
        using var steering = await App.SignInAsync("steering@example.org");

        var first = await CreateTokenAsync(analyst);
        var second = await CreateTokenAsync(analyst);
        var third = await CreateTokenAsync(analyst);
        var other = await CreateTokenAsync(steering);

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        third.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        other.StatusCode.ShouldBe(HttpStatusCode.OK);
        await using var db = CreateDb();
        (await db.ApiTokens.CountAsync(t => t.UserId == AnalystId)).ShouldBe(2);
        (await db.ApiTokens.CountAsync(t => t.UserId == SteeringId)).ShouldBe(1);
    }

    private static Task<HttpResponseMessage> CreateTokenAsync(WebSession session) =>
        session.SubmitAsync("/konto/tokens", [new("Form.Name", "Skript"), new("Form.ValidityDays", "30")], formAction: "Create");

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
        page.Headers.Contains("Strict-Transport-Security").ShouldBeFalse();
    }

    [Fact]
    public async Task Over_HTTPS_the_cookies_are_secure_and_the_browser_is_told_to_stay_on_HTTPS()
    {
        using var session = App.NewHttpsSession();

        var page = await session.GetAsync("/anmelden");
        var signIn = await session.SignInAsync("admin@example.org", TestApp.Password);

        page.Headers.GetValues("Strict-Transport-Security").Single().ShouldBe("max-age=31536000");
        page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("bedarfsanalyse.af=", StringComparison.Ordinal)).ShouldContain("secure", Case.Insensitive);
        signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("bedarfsanalyse=", StringComparison.Ordinal)).ShouldContain("secure", Case.Insensitive);
        (await session.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task With_secure_cookies_only_a_form_is_never_handed_out_over_plain_HTTP()
    {
        await using var app = await TestApp.StartAsync(Database.ConnectionString, new Dictionary<string, string?> { ["Security:SecureCookiesOnly"] = "true" });
        using var plain = app.NewSession();
        using var https = app.NewHttpsSession();

        var refused = await plain.GetAsync("/anmelden");
        var served = await https.GetAsync("/anmelden");

        refused.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        refused.Headers.TryGetValues("Set-Cookie", out var cookies).ShouldBeFalse(string.Join("; ", cookies ?? []));
        served.StatusCode.ShouldBe(HttpStatusCode.OK);
        served.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("bedarfsanalyse.af=", StringComparison.Ordinal)).ShouldContain("secure", Case.Insensitive);
    }

    [Fact]
    public async Task Behind_a_TLS_proxy_with_forwarded_headers_enabled_the_app_sets_secure_cookies_and_HSTS()
    {
        var environment = new Dictionary<string, string?>
        {
            ["ConnectionStrings__Bedarfsanalyse"] = Database.ConnectionString,
            ["ASPNETCORE_FORWARDEDHEADERS_ENABLED"] = "true",
            ["Security__SecureCookiesOnly"] = "true",
            ["Jobs__RunServer"] = "false",
        };
        await using var serve = AppProcess.Start(environment, "serve", "--urls", "http://127.0.0.1:0");
        var url = await serve.WaitForUrlAsync(TimeSpan.FromSeconds(90));
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, "/anmelden"));
        request.Headers.Add("X-Forwarded-Proto", "https");

        var response = await http.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.GetValues("Strict-Transport-Security").Single().ShouldBe("max-age=31536000");
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("bedarfsanalyse.af=", StringComparison.Ordinal)).ShouldContain("secure", Case.Insensitive);
        serve.Signal("TERM");
        (await serve.WaitForExitAsync(TimeSpan.FromSeconds(30))).ShouldBeTrue();
    }

    [Fact]
    public async Task An_unhandled_error_shows_the_German_error_page_and_problem_details_without_a_stack_trace()
    {
        const string secret = "Geheimnis aus dem Inneren der Anwendung";
        await using var app = await TestApp.StartWithTestEndpointsAsync(Database.ConnectionString, endpoints =>
        {
            endpoints.MapGet("/test/ausnahme", string () => throw new InvalidOperationException(secret)).AllowAnonymous();
            endpoints.MapGet("/api/v1/test/ausnahme", string () => throw new InvalidOperationException(secret)).AllowAnonymous();
        });
        using var session = app.NewSession();

        var (response, page) = await session.GetPageAsync("/test/ausnahme");
        var api = await app.Client.GetAsync("/api/v1/test/ausnahme");

        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        page.QuerySelector("h1")!.TextContent.ShouldBe("Ein Fehler ist aufgetreten");
        page.QuerySelector("main")!.TextContent.ShouldContain("Vorgangsnummer");
        var html = page.DocumentElement.OuterHtml;
        html.ShouldNotContain(secret);
        html.ShouldNotContain("InvalidOperationException");
        html.ShouldNotContain(" at ");
        api.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        api.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await api.Content.ReadAsStringAsync();
        problem.ShouldContain("Interner Fehler");
        problem.ShouldNotContain(secret);
        problem.ShouldNotContain("InvalidOperationException");
    }

    [Fact]
    public async Task With_a_key_certificate_the_data_protection_keys_are_stored_encrypted_and_sign_in_still_works()
    {
        var certificateFile = Path.Combine(Path.GetTempPath(), $"bedarfsanalyse-keys-{Guid.NewGuid():N}.pfx");
        using (var rsa = System.Security.Cryptography.RSA.Create(2048))
        {
            var request = new System.Security.Cryptography.X509Certificates.CertificateRequest(
                "CN=Bedarfsanalyse Schlüssel", rsa, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            await File.WriteAllBytesAsync(certificateFile, certificate.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx, "geheim"));
        }

        try
        {
            await using (var db = CreateDb())
            {
                await db.DataProtectionKeys.ExecuteDeleteAsync();
            }

            await using var app = await TestApp.StartAsync(Database.ConnectionString, new Dictionary<string, string?>
            {
                ["Security:KeyCertificatePath"] = certificateFile, ["Security:KeyCertificatePassword"] = "geheim",
            });
            using var session = await app.SignInAsync("admin@example.org");

            (await session.GetAsync("/admin/benutzer")).StatusCode.ShouldBe(HttpStatusCode.OK);
            await using var check = CreateDb();
            var keys = await check.DataProtectionKeys.Select(k => k.Xml).ToListAsync();
            keys.ShouldNotBeEmpty();
            keys.ShouldAllBe(xml => xml.Contains("encryptedSecret") && !xml.Contains("<masterKey"));
        }
        finally
        {
            File.Delete(certificateFile);
        }
    }

    [Fact]
    public async Task An_unreadable_key_certificate_stops_the_command_with_one_German_line()
    {
        var environment = new Dictionary<string, string?>
        {
            ["ConnectionStrings__Bedarfsanalyse"] = Database.ConnectionString, ["Security__KeyCertificatePath"] = "/gibt/es/nicht.pfx",
        };

        await using var command = AppProcess.Start(environment, "apply-retention");
        (await command.WaitForExitAsync(TimeSpan.FromSeconds(60))).ShouldBeTrue();

        command.ExitCode.ShouldBe(1);
        command.Errors.Trim().ShouldBe("Fehler: Das Zertifikat /gibt/es/nicht.pfx (Security:KeyCertificatePath) lässt sich nicht lesen; prüfen Sie Datei und Security:KeyCertificatePassword.");
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
