namespace Bedarfsanalyse.Web.Commands.Bench;

/// <summary>The benchmarks <c>bench</c> runs, in order. One line per benchmark.</summary>
internal static class BenchmarkCatalog
{
    public static IReadOnlyList<IBenchmark> All { get; } =
    [
        new ValidationBenchmark(), // issue 3: validating a complete interview against a compiled version
        new InterviewApiBenchmark(), // issue 5: 32 clients saving drafts and completing interviews over HTTP
        new AnalysisBenchmark(), // issue 7: the complete model of every district of a quarter against a plain GROUP BY
        new DistrictReportBenchmark(), // issue 8: the quarterly district report, model plus PDF
        new WorkbookBenchmark(), // issue 9: the analyst workbook of a network over all its quarters
        new ReportQueueBenchmark(), // issue 10: the quarterly run of every district and the workbook through the job queue
    ];

    // Benchmarks that measure in memory: run alone, they need no dataset loaded (and no database at all).
    private static readonly HashSet<string> InMemory = ["validation"];

    public static bool NeedsDatabase(IBenchmark benchmark) => !InMemory.Contains(benchmark.Name);
}
