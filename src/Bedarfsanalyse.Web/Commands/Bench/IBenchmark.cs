using Bedarfsanalyse.Core.Periods;

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

/// <summary>
/// One line of the bench table. The first four columns are text as printed (German number format); the optional rest
/// makes runs comparable by machine. Where they are left out, <see cref="BenchmarkAssessment"/> reads the numbers from
/// the text ("0,041 ms", "&lt; 1 ms") and the row gets the id "&lt;benchmark&gt;.&lt;n&gt;".
/// </summary>
/// <param name="Figure">What was measured, e.g. "Validierung …, Median".</param>
/// <param name="Value">The measurement, e.g. "0,041 ms".</param>
/// <param name="Target">What it should be, e.g. "&lt; 1 ms".</param>
/// <param name="Baseline">A reference measured in the same run, with what it is.</param>
/// <param name="Id">Stable id of the figure across runs, e.g. "validation.p95_ms".</param>
/// <param name="Measured">The value as a number with its unit.</param>
/// <param name="Goal">The target as a comparison with a number.</param>
/// <param name="Compared">The baseline as a number with its unit.</param>
internal sealed record BenchmarkRow(
    string Figure, string Value, string Target, string Baseline,
    string? Id = null, Quantity? Measured = null, BenchmarkTarget? Goal = null, Quantity? Compared = null);

/// <summary>A number with its unit: "ms", "s", "min", "MB", "GB", or "" for counts and ratios.</summary>
internal readonly record struct Quantity(double Amount, string Unit);

/// <summary>How a figure must relate to its limit.</summary>
internal enum TargetComparison
{
    LessThan,
    AtMost,
    AtLeast,
    GreaterThan,

    /// <summary>Within 10 % of the limit, e.g. "about 12 million answers".</summary>
    About,
}

/// <summary>A numeric target: "&lt; 1 ms" is (LessThan, 1 ms).</summary>
internal sealed record BenchmarkTarget(TargetComparison Comparison, Quantity Limit);

/// <summary>
/// What a benchmark may use: how long to measure, the app's configuration (for benchmarks that need the database), a
/// progress writer, and the network of the loaded dataset (null when bench loaded none), which the benchmarks on the
/// database measure rather than choosing one themselves.
/// </summary>
internal sealed record BenchmarkContext(int Iterations, IConfiguration Configuration, TextWriter Progress, BenchNetwork? Network = null);

/// <summary>The network the bench dataset was loaded into: its districts and the quarters with completed interviews.</summary>
/// <param name="LastComplete">The latest quarter before the current one with completed interviews (what the quarterly run reports).</param>
internal sealed record BenchNetwork(string Key, IReadOnlyList<string> Districts, Quarter First, Quarter Last, Quarter LastComplete);
