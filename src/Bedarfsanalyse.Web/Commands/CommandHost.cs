using Bedarfsanalyse.Web.Database;

namespace Bedarfsanalyse.Web.Commands;

/// <summary>
/// Gives an admin command the app's own services (the same use cases the pages and the API call) on the resolved
/// database, without starting the web server.
/// </summary>
internal static class CommandHost
{
    public static async Task<int> RunAsync(Func<IServiceProvider, CancellationToken, Task<int>> work, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        await using var database = await AppDatabase.OpenAsync(builder.Configuration, Console.Out, cancellationToken);
        if (database.IsPrivate)
        {
            await database.MigrateAsync(cancellationToken);
        }
        else if ((await database.PendingMigrationsAsync(cancellationToken)).Count > 0)
        {
            throw new CommandFailedException("Das Datenbankschema ist nicht aktuell. Führen Sie zuerst „migrate“ aus.");
        }

        builder.AddBedarfsanalyse();
        await using var app = builder.Build();
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider, cancellationToken);
    }
}
