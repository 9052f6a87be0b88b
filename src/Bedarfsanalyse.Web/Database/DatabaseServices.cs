using Bedarfsanalyse.Data;

namespace Bedarfsanalyse.Web.Database;

internal static class DatabaseServices
{
    /// <summary>Registers the DbContext (pooled) on the connection string that <see cref="AppDatabase"/> resolved.</summary>
    public static WebApplicationBuilder AddDatabase(this WebApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString(AppDatabase.ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new DatabaseUnavailableException($"Keine Datenbank konfiguriert: {AppDatabase.SettingName} ist leer.");
        }

        builder.Services.AddDbContextPool<BedarfsanalyseDb>(options => BedarfsanalyseDb.Configure(options, connectionString));
        return builder;
    }
}
