using System.Diagnostics;
using Bedarfsanalyse.Core.Formatting;
using Bedarfsanalyse.Core.Periods;
using Bedarfsanalyse.Data.Interviews;
using Bedarfsanalyse.Web.Commands.Demo;
using Bedarfsanalyse.Web.Database;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Bedarfsanalyse.Web.Commands.Bench;

/// <summary>
/// The benchmark database: a fresh database on the configured server (or the private cluster), migrated and loaded
/// with a demo dataset, whose connection string then replaces ConnectionStrings:Bedarfsanalyse so every later
/// benchmark measures on the same data. Disposing drops the database (unless it is to be kept) and stops a private
/// cluster; that also happens when loading fails or is cancelled.
/// </summary>
internal sealed class BenchDataset : IAsyncDisposable
{
    private static readonly Dictionary<DemoSize, double> LoadTargetSeconds = new() { [DemoSize.S] = 10, [DemoSize.M] = 30, [DemoSize.L] = 180 };

    // The "about 12 million stored answer values" for L; S and M have no answer target of their own.
    private const double LargeAnswers = 12_000_000;

    private readonly AppDatabase _server;
    private readonly bool _keep;
    private readonly TextWriter _progress;
    private bool _disposed;

    private BenchDataset(AppDatabase server, string name, bool keep, TextWriter progress)
    {
        _server = server;
        Name = name;
        _keep = keep;
        _progress = progress;
    }

    public string Name { get; }

    /// <summary>Load time, rows and database size, as table rows.</summary>
    public IReadOnlyList<BenchmarkRow> Rows { get; private set; } = [];

    /// <summary>The network the dataset was loaded into, for the benchmarks on the database.</summary>
    public BenchNetwork? Network { get; private set; }

    public static async Task<BenchDataset> CreateAsync(IConfiguration configuration, DemoSize size, bool keep, TextWriter progress, CancellationToken cancellationToken)
    {
        var server = await AppDatabase.OpenAsync(configuration, progress, cancellationToken);
        var name = $"bench_{DateTime.UtcNow:yyyyMMdd_HHmmss}_{size}".ToLowerInvariant();
        var dataset = new BenchDataset(server, name, keep, progress);
        try
        {
            await using (var connection = new NpgsqlConnection(server.ConnectionString))
            {
                await connection.OpenAsync(cancellationToken);
                await using var create = new NpgsqlCommand($"create database \"{name}\"", connection);
                await create.ExecuteNonQueryAsync(cancellationToken);
            }

            var fresh = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = name }.ConnectionString;
            configuration[$"ConnectionStrings:{AppDatabase.ConnectionStringName}"] = fresh;
            await progress.WriteLineAsync($"Benchmark-Datenbank {name} angelegt; lade Datensatz {size} …");
            await dataset.LoadAsync(fresh, size, cancellationToken);
            return dataset;
        }
        catch
        {
            await dataset.DisposeAsync();
            throw;
        }
    }

    private async Task LoadAsync(string connectionString, DemoSize size, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.Configuration[$"ConnectionStrings:{AppDatabase.ConnectionStringName}"] = connectionString;
        await using (var database = await AppDatabase.OpenAsync(builder.Configuration, _progress, cancellationToken))
        {
            await database.MigrateAsync(cancellationToken);
        }

        builder.AddBedarfsanalyse();
        await using var app = builder.Build();
        await using var scope = app.Services.CreateAsyncScope();
        var watch = Stopwatch.StartNew();
        var result = await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(new DemoOptions(size), _progress, cancellationToken);
        watch.Stop();
        Network = await NetworkOfAsync(scope.ServiceProvider.GetRequiredService<Data.BedarfsanalyseDb>(), result.NetworkKey, cancellationToken);

        long bytes;
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync(cancellationToken);

            // A database in use has been through autovacuum, a freshly loaded one not yet: vacuum the interviews (a few
            // seconds on L; the answers would take minutes), so that index-only scans work as they would in operation.
            await using (var vacuum = new NpgsqlCommand("vacuum (analyze) interviews", connection) { CommandTimeout = 600 })
            {
                await vacuum.ExecuteNonQueryAsync(cancellationToken);
            }

            await using var command = new NpgsqlCommand("select pg_database_size(current_database())", connection);
            bytes = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        }

        var loadTarget = new BenchmarkTarget(TargetComparison.LessThan, LoadTargetSeconds[size] >= 60 ? new Quantity(LoadTargetSeconds[size] / 60, "min") : new Quantity(LoadTargetSeconds[size], "s"));
        var interviewTarget = new BenchmarkTarget(TargetComparison.About, new Quantity(new DemoOptions(size).InterviewCount, ""));
        BenchmarkTarget? answerTarget = size == DemoSize.L ? new BenchmarkTarget(TargetComparison.About, new Quantity(LargeAnswers, "")) : null;
        var megabytes = bytes / 1024.0 / 1024.0;
        Rows =
        [
            Row("dataset.load_s", $"Datensatz {size} laden (Erzeugen + COPY)", new Quantity(Math.Round(watch.Elapsed.TotalSeconds, 1), "s"),
                GermanFigureFormat.Number((decimal)watch.Elapsed.TotalSeconds, 1) + " s", loadTarget),
            Row("dataset.interviews", $"Datensatz {size}: Interviews (Verbund {result.NetworkKey}, {result.Districts} Kreise)", new Quantity(result.Interviews, ""),
                GermanFigureFormat.Count(result.Interviews), interviewTarget),
            Row("dataset.answers", $"Datensatz {size}: gespeicherte Antwortwerte", new Quantity(result.Answers, ""),
                GermanFigureFormat.Count(result.Answers), answerTarget),
            Row("dataset.database_mb", $"Datensatz {size}: Datenbankgröße", new Quantity(Math.Round(megabytes), "MB"),
                GermanFigureFormat.Number((decimal)megabytes, 0) + " MB", null),
        ];
    }

    private static BenchmarkRow Row(string id, string figure, Quantity measured, string value, BenchmarkTarget? target) =>
        new(figure, value, target is null ? "—" : BenchmarkAssessment.Describe(target), "—", id, measured, target);

    /// <summary>Its districts and the quarters the district report, the workbook and the quarterly run measure.</summary>
    private static async Task<BenchNetwork> NetworkOfAsync(Data.BedarfsanalyseDb db, string key, CancellationToken cancellationToken)
    {
        var network = await db.Networks.AsNoTracking().Where(n => n.Key == key)
            .Select(n => new { n.Id, Districts = n.Districts.Select(d => d.DistrictKey).OrderBy(d => d).ToList() })
            .SingleAsync(cancellationToken);
        var completed = db.Interviews.AsNoTracking().Where(i => i.NetworkId == network.Id && i.Status == Interview.Completed);
        var first = await completed.MinAsync(i => i.ConductedOn, cancellationToken);
        var last = await completed.MaxAsync(i => i.ConductedOn, cancellationToken);
        var current = Quarter.Of(DateOnly.FromDateTime(DateTime.Today));
        var lastComplete = await completed.Where(i => i.ConductedOn < current.FirstDay).MaxAsync(i => (DateOnly?)i.ConductedOn, cancellationToken) ?? last;
        return new BenchNetwork(key, network.Districts, Quarter.Of(first), Quarter.Of(last), Quarter.Of(lastComplete));
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            if (_keep)
            {
                await _progress.WriteLineAsync($"Benchmark-Datenbank {Name} bleibt erhalten (--keep).");
                return;
            }

            // Pooled connections of the benchmarks still point at the database.
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_server.ConnectionString);
            await connection.OpenAsync(CancellationToken.None);
            await using var drop = new NpgsqlCommand($"drop database if exists \"{Name}\" with (force)", connection);
            await drop.ExecuteNonQueryAsync(CancellationToken.None);
            await _progress.WriteLineAsync($"Benchmark-Datenbank {Name} gelöscht (behalten mit --keep).");
        }
        finally
        {
            await _server.DisposeAsync();
        }
    }
}
