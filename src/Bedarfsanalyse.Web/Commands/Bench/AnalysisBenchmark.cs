using System.Diagnostics;
using System.Runtime.CompilerServices;
using Bedarfsanalyse.Core.Analysis;
using Bedarfsanalyse.Core.Formatting;
using Bedarfsanalyse.Core.Periods;
using Bedarfsanalyse.Data;
using Bedarfsanalyse.Data.Interviews;
using Bedarfsanalyse.Web.Database;
using Bedarfsanalyse.Web.Features.Analysis;
using Bedarfsanalyse.Web.Features.Reports;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Bedarfsanalyse.Web.Commands.Bench;

/// <summary>
/// The analysis engine (issue 7): the complete model of every district of one quarter plus the network total (every
/// analysable item, each for the quarter, the one before, a year before and the rolling values), against a baseline
/// measured in the same process: one plain GROUP BY over the same quarter's answers giving the raw counts per
/// district × question × option. Two runs: the first of a quarter (all eight quarters the model rests on are counted)
/// and the regular quarterly run (the earlier quarters were counted for earlier reports; only the report quarter is).
/// </summary>
internal sealed class AnalysisBenchmark : IBenchmark
{
    private const string Baseline = """
        select i.district_key, a.question, a.item, coalesce(a.code, a.text) as code, count(*)
        from interviews i
        join answers a on a.interview_id = i.id
        where i.network_id = @network and i.status = 'completed' and i.conducted_on >= @from and i.conducted_on < @to
        group by 1, 2, 3, 4
        """;

    public string Name => "analysis";

    public async IAsyncEnumerable<BenchmarkRow> RunAsync(BenchmarkContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var database = await AppDatabase.OpenAsync(context.Configuration, context.Progress, cancellationToken);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{AppDatabase.ConnectionStringName}"] = database.ConnectionString,
        });
        builder.AddBedarfsanalyse();
        await using var app = builder.Build();

        var chosen = await ChooseAsync(app.Services, context.Network, cancellationToken);
        if (chosen is not var (networkId, networkKey, districts, quarter))
        {
            yield return new BenchmarkRow("Analysemodell: keine Verbünde mit Interviews in der Datenbank", "–", "< 5 s", "–");
            yield break;
        }

        context.Progress.WriteLine($"analysis: Verbund {networkKey}, {districts} Kreise, {quarter.ToGermanShortString()} …");
        var counts = app.Services.GetRequiredService<AnswerCountCache>();
        var models = app.Services.GetRequiredService<AnalysisModelCache>();

        // Warm-up: JIT and PostgreSQL's caches, as for the baseline below.
        await ModelAsync(app.Services, networkKey, districts, quarter, cancellationToken);
        var baseline = await BaselineAsync(database.ConnectionString, networkId, quarter, cancellationToken);

        counts.Forget(networkId);
        models.Clear();
        var first = await ModelAsync(app.Services, networkKey, districts, quarter, cancellationToken);

        counts.Forget(networkId, quarter);
        models.Clear();
        var regular = await ModelAsync(app.Services, networkKey, districts, quarter, cancellationToken);

        var ratio = regular.Seconds / baseline.Seconds;
        yield return new BenchmarkRow(
            $"Analysemodell aller {districts} Kreise und des Verbunds {networkKey}, {quarter.ToGermanShortString()}, regulärer Quartalslauf",
            Seconds(regular.Seconds), "< 5 s", $"{GermanFigureFormat.Count(regular.Tables)} Tabellen; frühere Quartale schon gezählt");
        yield return new BenchmarkRow(
            "Analysemodell: Verhältnis zur reinen GROUP-BY-Zählung desselben Quartals (regulärer Lauf)",
            GermanFigureFormat.Number(ratio, 2), "≤ 2", $"GROUP BY {Seconds(baseline.Seconds)} ({GermanFigureFormat.Count(baseline.Rows)} Zeilen)");
        yield return new BenchmarkRow(
            "Analysemodell: erster Lauf eines Quartals (alle 8 Quartale gezählt)",
            Seconds(first.Seconds), "–", $"Verhältnis {GermanFigureFormat.Number(first.Seconds / baseline.Seconds, 2)} zum GROUP BY");
        yield return new BenchmarkRow(
            "Analysemodell: davon Zählen in PostgreSQL (erster Lauf / regulärer Lauf)",
            $"{Seconds(first.CountSeconds)} / {Seconds(regular.CountSeconds)}", "–", "Rest: Statistik und Geheimhaltung in C#");
    }

    private static string Seconds(double seconds) => GermanFigureFormat.Number(seconds, 2) + " s";

    private static async Task<(double Seconds, double CountSeconds, int Tables)> ModelAsync(
        IServiceProvider services, string networkKey, int districts, Quarter quarter, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        await using var scope = services.CreateAsyncScope();
        var model = await scope.ServiceProvider.GetRequiredService<AnalysisModels>().ForQuarterAsync(networkKey, quarter, cancellationToken);
        var counted = watch.Elapsed.TotalSeconds;
        var tables = model.ComputeAll();

        // Every district's view, as its report reads it.
        foreach (var district in model.Districts)
        {
            var data = new ModelDistrictData(model, district.Key);
            _ = data.FieldTargets;
            _ = data.Distribution("arbeitgeber", AnswerCounter.SectorGroupQuestion);
        }

        return (watch.Elapsed.TotalSeconds, counted, tables + districts);
    }

    private static async Task<(double Seconds, int Rows)> BaselineAsync(string connectionString, int networkId, Quarter quarter, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        var best = double.MaxValue;
        var rows = 0;
        for (var run = 0; run < 3; run++)
        {
            var watch = Stopwatch.StartNew();
            await using var command = new NpgsqlCommand(Baseline, connection) { CommandTimeout = 600 };
            command.Parameters.AddWithValue("network", networkId);
            command.Parameters.AddWithValue("from", quarter.FirstDay);
            command.Parameters.AddWithValue("to", quarter.NextFirstDay);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            rows = 0;
            while (await reader.ReadAsync(cancellationToken))
            {
                rows++;
            }

            best = Math.Min(best, watch.Elapsed.TotalSeconds);
        }

        return (best, rows);
    }

    /// <summary>
    /// The network of the loaded dataset and the quarter its quarterly run reports; without one, the network with the
    /// most districts that has interviews and its last complete quarter.
    /// </summary>
    private static async Task<(int Id, string Key, int Districts, Quarter Quarter)?> ChooseAsync(
        IServiceProvider services, BenchNetwork? loaded, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BedarfsanalyseDb>();
        if (loaded is not null)
        {
            var id = await db.Networks.AsNoTracking().Where(n => n.Key == loaded.Key).Select(n => n.Id).SingleAsync(cancellationToken);
            return (id, loaded.Key, loaded.Districts.Count, loaded.LastComplete);
        }

        var today = Quarter.Of(DateOnly.FromDateTime(DateTime.Today));
        var candidates = await db.Networks.AsNoTracking()
            .OrderByDescending(n => n.Districts.Count)
            .Select(n => new { n.Id, n.Key, Districts = n.Districts.Count })
            .ToListAsync(cancellationToken);
        foreach (var network in candidates)
        {
            var latest = await db.Interviews.AsNoTracking()
                .Where(i => i.NetworkId == network.Id && i.Status == Interview.Completed && i.ConductedOn < today.FirstDay)
                .MaxAsync(i => (DateOnly?)i.ConductedOn, cancellationToken);
            if (latest is { } day)
            {
                return (network.Id, network.Key, network.Districts, Quarter.Of(day));
            }
        }

        return null;
    }
}
