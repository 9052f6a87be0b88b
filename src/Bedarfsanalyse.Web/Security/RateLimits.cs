using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Bedarfsanalyse.Web.Security;

/// <summary>Limits on the endpoints worth guessing against: sign-in attempts per address, token creation per user.</summary>
public static class RateLimits
{
    public const string SignIn = "sign-in";
    public const string Tokens = "tokens";

    public static IServiceCollection AddRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("RateLimits").Get<RateLimitOptions>() ?? new RateLimitOptions();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = async (context, cancellationToken) =>
                await Results.Problem(
                        statusCode: StatusCodes.Status429TooManyRequests,
                        title: "Zu viele Versuche",
                        detail: "Bitte warten Sie eine Minute und versuchen Sie es dann erneut.")
                    .ExecuteAsync(context.HttpContext);

            // Only attempts count: showing the sign-in form is free.
            limiter.AddPolicy(SignIn, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => Window(options.SignInAttemptsPerMinute))
                : RateLimitPartition.GetNoLimiter("read"));

            // Runs after authentication (see AppComposition), so the partition is the signed-in user.
            limiter.AddPolicy(Tokens, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(
                    context.User.UserIdText() ?? context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => Window(options.TokenRequestsPerMinute))
                : RateLimitPartition.GetNoLimiter("read"));
        });
        return services;
    }

    private static FixedWindowRateLimiterOptions Window(int permits) =>
        new() { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 };

    private sealed class RateLimitOptions
    {
        public int SignInAttemptsPerMinute { get; set; } = 10;

        public int TokenRequestsPerMinute { get; set; } = 10;
    }
}
