using System.CommandLine;
using Bedarfsanalyse.Data.Postgres;
using Bedarfsanalyse.Web.Database;

namespace Bedarfsanalyse.Web.Commands;

/// <summary>Runs a command and turns the failures an operator can fix into one German line and a non-zero exit code.</summary>
internal static class CommandRunner
{
    public const int Failed = 1;

    public static async Task<int> InvokeAsync(RootCommand root, string[] args)
    {
        try
        {
            // Ctrl+C and SIGTERM are left to the web host, which shuts down gracefully so the private cluster is stopped.
            return await root.Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (e is PrivateClusterException or DatabaseUnavailableException or CommandFailedException)
        {
            await Console.Error.WriteLineAsync("Fehler: " + e.Message);
            return Failed;
        }
    }
}

/// <summary>A command could not do its job for a reason the message explains to the operator.</summary>
internal sealed class CommandFailedException(string message) : Exception(message);
