using System.Diagnostics;
using System.Globalization;

namespace Bedarfsanalyse.Web.Commands.Bench;

/// <summary>Durations of many runs of one operation, measured after a warm-up, with the percentiles a bench table shows.</summary>
internal sealed class LatencySample
{
    private readonly double[] _milliseconds;

    private LatencySample(double[] milliseconds)
    {
        Array.Sort(milliseconds);
        _milliseconds = milliseconds;
    }

    public int Count => _milliseconds.Length;

    public double Median => Percentile(50);

    public double P95 => Percentile(95);

    /// <summary>Runs the operation <paramref name="warmup"/> times unmeasured (JIT, tiered compilation, caches), then <paramref name="iterations"/> times measured one by one.</summary>
    public static LatencySample Measure(Action operation, int warmup, int iterations, CancellationToken cancellationToken)
    {
        for (var i = 0; i < warmup; i++)
        {
            operation();
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        var durations = new double[iterations];
        for (var i = 0; i < iterations; i++)
        {
            if ((i & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var start = Stopwatch.GetTimestamp();
            operation();
            durations[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        return new LatencySample(durations);
    }

    /// <summary>Durations measured elsewhere (e.g. by concurrent clients), in milliseconds.</summary>
    public static LatencySample From(double[] milliseconds) =>
        milliseconds.Length == 0 ? throw new ArgumentException("No durations measured.", nameof(milliseconds)) : new LatencySample(milliseconds);

    /// <summary>Nearest-rank percentile.</summary>
    public double Percentile(double percent)
    {
        var rank = (int)Math.Ceiling(percent / 100 * _milliseconds.Length);
        return _milliseconds[Math.Clamp(rank - 1, 0, _milliseconds.Length - 1)];
    }

    public static string Format(double milliseconds) =>
        milliseconds.ToString(milliseconds < 10 ? "0.000" : "#,##0.0", CultureInfo.GetCultureInfo("de-DE")) + " ms";
}
