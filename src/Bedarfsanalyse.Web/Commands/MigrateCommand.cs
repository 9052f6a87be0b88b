using System.CommandLine;
using Bedarfsanalyse.Web.Database;

namespace Bedarfsanalyse.Web.Commands;

/// <summary>migrate: applies pending migrations to the configured database or the private cluster.</summary>
internal static class MigrateCommand
{
    public static Command Create()
    {
        var command = new Command("migrate", "Bringt das Datenbankschema auf den neuesten Stand.");
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var configuration = CommandConfiguration.Load();
            await using var database = await AppDatabase.OpenAsync(configuration, Console.Out, cancellationToken);
            var applied = await database.MigrateAsync(cancellationToken);
            Console.WriteLine(applied.Count == 0
                ? "Das Datenbankschema ist aktuell; keine Migration stand aus."
                : $"{applied.Count} Migration(en) angewandt: {string.Join(", ", applied)}.");
            return 0;
        });
        return command;
    }
}
