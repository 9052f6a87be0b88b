using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using Bedarfsanalyse.Core.Formatting;
using Bedarfsanalyse.Web.Commands.Bench;
using Bedarfsanalyse.Web.Commands.Demo;

namespace Bedarfsanalyse.Web.Commands;

/// <summary>
/// bench: runs the benchmarks of <see cref="BenchmarkCatalog"/> and prints one table (figure, value, target,
/// baseline); with --json also writes it as JSON. Benchmarks are a command, never timed tests.
/// </summary>
internal static class BenchCommand
{
    public const int DefaultIterations = 20_000;

    private static readonly Option<FileInfo?> JsonOption = new("--json")
    {
        Description = "Die Ergebnisse zusätzlich als JSON in diese Datei schreiben.",
    };

    private static readonly Option<int> IterationsOption = new("--iterations")
    {
        Description = $"Gemessene Durchläufe je Kennzahl (Standard {GermanFigureFormat.Count(DefaultIterations)}).",
        DefaultValueFactory = _ => DefaultIterations,
    };

    private static readonly Option<string[]> OnlyOption = new("--only")
    {
        Description = "Nur diese Benchmarks ausführen: " + string.Join(", ", BenchmarkCatalog.All.Select(b => b.Name)) + ".",
        AllowMultipleArgumentsPerToken = true,
    };

    private static readonly Option<DemoSize> SizeOption = new("--size")
    {
        Description = "Datensatz der frischen Benchmark-Datenbank: S (Standard), M oder L (die Zahlen der Projektziele).",
        DefaultValueFactory = _ => DemoSize.S,
    };

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Command Create()
    {
        var command = new Command("bench", "Misst die Leistungskennzahlen und gibt sie als Tabelle aus (mit --json auch als Datei).")
        {
            JsonOption,
            IterationsOption,
            OnlyOption,
            SizeOption,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var iterations = parseResult.GetValue(IterationsOption);
            if (iterations < 1)
            {
                throw new CommandFailedException("--iterations muss mindestens 1 sein.");
            }

            var only = parseResult.GetValue(OnlyOption) ?? [];
            var unknown = only.Where(name => BenchmarkCatalog.All.All(b => b.Name != name)).ToList();
            if (unknown.Count > 0)
            {
                throw new CommandFailedException($"Unbekannte Benchmarks: {string.Join(", ", unknown)}. Vorhanden sind: {string.Join(", ", BenchmarkCatalog.All.Select(b => b.Name))}.");
            }

            var configuration = CommandConfiguration.Load();
            var size = parseResult.GetValue(SizeOption);
            await using var dataset = await BenchDataset.CreateAsync(configuration, size, Console.Error, cancellationToken);
            var context = new BenchmarkContext(iterations, configuration, Console.Error);
            var rows = new List<BenchmarkRow>(dataset.Rows);
            foreach (var benchmark in BenchmarkCatalog.All.Where(b => only.Length == 0 || only.Contains(b.Name)))
            {
                await foreach (var row in benchmark.RunAsync(context, cancellationToken))
                {
                    rows.Add(row);
                }
            }

            Console.Write(Table(rows));
            if (parseResult.GetValue(JsonOption) is { } file)
            {
                var document = new
                {
                    MeasuredAt = DateTimeOffset.Now,
                    Machine = new { Environment.ProcessorCount, Os = Environment.OSVersion.VersionString, Runtime = Environment.Version.ToString() },
                    Iterations = iterations,
                    Dataset = size.ToString(),
                    Rows = rows,
                };
                await File.WriteAllTextAsync(file.FullName, JsonSerializer.Serialize(document, JsonOptions) + "\n", cancellationToken);
                Console.WriteLine($"Ergebnisse geschrieben: {file.FullName}");
            }

            return 0;
        });
        return command;
    }

    /// <summary>A plain-text table, columns padded to their widest cell.</summary>
    internal static string Table(IReadOnlyList<BenchmarkRow> rows)
    {
        string[] header = ["figure", "value", "target", "baseline"];
        var cells = rows.Select(r => new[] { r.Figure, r.Value, r.Target, r.Baseline }).Prepend(header).ToList();
        var widths = Enumerable.Range(0, header.Length).Select(c => cells.Max(r => r[c].Length)).ToArray();
        var lines = cells.Select(r => string.Join(" | ", r.Select((cell, c) => cell.PadRight(widths[c]))).TrimEnd()).ToList();
        lines.Insert(1, string.Join("-|-", widths.Select(w => new string('-', w))));
        return string.Join(Environment.NewLine, lines) + Environment.NewLine;
    }
}
