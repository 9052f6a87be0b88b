using System.Text.Json;
using Bedarfsanalyse.Data.Postgres;
using Bedarfsanalyse.Testing;
using Bedarfsanalyse.Web.Commands.Bench;
using Bedarfsanalyse.Web.Commands.Demo;
using Bedarfsanalyse.Web.Features.Exports;
using Npgsql;

namespace Bedarfsanalyse.IntegrationTests.Commands;

/// <summary>
/// The bench command as an operator runs it, on the test database's server. Asserts what it prints and what it leaves
/// behind, never how fast anything is.
/// </summary>
public sealed class BenchCommandTests(TestDatabase database) : DatabaseTest(database), IDisposable
{
    private readonly string _json = Path.Combine(Path.GetTempPath(), $"bench-{Guid.NewGuid():N}.json");
    private readonly string _scratch = Path.Combine(Path.GetTempPath(), "bedarfsanalyse-bench-" + Guid.NewGuid().ToString("N")[..8]);

    private Dictionary<string, string?> OnTestServer => new() { ["ConnectionStrings__Bedarfsanalyse"] = Database.ConnectionString };

    [Fact]
    public async Task Bench_loads_a_fresh_S_dataset_prints_its_figures_with_targets_and_assessment_writes_them_as_json_and_drops_the_database()
    {
        var before = await BenchDatabasesAsync(Database.ConnectionString);

        await using var bench = AppProcess.Start(OnTestServer, "bench", "--only", "dataset", "validation", "--iterations", "200", "--json", _json);

        (await bench.WaitForExitAsync(TimeSpan.FromSeconds(180))).ShouldBeTrue("bench endete nicht");
        bench.ExitCode.ShouldBe(0, bench.Errors);
        var lines = bench.Output.Split(Environment.NewLine);
        lines[0].ShouldMatch(@"^Kennzahl +\| Wert +\| Ziel +\| Vergleichswert +\| Bewertung$");
        lines.ShouldContain(l => l.StartsWith("Datensatz S laden (Erzeugen + COPY)") && l.Contains(" s ") && l.Contains("< 10 s") && (l.EndsWith("| erfüllt") || l.EndsWith("| verfehlt")));
        lines.ShouldContain(l => l.StartsWith("Datensatz S: Interviews (Verbund mehrwert, 7 Kreise)") && l.Contains("| 2.000 ") && l.Contains("≈ 2.000") && l.EndsWith("| erfüllt"));
        lines.ShouldContain(l => l.StartsWith("Datensatz S: Datenbankgröße") && l.Contains(" MB ") && l.EndsWith("| —"));
        var medianLine = lines.Single(l => l.Contains("80 Fragen") && l.Contains("Median"));
        medianLine.ShouldContain(" ms |");
        medianLine.ShouldContain("< 1 ms");
        medianLine.ShouldMatch(@"\| (erfüllt|verfehlt)$");

        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(_json));
        document.RootElement.GetProperty("dataset").GetString().ShouldBe("S");
        document.RootElement.GetProperty("network").GetString().ShouldBe("mehrwert");
        var all = document.RootElement.GetProperty("rows").EnumerateArray().ToList();
        var load = all.Single(r => r.GetProperty("id").GetString() == "dataset.load_s");
        load.GetProperty("figure").GetString().ShouldBe("Datensatz S laden (Erzeugen + COPY)");
        load.GetProperty("unit").GetString().ShouldBe("s");
        load.GetProperty("amount").GetDouble().ShouldBeGreaterThan(0);
        load.GetProperty("target_comparison").GetString().ShouldBe("less_than");
        load.GetProperty("target_amount").GetDouble().ShouldBe(10);
        var interviews = all.Single(r => r.GetProperty("id").GetString() == "dataset.interviews");
        interviews.GetProperty("amount").GetDouble().ShouldBe(2_000);
        interviews.GetProperty("status").GetString().ShouldBe("erfüllt");
        all.Single(r => r.GetProperty("id").GetString() == "dataset.answers").GetProperty("amount").GetDouble().ShouldBeGreaterThan(100_000);
        var rows = all.Where(r => r.GetProperty("figure").GetString()!.Contains("80 Fragen")).ToList();
        rows.Count.ShouldBe(2);
        rows.Select(r => r.GetProperty("id").GetString()).ShouldBe(["validation.1", "validation.2"]);
        rows.ShouldAllBe(r => r.GetProperty("value").GetString()!.EndsWith(" ms")
            && r.GetProperty("unit").GetString() == "ms"
            && r.GetProperty("target").GetString() == "< 1 ms"
            && r.GetProperty("target_amount").GetDouble() == 1
            && r.GetProperty("baseline").GetString()!.Contains("ohne vorübersetzte Version")
            && r.GetProperty("baseline_unit").GetString() == "ms"
            && r.GetProperty("baseline_amount").GetDouble() > r.GetProperty("amount").GetDouble());
        lines.ShouldContain(l => l.Contains(rows[1].GetProperty("figure").GetString()!) && l.Contains(rows[1].GetProperty("value").GetString()!));

        bench.Errors.ShouldContain("gelöscht (behalten mit --keep)");
        (await BenchDatabasesAsync(Database.ConnectionString)).ShouldBe(before);
    }

    [Fact]
    public async Task Bench_of_the_validation_alone_loads_no_dataset()
    {
        await using var bench = AppProcess.Start(OnTestServer, "bench", "--only", "validation", "--iterations", "200", "--json", _json);

        (await bench.WaitForExitAsync(TimeSpan.FromSeconds(120))).ShouldBeTrue("bench endete nicht");
        bench.ExitCode.ShouldBe(0, bench.Errors);
        bench.Output.ShouldNotContain("Datensatz");
        bench.Errors.ShouldNotContain("Benchmark-Datenbank");
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(_json));
        document.RootElement.GetProperty("dataset").ValueKind.ShouldBe(JsonValueKind.Null);
        document.RootElement.GetProperty("rows").GetArrayLength().ShouldBe(2);
    }

    [Fact]
    public async Task The_workbook_benchmark_prints_time_memory_file_size_and_the_ratio_to_a_bare_dump()
    {
        var (first, last) = DemoSeeder.Quarters(TimeProvider.System);

        await using var bench = AppProcess.Start(OnTestServer, "bench", "--only", "workbook", "--json", _json);

        (await bench.WaitForExitAsync(TimeSpan.FromSeconds(300))).ShouldBeTrue("bench endete nicht");
        bench.ExitCode.ShouldBe(0, bench.Errors);
        var lines = bench.Output.Split(Environment.NewLine);
        lines.ShouldContain(l => l.StartsWith($"Arbeitsmappe mehrwert, {NetworkExport.PeriodText(first, last)}: ", StringComparison.Ordinal) && l.Contains(" s ") && l.Contains("< 30 s"));
        lines.ShouldContain(l => l.StartsWith("Arbeitsmappe: höchster Speicherbedarf des Export-Prozesses", StringComparison.Ordinal) && l.Contains(" MB ") && l.Contains("< 1.024 MB"));
        lines.ShouldContain(l => l.StartsWith("Arbeitsmappe: Dateigröße", StringComparison.Ordinal) && l.Contains(" MB "));
        lines.ShouldContain(l => l.StartsWith("Datenblätter schreiben / bloßer SAX-Dump derselben Zellen", StringComparison.Ordinal) && l.Contains("≤ 1,5"));
    }

    [Fact]
    public async Task An_unknown_benchmark_is_named_with_the_ones_there_are()
    {
        await using var bench = AppProcess.Start(OnTestServer, "bench", "--only", "gibtsnicht");

        (await bench.WaitForExitAsync(TimeSpan.FromSeconds(60))).ShouldBeTrue();
        bench.ExitCode.ShouldBe(1);
        bench.Errors.ShouldStartWith("Fehler: Unbekannte Benchmarks: gibtsnicht. Vorhanden sind: dataset, validation, ");
    }

    [Fact]
    public async Task Ctrl_C_during_bench_on_the_private_PostgreSQL_drops_its_database_and_stops_the_server()
    {
        var dataDirectory = Path.Combine(_scratch, "postgres");
        var environment = new Dictionary<string, string?> { ["PrivateDatabase__DataDirectory"] = dataDirectory };

        await using (var bench = AppProcess.Start(environment, "bench", "--only", "dataset", "--json", _json))
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(180);
            while (!bench.Errors.Contains("lade Datensatz S") && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }

            bench.Errors.ShouldContain("lade Datensatz S");
            bench.Signal("INT");

            (await bench.WaitForExitAsync(TimeSpan.FromSeconds(90))).ShouldBeTrue("bench endete nach Strg+C nicht");
            bench.ExitCode.ShouldBe(130, bench.Errors);
            bench.Errors.ShouldContain("Abgebrochen.");
            bench.Errors.ShouldContain("gelöscht");
        }

        File.Exists(Path.Combine(dataDirectory, "postmaster.pid")).ShouldBeFalse("PostgreSQL läuft nach Strg+C weiter");
        await using var cluster = await PrivateCluster.StartAsync(dataDirectory, TextWriter.Null);
        (await BenchDatabasesAsync(cluster.ConnectionString("postgres"))).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("12,3 s", "< 30 s", "erfüllt")]
    [InlineData("957,5 ms", "< 50 ms (Issue 5)", "verfehlt")]
    [InlineData("312", "≥ 300 (Issue 5)", "erfüllt")]
    [InlineData("0,38", "≤ 1,5", "erfüllt")]
    [InlineData("1.100 MB", "< 1.024 MB", "verfehlt")]
    [InlineData("97,2 s", "< 3 min", "erfüllt")]
    [InlineData("200,1 s", "< 3 min", "verfehlt")]
    [InlineData("11.691.018", "≈ 12 Mio.", "erfüllt")]
    [InlineData("1.000 / 999", "gleich", "verfehlt")]
    [InlineData("28", "—", "—")]
    [InlineData("–", "< 1 s", "—")]
    [InlineData("84 Seiten", "< 30 s", "—")]
    [InlineData("3,0 s", "< 500 MB", "—")]
    public void A_row_without_numbers_is_assessed_from_its_German_text(string value, string target, string status)
    {
        BenchmarkAssessment.Status(new BenchmarkRow("Kennzahl", value, target, "—")).ShouldBe(status);
    }

    private static async Task<List<string>> BenchDatabasesAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select datname from pg_database where datname like 'bench\\_%' order by datname", connection);
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    public void Dispose()
    {
        File.Delete(_json);
        if (Directory.Exists(_scratch))
        {
            Directory.Delete(_scratch, recursive: true);
        }
    }
}
