using System.Net.Http.Headers;
using Bedarfsanalyse.Data;
using Bedarfsanalyse.Data.Accounts;
using Bedarfsanalyse.Web;
using Bedarfsanalyse.Web.Features.ApiTokens;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bedarfsanalyse.Testing;

/// <summary>The app composed exactly as serve composes it, on an in-memory server, talking to a real database.</summary>
public sealed class TestApp : IAsyncDisposable
{
    /// <summary>Password of every user made by <see cref="CreateUserAsync"/>.</summary>
    public const string Password = "ein langes Testpasswort";

    private readonly WebApplication _app;

    private TestApp(WebApplication app, Uri? address)
    {
        _app = app;
        Address = address;
        Client = address is null
            ? app.GetTestClient()
            : new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = address };
    }

    /// <summary>An anonymous client that does not follow redirects.</summary>
    public HttpClient Client { get; }

    /// <summary>Where a real browser reaches the app (only for <see cref="StartOnLoopbackAsync"/>).</summary>
    public Uri? Address { get; }

    public IServiceProvider Services => _app.Services;

    public static Task<TestApp> StartAsync(string connectionString, IDictionary<string, string?>? settings = null) =>
        StartAsync(connectionString, settings, onLoopback: false);

    /// <summary>
    /// The app with endpoints that exist only in this test host (e.g. one that throws), mapped after the app's own,
    /// so that they run through the app's whole pipeline.
    /// </summary>
    public static Task<TestApp> StartWithTestEndpointsAsync(string connectionString, Action<WebApplication> testEndpoints, IDictionary<string, string?>? settings = null) =>
        StartAsync(connectionString, settings, onLoopback: false, testEndpoints);

    /// <summary>The app on Kestrel at a free port of 127.0.0.1, for a real browser.</summary>
    public static Task<TestApp> StartOnLoopbackAsync(string connectionString, IDictionary<string, string?>? settings = null) =>
        StartAsync(connectionString, settings, onLoopback: true);

    private static async Task<TestApp> StartAsync(string connectionString, IDictionary<string, string?>? settings, bool onLoopback, Action<WebApplication>? testEndpoints = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Testing",
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration["ConnectionStrings:Bedarfsanalyse"] = connectionString;
        // Tests sign in far more often than a person; the rate-limit test sets its own, low value.
        builder.Configuration["RateLimits:SignInAttemptsPerMinute"] = "10000";
        builder.Configuration["RateLimits:TokenRequestsPerMinute"] = "10000";
        // Job tests start a server of their own; everything else enqueues at most.
        builder.Configuration["Jobs:RunServer"] = "false";
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.Configuration[key] = value;
        }

        builder.Logging.AddProvider(new TestLog());
        if (onLoopback)
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
        }
        else
        {
            builder.WebHost.UseTestServer();
        }

        builder.AddBedarfsanalyse();
        var app = builder.Build();
        app.MapBedarfsanalyse();
        testEndpoints?.Invoke(app);
        await app.StartAsync();
        return new TestApp(app, onLoopback ? new Uri(app.Urls.First()) : null);
    }

    /// <summary>A browser-like session: keeps cookies, sends antiforgery tokens, does not follow redirects.</summary>
    public WebSession NewSession() => new(_app.GetTestServer());

    /// <summary>A browser-like session that talks HTTPS to the app (https://localhost/).</summary>
    public WebSession NewHttpsSession() => new(_app.GetTestServer(), new Uri("https://localhost/"));

    /// <summary>A signed-in session for the user.</summary>
    public async Task<WebSession> SignInAsync(string email, string password = Password)
    {
        var session = NewSession();
        var response = await session.SignInAsync(email, password);
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Anmeldung von {email} fehlgeschlagen: {(int)response.StatusCode}");
        }

        return session;
    }

    /// <summary>Creates a user with <see cref="Password"/>, no pending password change.</summary>
    public async Task<Guid> CreateUserAsync(string email, string[] roles, string? network = null, params string[] districts)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var db = scope.ServiceProvider.GetRequiredService<BedarfsanalyseDb>();
        var networkId = network is null ? (int?)null : await db.Networks.Where(n => n.Key == network).Select(n => n.Id).SingleAsync();
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email.Split('@')[0], NetworkId = networkId };
        user.Districts.AddRange(districts.Select(d => new UserDistrict { DistrictKey = d }));
        var created = await users.CreateAsync(user, Password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
        }

        await users.AddToRolesAsync(user, roles);
        return user.Id;
    }

    /// <summary>An API client authenticated with a fresh personal token of the user.</summary>
    public async Task<HttpClient> ApiClientAsync(Guid userId)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var tokens = scope.ServiceProvider.GetRequiredService<ApiTokenService>();
        var token = (await tokens.CreateAsync(userId, "Test", 30, CancellationToken.None)).Value!;
        return ApiClient(token);
    }

    public HttpClient ApiClient(string token)
    {
        var client = Address is null ? _app.GetTestClient() : new HttpClient { BaseAddress = Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
    }
}
