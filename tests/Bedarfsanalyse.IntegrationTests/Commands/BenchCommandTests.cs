using System.Text.Json;
using Bedarfsanalyse.Testing;

namespace Bedarfsanalyse.IntegrationTests.Commands;

/// <summary>The bench command as an operator runs it. Asserts what it prints, never how fast anything is.</summary>
public sealed class BenchCommandTests : IDisposable
{
    private readonly string _json = Path.Combine(Path.GetTempPath(), $"bench-{Guid.NewGuid():N}.json");

    [Fact]
    public async Task Bench_loads_a_fresh_S_dataset_prints_its_figures_and_the_validation_figures_as_a_table_and_writes_the_same_as_json()
    {
        await using var bench = AppProcess.Start(new Dictionary<string, string?>(), "bench", "--only", "validation", "--iterations", "200", "--json", _json);

        (await bench.WaitForExitAsync(TimeSpan.FromSeconds(120))).ShouldBeTrue("bench endete nicht");
        bench.ExitCode.ShouldBe(0, bench.Errors);
        var lines = bench.Output.Split(Environment.NewLine);
        lines[0].ShouldStartWith("figure");
        lines[0].ShouldContain("| value");
        lines[0].ShouldContain("| target");
        lines[0].ShouldContain("| baseline");
        var medianLine = lines.Single(l => l.Contains("80 Fragen") && l.Contains("Median"));
        medianLine.ShouldContain(" ms |");
        medianLine.ShouldContain("< 1 ms");

        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(_json));
        document.RootElement.GetProperty("dataset").GetString().ShouldBe("S");
        var all = document.RootElement.GetProperty("rows").EnumerateArray().ToList();
        all.ShouldContain(r => r.GetProperty("figure").GetString() == "Datensatz S laden (Erzeugen + COPY)" && r.GetProperty("target").GetString() == "< 10 s");
        all.ShouldContain(r => r.GetProperty("figure").GetString() == "Datensatz S: Interviews / Antworten" && r.GetProperty("value").GetString()!.StartsWith("2.000 / "));
        lines.ShouldContain(l => l.StartsWith("Datensatz S: Datenbankgröße") && l.Contains(" MB"));
        var rows = all.Where(r => r.GetProperty("figure").GetString()!.Contains("80 Fragen")).ToList();
        rows.Count.ShouldBe(2);
        rows.ShouldAllBe(r => r.GetProperty("figure").GetString()!.Length > 0
            && r.GetProperty("value").GetString()!.EndsWith(" ms")
            && r.GetProperty("target").GetString() == "< 1 ms"
            && r.GetProperty("baseline").GetString()!.Contains("ohne vorübersetzte Version"));
        lines.ShouldContain(l => l.Contains(rows[1].GetProperty("figure").GetString()!) && l.Contains(rows[1].GetProperty("value").GetString()!));
    }

    [Fact]
    public async Task The_workbook_benchmark_prints_time_memory_file_size_and_the_ratio_to_a_bare_dump()
    {
        await using var bench = AppProcess.Start(new Dictionary<string, string?>(), "bench", "--only", "workbook");

        (await bench.WaitForExitAsync(TimeSpan.FromSeconds(240))).ShouldBeTrue("bench endete nicht");
        bench.ExitCode.ShouldBe(0, bench.Errors);
        var lines = bench.Output.Split(Environment.NewLine);
        lines.ShouldContain(l => l.StartsWith("Arbeitsmappe mehrwert, 1. Quartal 2025 bis 4. Quartal 2026: ", StringComparison.Ordinal) && l.Contains(" s ") && l.Contains("< 30 s"));
        lines.ShouldContain(l => l.StartsWith("Arbeitsmappe: höchster Speicherbedarf des Export-Prozesses", StringComparison.Ordinal) && l.Contains(" MB ") && l.Contains("< 1.024 MB"));
        lines.ShouldContain(l => l.StartsWith("Arbeitsmappe: Dateigröße", StringComparison.Ordinal) && l.Contains(" MB "));
        lines.ShouldContain(l => l.StartsWith("Datenblätter schreiben / bloßer SAX-Dump derselben Zellen", StringComparison.Ordinal) && l.Contains("≤ 1,5"));
    }

    [Fact]
    public async Task An_unknown_benchmark_is_named_with_the_ones_there_are()
    {
        await using var bench = AppProcess.Start(new Dictionary<string, string?>(), "bench", "--only", "gibtsnicht");

        (await bench.WaitForExitAsync(TimeSpan.FromSeconds(60))).ShouldBeTrue();
        bench.ExitCode.ShouldBe(1);
        bench.Errors.ShouldStartWith("Fehler: Unbekannte Benchmarks: gibtsnicht. Vorhanden sind: validation, ");
    }

    public void Dispose() => File.Delete(_json);
}
