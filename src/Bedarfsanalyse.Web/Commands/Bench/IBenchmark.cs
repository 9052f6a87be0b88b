namespace Bedarfsanalyse.Web.Commands.Bench;

/// <summary>
/// A benchmark of the bench command: measures something and yields its figures. To add one, implement this and
/// list it in <see cref="BenchmarkCatalog"/>.
/// </summary>
internal interface IBenchmark
{
    /// <summary>Short name for <c>bench --only NAME</c>, e.g. "validation".</summary>
    string Name { get; }

    IAsyncEnumerable<BenchmarkRow> RunAsync(BenchmarkContext context, CancellationToken cancellationToken);
}

/// <summary>One line of the bench table; every column is text as printed (German number format).</summary>
/// <param name="Figure">What was measured, e.g. "Validierung …, Median".</param>
/// <param name="Value">The measurement, e.g. "0,041 ms".</param>
/// <param name="Target">What it should be, e.g. "< 1 ms".</param>
/// <param name="Baseline">A reference measured in the same run, with what it is.</param>
internal sealed record BenchmarkRow(string Figure, string Value, string Target, string Baseline);

/// <summary>What a benchmark may use: how long to measure, the app's configuration (for benchmarks that need the database), a progress writer.</summary>
internal sealed record BenchmarkContext(int Iterations, IConfiguration Configuration, TextWriter Progress);
