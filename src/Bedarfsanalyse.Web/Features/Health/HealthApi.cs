using System.Text.Json;
using Bedarfsanalyse.Data;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Bedarfsanalyse.Web.Features.Health;

/// <summary>GET /health: 200 when the database is reachable and every migration is applied, 503 otherwise.</summary>
internal static class HealthApi
{
    public static IServiceCollection AddHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return services;
    }

    public static WebApplication MapHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = WriteAsync }).AllowAnonymous();
        return app;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status == HealthStatus.Healthy ? "bereit" : "nicht bereit",
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status == HealthStatus.Healthy ? "bereit" : "nicht bereit",
                description = e.Value.Description,
            }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}

internal sealed class DatabaseHealthCheck(BedarfsanalyseDb db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!await db.Database.CanConnectAsync(cancellationToken))
        {
            return HealthCheckResult.Unhealthy("Datenbank nicht erreichbar.");
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        return pending.Count == 0
            ? HealthCheckResult.Healthy("Datenbank erreichbar, alle Migrationen angewandt.")
            : HealthCheckResult.Unhealthy($"Ausstehende Migrationen: {string.Join(", ", pending)}.");
    }
}
