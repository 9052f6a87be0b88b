using Bedarfsanalyse.Data;
using Bedarfsanalyse.Data.Postgres;
using Bedarfsanalyse.Web.Database;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Respawn;
using Respawn.Graph;
using Testcontainers.PostgreSql;

namespace Bedarfsanalyse.Testing;

/// <summary>
/// The real PostgreSQL the integration tests run on: BEDARFSANALYSE_TEST_DB when set; else a Testcontainers
/// container when a Docker engine answers; else the checkout's private cluster, the same one the run command uses.
/// Migrations run once per test run; <see cref="ResetAsync"/> empties the data between tests and keeps reference data.
/// </summary>
public sealed class TestDatabase : IAsyncLifetime
{
    /// <summary>Every test project defines [CollectionDefinition(CollectionName)] with this fixture; its tests run one after the other.</summary>
    public const string CollectionName = "database";

    /// <summary>One database per test project (bedarfsanalyse_integrationtests, ...), so that projects may run side by side.</summary>
    public static string PrivateDatabaseName { get; } = "bedarfsanalyse_" + new DirectoryInfo(AppContext.BaseDirectory).Parent!.Parent!.Name
        .Replace("Bedarfsanalyse.", "", StringComparison.Ordinal).ToLowerInvariant().Replace('.', '_');

    /// <summary>Reference data filled by migrations that no test changes, and the audit trail (emptied on its own): Respawn leaves these tables.</summary>
    private static readonly Table[] FixedTables =
    [
        new("public", "__EFMigrationsHistory"), new("public", "states"), new("public", "sector_groups"),
        new("public", "sectors"), new("public", "size_classes"), new("public", "respondent_groups"),
        new("public", "roles"), new("public", AuditTable),
    ];

    /// <summary>Reference data that tests may change (network presets, districts, consent texts): emptied and restored from a snapshot taken after migrating.</summary>
    private static readonly string[] RestoredTables = ["districts", "networks", "network_districts", "consent_texts"];

    /// <summary>
    /// The audit trail refuses DELETE and TRUNCATE by trigger; the reset lifts that one trigger for its own TRUNCATE,
    /// inside a transaction, so no other connection ever sees the table unprotected.
    /// </summary>
    private const string AuditTable = "audit_events";

    private const string EmptyAuditTrail = $"""
        begin;
        alter table public.{AuditTable} disable trigger audit_events_no_truncate;
        truncate public.{AuditTable};
        alter table public.{AuditTable} enable trigger audit_events_no_truncate;
        commit;
        """;

    private PrivateCluster? _cluster;
    private PostgreSqlContainer? _container;
    private Respawner? _respawner;

    public string ConnectionString { get; private set; } = "";

    /// <summary>Where the database came from, for test output.</summary>
    public string Source { get; private set; } = "";

    /// <summary>The private cluster, when the tests run on it (to make further databases).</summary>
    public PrivateCluster? Cluster => _cluster;

    public async Task InitializeAsync()
    {
        var configured = Environment.GetEnvironmentVariable("BEDARFSANALYSE_TEST_DB");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            ConnectionString = configured;
            Source = "BEDARFSANALYSE_TEST_DB";
        }
        else if (await TryStartContainerAsync() is { } container)
        {
            _container = container;
            ConnectionString = container.GetConnectionString();
            Source = "Testcontainers";
        }
        else
        {
            _cluster = await PrivateCluster.StartAsync(new PrivateDatabaseOptions().ResolveDataDirectory(), TextWriter.Null);
            await _cluster.RecreateDatabaseAsync(PrivateDatabaseName);
            ConnectionString = _cluster.ConnectionString(PrivateDatabaseName);
            Source = "private cluster " + _cluster.DataDirectory;
        }

        await using (var db = CreateDb())
        {
            await db.Database.MigrateAsync();
        }

        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        var snapshot = "create schema if not exists test_snapshot;" + string.Concat(RestoredTables.Select(t =>
            $"drop table if exists test_snapshot.{t}; create table test_snapshot.{t} as table public.{t};"));
        await using (var command = new NpgsqlCommand(snapshot, connection))
        {
            await command.ExecuteNonQueryAsync();
        }

        _respawner = await Respawner.CreateAsync(connection, new RespawnerOptions
        {
            DbAdapter = DbAdapter.Postgres,
            SchemasToInclude = ["public"],
            TablesToIgnore = FixedTables,
        });
    }

    /// <summary>Empties every table and restores the reference data as the migrations left it.</summary>
    public async Task ResetAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await _respawner!.ResetAsync(connection);
        var restore = EmptyAuditTrail + string.Concat(RestoredTables.Select(t => $"insert into public.{t} select * from test_snapshot.{t};"));
        await using var command = new NpgsqlCommand(restore, connection);
        await command.ExecuteNonQueryAsync();
    }

    public BedarfsanalyseDb CreateDb()
    {
        var options = new DbContextOptionsBuilder<BedarfsanalyseDb>();
        BedarfsanalyseDb.Configure(options, ConnectionString);
        return new BedarfsanalyseDb(options.Options);
    }

    /// <summary>A further, empty database on the same server, for tests that need one without migrations.</summary>
    public async Task<string> CreateEmptyDatabaseAsync(string name)
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres" };
        await using (var connection = new NpgsqlConnection(builder.ConnectionString))
        {
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"drop database if exists \"{name}\" with (force)", connection);
            await drop.ExecuteNonQueryAsync();
            await using var create = new NpgsqlCommand($"create database \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        builder.Database = name;
        return builder.ConnectionString;
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }

        if (_container is not null)
        {
            await _container.DisposeAsync();
        }
    }

    private static async Task<PostgreSqlContainer?> TryStartContainerAsync()
    {
        try
        {
            var container = new PostgreSqlBuilder("postgres:15").Build();
            await container.StartAsync();
            return container;
        }
        catch (Exception e) when (e.GetType().Name is "DockerUnavailableException" or "DockerApiException" || e is HttpRequestException or TimeoutException)
        {
            // No Docker engine here: fall back to the private cluster.
            return null;
        }
    }
}

