using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Bedarfsanalyse.Testing;

/// <summary>The real executable in a process of its own, as an operator runs it: output captured, signals sent.</summary>
public sealed partial class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly ConcurrentQueue<string> _errors = new();

    private AppProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { _output.Enqueue(e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { _errors.Enqueue(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Output => string.Join(Environment.NewLine, _output);

    public string Errors => string.Join(Environment.NewLine, _errors);

    public int ExitCode => _process.ExitCode;

    public static AppProcess Start(IReadOnlyDictionary<string, string?> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Bedarfsanalyse.dll"), .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        // The child must not inherit the test run's database settings.
        start.Environment.Remove("ConnectionStrings__Bedarfsanalyse");
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return new AppProcess(Process.Start(start)!);
    }

    /// <summary>Waits for the start message and returns the URL it names.</summary>
    public async Task<Uri> WaitForUrlAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var match = _output.Select(line => UrlPattern().Match(line)).FirstOrDefault(m => m.Success);
            if (match is not null)
            {
                return new Uri(match.Groups["url"].Value);
            }

            if (_process.HasExited)
            {
                break;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Keine Startmeldung. Ausgabe:{Environment.NewLine}{Output}{Environment.NewLine}Fehler:{Environment.NewLine}{Errors}");
    }

    /// <summary>Sends a signal as a terminal's Ctrl+C (INT) or a service manager (TERM) would.</summary>
    public void Signal(string signal)
    {
        using var kill = Process.Start("kill", ["-" + signal, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
            _process.WaitForExit(); // flush the asynchronous output readers
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            Signal("INT");
            if (!await WaitForExitAsync(TimeSpan.FromSeconds(20)))
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _process.Dispose();
    }

    [GeneratedRegex(@"läuft unter (?<url>http://[^\s,]+)")]
    private static partial Regex UrlPattern();
}
