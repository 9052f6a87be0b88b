using System.Diagnostics;
using Bedarfsanalyse.Core.Formatting;
using Bedarfsanalyse.Web.Commands.Demo;
using Bedarfsanalyse.Web.Database;
using Npgsql;

namespace Bedarfsanalyse.Web.Commands.Bench;

/// <summary>
/// The benchmark database: a fresh database on the configured server (or the private cluster), migrated and loaded
/// with a demo dataset, whose connection string then replaces ConnectionStrings:Bedarfsanalyse so every later
/// benchmark measures on the same data. Disposing keeps the database (for inspection) but stops a private cluster.
/// </summary>
internal sealed class BenchDataset : IAsyncDisposable
{
    private static readonly Dictionary<DemoSize, string> Targets = new() { [DemoSize.S] = "< 10 s", [DemoSize.M] = "< 30 s", [DemoSize.L] = "< 3 min" };

    private readonly AppDatabase _server;

    private BenchDataset(AppDatabase server, IReadOnlyList<BenchmarkRow> rows)
    {
        _server = server;
        Rows = rows;
    }

    /// <summary>Load time, rows and database size, as table rows.</summary>
    public IReadOnlyList<BenchmarkRow> Rows { get; }

    public static async Task<BenchDataset> CreateAsync(IConfiguration configuration, DemoSize size, TextWriter progress, CancellationToken cancellationToken)
    {
        var server = await AppDatabase.OpenAsync(configuration, progress, cancellationToken);
        try
        {
            var name = $"bench_{DateTime.UtcNow:yyyyMMdd_HHmmss}_{size}".ToLowerInvariant();
            await using (var connection = new NpgsqlConnection(server.ConnectionString))
            {
                await connection.OpenAsync(cancellationToken);
                await using var create = new NpgsqlCommand($"create database \"{name}\"", connection);
                await create.ExecuteNonQueryAsync(cancellationToken);
            }

            var fresh = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = name }.ConnectionString;
            configuration[$"ConnectionStrings:{AppDatabase.ConnectionStringName}"] = fresh;
            await progress.WriteLineAsync($"Benchmark-Datenbank {name} angelegt; lade Datensatz {size} …");

            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
            builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
            builder.Configuration[$"ConnectionStrings:{AppDatabase.ConnectionStringName}"] = fresh;
            await using (var database = await AppDatabase.OpenAsync(builder.Configuration, progress, cancellationToken))
            {
                await database.MigrateAsync(cancellationToken);
            }

            builder.AddBedarfsanalyse();
            await using var app = builder.Build();
            await using var scope = app.Services.CreateAsyncScope();
            var watch = Stopwatch.StartNew();
            var result = await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(new DemoOptions(size), progress, cancellationToken);
            watch.Stop();

            long bytes;
            await using (var connection = new NpgsqlConnection(fresh))
            {
                await connection.OpenAsync(cancellationToken);
                await using var command = new NpgsqlCommand("select pg_database_size(current_database())", connection);
                bytes = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
            }

            return new BenchDataset(server,
            [
                new($"Datensatz {size} laden (Erzeugen + COPY)", $"{GermanFigureFormat.Number((decimal)watch.Elapsed.TotalSeconds, 1)} s", Targets[size], "—"),
                new($"Datensatz {size}: Interviews / Antworten", $"{GermanFigureFormat.Count(result.Interviews)} / {GermanFigureFormat.Count(result.Answers)}", "—", "—"),
                new($"Datensatz {size}: Datenbankgröße", $"{GermanFigureFormat.Number(bytes / 1024m / 1024m, 0)} MB", "—", "—"),
            ]);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
