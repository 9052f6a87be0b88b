using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using Bedarfsanalyse.Core.Formatting;
using Bedarfsanalyse.Web.Commands.Bench;
using Bedarfsanalyse.Web.Commands.Demo;

namespace Bedarfsanalyse.Web.Commands;

/// <summary>
/// bench: loads a dataset into a fresh database, runs the benchmarks of <see cref="BenchmarkCatalog"/> on it and prints
/// one table (Kennzahl, Wert, Ziel, Vergleichswert, Bewertung); the same goes to a JSON file with the numbers, units
/// and stable ids, for comparing runs. Benchmarks are a command, never timed tests.
/// </summary>
internal static class BenchCommand
{
    public const int DefaultIterations = 20_000;

    /// <summary>The --only name of the dataset figures (load time, rows, size); loading happens for any benchmark on the database.</summary>
    public const string DatasetName = "dataset";

    private static readonly Option<FileInfo?> JsonOption = new("--json")
    {
        Description = "Die Ergebnisse als JSON in diese Datei schreiben (Standard: artifacts/bench/bench-<Zeit>.json im Checkout).",
    };

    private static readonly Option<int> IterationsOption = new("--iterations")
    {
        Description = $"Gemessene Durchläufe je Kennzahl (Standard {GermanFigureFormat.Count(DefaultIterations)}).",
        DefaultValueFactory = _ => DefaultIterations,
    };

    private static readonly Option<string[]> OnlyOption = new("--only")
    {
        Description = "Nur diese Benchmarks ausführen: " + string.Join(", ", Names) + ". Nur für „validation“ wird kein Datensatz geladen.",
        AllowMultipleArgumentsPerToken = true,
    };

    private static readonly Option<DemoSize> SizeOption = new("--size")
    {
        Description = "Datensatz der frischen Benchmark-Datenbank: S (Standard), M oder L (die Zahlen der Projektziele).",
        DefaultValueFactory = _ => DemoSize.S,
    };

    private static readonly Option<bool> KeepOption = new("--keep")
    {
        Description = "Die Benchmark-Datenbank nach dem Lauf behalten (Standard: löschen; L belegt etwa 1,6 GB).",
    };

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static IEnumerable<string> Names => BenchmarkCatalog.All.Select(b => b.Name).Prepend(DatasetName);

    public static Command Create()
    {
        var command = new Command("bench", "Lädt einen Datensatz in eine frische Datenbank, misst die Leistungskennzahlen und gibt sie als Tabelle und JSON aus.")
        {
            JsonOption,
            IterationsOption,
            OnlyOption,
            SizeOption,
            KeepOption,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var iterations = parseResult.GetValue(IterationsOption);
            if (iterations < 1)
            {
                throw new CommandFailedException("--iterations muss mindestens 1 sein.");
            }

            var only = parseResult.GetValue(OnlyOption) ?? [];
            var unknown = only.Where(name => !Names.Contains(name)).ToList();
            if (unknown.Count > 0)
            {
                throw new CommandFailedException($"Unbekannte Benchmarks: {string.Join(", ", unknown)}. Vorhanden sind: {string.Join(", ", Names)}.");
            }

            var size = parseResult.GetValue(SizeOption);
            var selected = BenchmarkCatalog.All.Where(b => only.Length == 0 || only.Contains(b.Name)).ToList();
            var load = only.Length == 0 || only.Contains(DatasetName) || selected.Any(BenchmarkCatalog.NeedsDatabase);
            if (!load && parseResult.GetResult(SizeOption) is { Implicit: false })
            {
                await Console.Error.WriteLineAsync($"Hinweis: Kein gewählter Benchmark braucht die Datenbank; Datensatz {size} wird nicht geladen (dafür --only {DatasetName}).");
            }

            var configuration = CommandConfiguration.Load();
            var measuredAt = DateTimeOffset.Now;
            var rows = new List<(string Benchmark, BenchmarkRow Row)>();
            BenchNetwork? network = null;
            await using (var dataset = load ? await BenchDataset.CreateAsync(configuration, size, parseResult.GetValue(KeepOption), Console.Error, cancellationToken) : null)
            {
                if (dataset is not null)
                {
                    network = dataset.Network;
                    rows.AddRange(dataset.Rows.Select(r => (DatasetName, r)));
                }

                var context = new BenchmarkContext(iterations, configuration, Console.Error, network);
                foreach (var benchmark in selected)
                {
                    await foreach (var row in benchmark.RunAsync(context, cancellationToken))
                    {
                        rows.Add((benchmark.Name, row));
                    }
                }
            }

            // A Ctrl+C that arrives while the last step finishes must not end in a table that looks complete.
            cancellationToken.ThrowIfCancellationRequested();
            var report = rows.Select((r, index) => ReportRow.Of(r.Benchmark, r.Row, rows.Take(index).Count(p => p.Benchmark == r.Benchmark) + 1)).ToList();
            Console.Write(Table(report));
            var file = parseResult.GetValue(JsonOption) ?? DefaultJsonFile(measuredAt);
            if (file is not null)
            {
                var document = new
                {
                    MeasuredAt = measuredAt,
                    Machine = new { Environment.ProcessorCount, Os = Environment.OSVersion.VersionString, Runtime = Environment.Version.ToString() },
                    Iterations = iterations,
                    Dataset = load ? size.ToString() : null,
                    Network = network?.Key,
                    Rows = report,
                };
                file.Directory?.Create();
                await File.WriteAllTextAsync(file.FullName, JsonSerializer.Serialize(document, JsonOptions) + "\n", cancellationToken);
                Console.WriteLine($"Ergebnisse geschrieben: {file.FullName}");
            }

            return 0;
        });
        return command;
    }

    /// <summary>A plain-text table, columns padded to their widest cell.</summary>
    internal static string Table(IReadOnlyList<ReportRow> rows)
    {
        string[] header = ["Kennzahl", "Wert", "Ziel", "Vergleichswert", "Bewertung"];
        var cells = rows.Select(r => new[] { r.Figure, r.Value, r.Target, r.Baseline, r.Status }).Prepend(header).ToList();
        var widths = Enumerable.Range(0, header.Length).Select(c => cells.Max(r => r[c].Length)).ToArray();
        var lines = cells.Select(r => string.Join(" | ", r.Select((cell, c) => cell.PadRight(widths[c]))).TrimEnd()).ToList();
        lines.Insert(1, string.Join("-|-", widths.Select(w => new string('-', w))));
        return string.Join(Environment.NewLine, lines) + Environment.NewLine;
    }

    /// <summary>artifacts/bench/ of the checkout the executable was built in, so runs pile up for comparison; none outside a checkout.</summary>
    private static FileInfo? DefaultJsonFile(DateTimeOffset measuredAt)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Bedarfsanalyse.sln")))
            {
                return new FileInfo(Path.Combine(directory.FullName, "artifacts", "bench", $"bench-{measuredAt.UtcDateTime:yyyyMMdd-HHmmss}.json"));
            }
        }

        return null;
    }

    /// <summary>A row as printed and written: the text columns, the assessment and the numbers behind them.</summary>
    internal sealed record ReportRow(
        string Id, string Figure, string Value, string Target, string Baseline, string Status,
        double? Amount, string? Unit, string? TargetComparison, double? TargetAmount, string? TargetUnit, double? BaselineAmount, string? BaselineUnit)
    {
        public static ReportRow Of(string benchmark, BenchmarkRow row, int number)
        {
            var measured = BenchmarkAssessment.Measured(row);
            var target = BenchmarkAssessment.Target(row);
            var baseline = BenchmarkAssessment.Baseline(row);
            return new ReportRow(
                row.Id ?? $"{benchmark.Replace('-', '_')}.{number}", row.Figure, row.Value, Dash(row.Target), Dash(row.Baseline), BenchmarkAssessment.Status(row),
                measured?.Amount, measured?.Unit, target is null ? null : JsonNamingPolicy.SnakeCaseLower.ConvertName(target.Comparison.ToString()),
                target?.Limit.Amount, target?.Limit.Unit, baseline?.Amount, baseline?.Unit);
        }

        // Benchmarks write "–" or "" for "none"; the table shows one sign for it.
        private static string Dash(string text) => text.Trim() is "" or "–" or "-" ? "—" : text;
    }
}
