using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Bedarfsanalyse.Data;
using Bedarfsanalyse.Data.Accounts;
using Bedarfsanalyse.Web.Features.Audit;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Identity;

namespace Bedarfsanalyse.Web.Security;

/// <summary>Sign-in (Identity on PostgreSQL), API tokens, policies, scope, audit trail, rate limits.</summary>
public static class AccountServices
{
    public const string SignInPath = "/anmelden";
    public const string SignOutPath = "/abmelden";
    public const string ChangePasswordPath = "/konto/passwort";
    public const string AccessDeniedPath = "/zugriff-verweigert";

    private const string EntryScheme = "Bedarfsanalyse";

    public static WebApplicationBuilder AddAccounts(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddHttpContextAccessor();
        services.AddSingleton(TimeProvider.System);

        services.AddIdentity<AppUser, IdentityRole<Guid>>(options =>
            {
                // Length over composition rules (NIST SP 800-63B).
                options.Password.RequiredLength = 12;
                options.Password.RequiredUniqueChars = 5;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<BedarfsanalyseDb>()
            .AddErrorDescriber<GermanIdentityErrors>()
            .AddClaimsPrincipalFactory<AppClaimsPrincipalFactory>()
            .AddDefaultTokenProviders();

        var secureCookies = builder.Configuration.GetValue("Security:SecureCookiesOnly", false);
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = SignInPath;
            options.LogoutPath = SignOutPath;
            options.AccessDeniedPath = AccessDeniedPath;
            options.ReturnUrlParameter = "zurueck";
            options.Cookie.Name = "bedarfsanalyse";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = secureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            options.Events.OnValidatePrincipal = SessionStampCheck.ValidateAsync;
        });
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "bedarfsanalyse.af";
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = secureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            options.HeaderName = "X-CSRF-TOKEN";
        });

        // One entry scheme: the API speaks tokens only (a browser cookie never opens it, so no CSRF on the API),
        // pages speak the sign-in cookie. Challenges follow the same split: 401 problem details or the sign-in page.
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthentication>(ApiTokenAuthentication.SchemeName, configureOptions: null)
            .AddPolicyScheme(EntryScheme, "API-Token oder Anmeldung", options => options.ForwardDefaultSelector = context =>
                context.Request.Path.StartsWithSegments("/api") ? ApiTokenAuthentication.SchemeName : IdentityConstants.ApplicationScheme);
        services.Configure<AuthenticationOptions>(options =>
        {
            options.DefaultAuthenticateScheme = EntryScheme;
            options.DefaultChallengeScheme = EntryScheme;
            options.DefaultForbidScheme = EntryScheme;
        });

        var dataProtection = services.AddDataProtection().SetApplicationName("Bedarfsanalyse");
        if (KeyCertificate(builder.Configuration) is { } certificate)
        {
            // Encrypted at rest: a copy of the database alone then does not let anyone forge a sign-in cookie.
            dataProtection.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }

        services.AddOptions<KeyManagementOptions>()
            .Configure<IServiceScopeFactory>((options, scopes) => options.XmlRepository = new DatabaseKeyRepository(scopes));

        services.AddPolicies();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, AuditedAuthorizationResults>();
        services.AddSingleton(builder.Configuration.GetSection("Security:Refusals").Get<RefusalOptions>() ?? new RefusalOptions());
        services.AddSingleton<RefusalThrottle>();
        services.AddScoped<RefusalLog>();
        services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(options => options.Filters.Add<AntiforgeryRefusals>());
        services.AddScoped<UserScope>();
        services.AddSingleton<ApiTokenCache>();
        services.AddScoped<AuditLog>().AddScoped<AuditRetention>();
        services.AddSingleton(builder.Configuration.GetSection("Retention").Get<AuditRetentionOptions>() ?? new AuditRetentionOptions());
        services.AddRateLimits(builder.Configuration);
        return builder;
    }

    /// <summary>The certificate (PKCS#12 file, setting Security:KeyCertificatePath) that encrypts the data-protection keys, if any.</summary>
    private static X509Certificate2? KeyCertificate(IConfiguration configuration)
    {
        var path = configuration["Security:KeyCertificatePath"];
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        try
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, configuration["Security:KeyCertificatePassword"]);
            return certificate.HasPrivateKey
                ? certificate
                : throw new Commands.CommandFailedException($"Das Zertifikat {path} (Security:KeyCertificatePath) enthält keinen privaten Schlüssel.");
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new Commands.CommandFailedException(
                $"Das Zertifikat {path} (Security:KeyCertificatePath) lässt sich nicht lesen; prüfen Sie Datei und Security:KeyCertificatePassword.");
        }
    }

    /// <summary>A user who signed in with a one-time password must choose a new one before anything else.</summary>
    public static IApplicationBuilder UsePasswordChangeWhenDue(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var path = context.Request.Path;
            if (context.User.HasClaim(AppClaims.MustChangePassword, "true")
                && context.User.Identity?.AuthenticationType != ApiTokenAuthentication.SchemeName
                && !path.StartsWithSegments(ChangePasswordPath)
                && !path.StartsWithSegments(SignOutPath)
                && !path.StartsWithSegments("/css")
                && !path.StartsWithSegments("/js"))
            {
                context.Response.Redirect(ChangePasswordPath);
                return;
            }

            await next(context);
        });
}
