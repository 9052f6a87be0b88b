using Bedarfsanalyse.Data;
using Npgsql;

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

        // The app leaves no session state on a pooled connection (settings are SET LOCAL, temporary tables ON COMMIT
        // DROP, the one session advisory lock is released in a finally), so the reset Npgsql sends on every reuse
        // (advisory unlock, CLOSE ALL, UNLISTEN, RESET ALL, ...) only costs time: docs/adr/0024-interview-api-speed.md.
        // Hangfire's storage keeps its own pool on the plain connection string.
        var withoutReset = new NpgsqlConnectionStringBuilder(connectionString) { NoResetOnClose = true }.ConnectionString;
        builder.Services.AddDbContextPool<BedarfsanalyseDb>(options => BedarfsanalyseDb.Configure(options, withoutReset));
        return builder;
    }
}
