using System.CommandLine;
using Bedarfsanalyse.Data.Postgres;
using Bedarfsanalyse.Web.Database;

namespace Bedarfsanalyse.Web.Commands;

/// <summary>Runs a command and turns the failures an operator can fix into one German line and a non-zero exit code.</summary>
internal static class CommandRunner
{
    public const int Failed = 1;

    /// <summary>What a shell reports for a process ended by Ctrl+C (128 + SIGINT).</summary>
    public const int Interrupted = 130;

    // Time a cancelled command gets to roll back, drop what it made and stop the private cluster before the process ends anyway.
    private static readonly TimeSpan TerminationTimeout = TimeSpan.FromSeconds(60);

    public static async Task<int> InvokeAsync(RootCommand root, string[] args)
    {
        var parseResult = root.Parse(args);
        try
        {
            // serve leaves Ctrl+C and SIGTERM to the web host, which shuts down gracefully and so stops the private
            // cluster. Every other command (bench, seed-demo, ...) gets its cancellation token cancelled instead and
            // unwinds: transactions roll back, the private cluster is stopped on the way out.
            var serves = parseResult.CommandResult.Command is RootCommand || parseResult.CommandResult.Command.Name == "serve";
            return await parseResult.InvokeAsync(new InvocationConfiguration
            {
                ProcessTerminationTimeout = serves ? null : TerminationTimeout,
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (Exception e) when (e is PrivateClusterException or DatabaseUnavailableException or CommandFailedException)
        {
            await Console.Error.WriteLineAsync("Fehler: " + e.Message);
            return Failed;
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("Abgebrochen.");
            return Interrupted;
        }
    }
}

/// <summary>A command could not do its job for a reason the message explains to the operator.</summary>
internal sealed class CommandFailedException(string message) : Exception(message);
