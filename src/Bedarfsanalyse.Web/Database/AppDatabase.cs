using Bedarfsanalyse.Data;
using Bedarfsanalyse.Data.Postgres;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Bedarfsanalyse.Web.Database;

/// <summary>
/// The database the app runs on: the configured connection string (ConnectionStrings:Bedarfsanalyse), or else the
/// checkout's private PostgreSQL cluster, started here and released on dispose.
/// </summary>
internal sealed class AppDatabase : IAsyncDisposable
{
    public const string ConnectionStringName = "Bedarfsanalyse";
    public const string SettingName = "ConnectionStrings:Bedarfsanalyse (Umgebungsvariable ConnectionStrings__Bedarfsanalyse)";

    private readonly PrivateCluster? _cluster;

    private AppDatabase(string connectionString, PrivateCluster? cluster)
    {
        ConnectionString = connectionString;
        _cluster = cluster;
    }

    public string ConnectionString { get; }

    /// <summary>True when the database is the checkout's private cluster (development and demo).</summary>
    public bool IsPrivate => _cluster is not null;

    /// <summary>Resolves the database and writes its connection string back into the configuration.</summary>
    public static async Task<AppDatabase> OpenAsync(IConfiguration configuration, TextWriter log, CancellationToken cancellationToken)
    {
        var configured = configuration.GetConnectionString(ConnectionStringName);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var database = new AppDatabase(configured, cluster: null);
            await database.CheckReachableAsync(cancellationToken);
            return database;
        }

        var options = configuration.GetSection("PrivateDatabase").Get<PrivateDatabaseOptions>() ?? new PrivateDatabaseOptions();
        var cluster = await PrivateCluster.StartAsync(options.ResolveDataDirectory(), log, cancellationToken);
        try
        {
            await cluster.EnsureDatabaseAsync(options.Database, cancellationToken);
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }

        var connectionString = cluster.ConnectionString(options.Database);
        configuration[$"ConnectionStrings:{ConnectionStringName}"] = connectionString;
        return new AppDatabase(connectionString, cluster);
    }

    public BedarfsanalyseDb CreateContext()
    {
        var options = new DbContextOptionsBuilder<BedarfsanalyseDb>();
        BedarfsanalyseDb.Configure(options, ConnectionString);
        return new BedarfsanalyseDb(options.Options);
    }

    /// <summary>Applies every pending migration; returns the names of those applied.</summary>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var db = CreateContext();
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await db.Database.MigrateAsync(cancellationToken);
        return pending;
    }

    public async Task<IReadOnlyList<string>> PendingMigrationsAsync(CancellationToken cancellationToken)
    {
        await using var db = CreateContext();
        return (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }

    private async Task CheckReachableAsync(CancellationToken cancellationToken)
    {
        NpgsqlConnectionStringBuilder parsed;
        try
        {
            parsed = new NpgsqlConnectionStringBuilder(ConnectionString);
        }
        catch (ArgumentException e)
        {
            throw new DatabaseUnavailableException($"{SettingName} ist keine gültige Verbindungszeichenfolge: {e.Message}", e);
        }

        try
        {
            await using var connection = new NpgsqlConnection(ConnectionString);
            await connection.OpenAsync(cancellationToken);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            var where = $"Host={parsed.Host}, Port={parsed.Port}, Database={parsed.Database}, Username={parsed.Username}";
            throw new DatabaseUnavailableException(
                $"Die Datenbank ist nicht erreichbar ({where}): {e.Message.TrimEnd('.')}. Prüfen Sie {SettingName}.", e);
        }
    }
}
