using System.Diagnostics;
using System.Globalization;
using Bedarfsanalyse.Web.Database;

namespace Bedarfsanalyse.Web.Commands.Bench;

/// <summary>
/// Runs one of the app's own commands as a child process on the bench database and samples its peak resident memory
/// while it runs: the memory of that work alone, without the dataset loaded and the other benchmarks run in this one.
/// </summary>
internal static class CommandProcess
{
    public sealed record Result(TimeSpan Elapsed, long PeakBytes, int ExitCode, string Errors);

    public static async Task<Result> RunAsync(string connectionString, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var host = Environment.ProcessPath!;
        var start = new ProcessStartInfo(host) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            start.ArgumentList.Add(typeof(CommandProcess).Assembly.Location);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment[$"ConnectionStrings__{AppDatabase.ConnectionStringName}"] = connectionString;
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        long peak = 0;
        while (!process.HasExited)
        {
            peak = Math.Max(peak, PeakResident(process.Id));
            await Task.Delay(50, cancellationToken);
        }

        await process.WaitForExitAsync(cancellationToken);
        watch.Stop();
        await output;
        return new Result(watch.Elapsed, peak, process.ExitCode, await errors);
    }

    /// <summary>VmHWM of /proc/PID/status in bytes; 0 once the process is gone.</summary>
    private static long PeakResident(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return long.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
        }

        return 0;
    }
}
