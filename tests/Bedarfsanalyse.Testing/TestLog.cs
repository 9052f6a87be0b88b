using Microsoft.Extensions.Logging;

namespace Bedarfsanalyse.Testing;

/// <summary>Warnings and errors of the app under test, appended to test-app.log in the test output, to read when a test fails.</summary>
public sealed class TestLog : ILoggerProvider
{
    private static readonly string Path = System.IO.Path.Combine(AppContext.BaseDirectory, "test-app.log");
    private static readonly Lock Gate = new();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            lock (Gate)
            {
                File.AppendAllText(Path, $"{DateTime.Now:HH:mm:ss.fff} {logLevel} {category}: {formatter(state, exception)}{Environment.NewLine}{exception}{Environment.NewLine}");
            }
        }
    }
}
