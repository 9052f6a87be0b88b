using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;

namespace Bedarfsanalyse.Web.Jobs;

/// <summary>
/// What one process of the executable does: serve pages and the API (web), work on the job queue (worker), or both.
/// Several workers on several machines share the PostgreSQL queue.
/// </summary>
public enum ServerRole
{
    Both,
    Web,
    Worker,
}

internal static class ServerRoles
{
    public static WebApplicationBuilder UseRole(this WebApplicationBuilder builder, ServerRole role)
    {
        builder.Configuration["Jobs:RunServer"] = (role != ServerRole.Web).ToString();
        if (role == ServerRole.Worker)
        {
            // A worker answers no HTTP: the host runs only its hosted services (the Hangfire server).
            builder.Services.AddSingleton<IServer, NoHttpServer>();
        }

        return builder;
    }

    private sealed class NoHttpServer : IServer
    {
        public IFeatureCollection Features { get; } = new FeatureCollection();

        public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken)
            where TContext : notnull => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public void Dispose()
        {
        }
    }
}
