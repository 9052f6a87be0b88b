using Bedarfsanalyse.Data.Accounts;
using Microsoft.AspNetCore.Authorization;

namespace Bedarfsanalyse.Web.Security;

/// <summary>
/// The authorization policies. Every page and endpoint names one of them (or AllowAnonymous); the fallback
/// policy makes anything that forgets to require at least a signed-in user.
/// </summary>
public static class Policies
{
    public const string Admin = nameof(Admin);
    public const string Interviewer = nameof(Interviewer);
    public const string Steering = nameof(Steering);
    public const string Analyst = nameof(Analyst);

    /// <summary>Interviewers (with contact data in their districts) and analysts (pseudonyms only) work with establishments.</summary>
    public const string Establishments = nameof(Establishments);

    /// <summary>Steering members and analysts read reports (analysts also workbooks); the archive decides per file.</summary>
    public const string Reports = nameof(Reports);

    /// <summary>Any signed-in user of a network or an admin.</summary>
    public const string SignedIn = nameof(SignedIn);

    /// <summary>Scripts and other clients: a valid personal API token, whatever the role.</summary>
    public const string Api = nameof(Api);

    public static IServiceCollection AddPolicies(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Admin, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Interviewer, p => p.RequireRole(Roles.Interviewer, Roles.Admin))
            .AddPolicy(Steering, p => p.RequireRole(Roles.Steering, Roles.Admin))
            .AddPolicy(Analyst, p => p.RequireRole(Roles.Analyst, Roles.Admin))
            .AddPolicy(Establishments, p => p.RequireRole(Roles.Interviewer, Roles.Analyst, Roles.Admin))
            .AddPolicy(Reports, p => p.RequireRole(Roles.Steering, Roles.Analyst, Roles.Admin))
            .AddPolicy(SignedIn, p => p.RequireAuthenticatedUser())
            .AddPolicy(Api, p => p.AddAuthenticationSchemes(ApiTokenAuthentication.SchemeName).RequireAuthenticatedUser());
        return services;
    }
}
