using Bedarfsanalyse.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace Bedarfsanalyse.IntegrationTests.Foundation;

public sealed class MigrationScriptTests(TestDatabase database) : DatabaseTest(database)
{
    private static readonly string ScriptPath = Path.Combine(CheckoutRoot(), "db-migrations", "idempotent.sql");

    [Fact]
    public async Task The_model_has_no_changes_that_lack_a_migration()
    {
        await using var db = CreateDb();

        db.Database.HasPendingModelChanges().ShouldBeFalse(
            "Das Modell weicht von den Migrationen ab: dotnet ef migrations add <Name> --project db-migrations/Bedarfsanalyse.Migrations");
    }

    [Fact]
    public async Task The_reviewed_SQL_script_is_the_one_the_migrations_generate()
    {
        await using var db = CreateDb();
        var generated = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Normalize(await File.ReadAllTextAsync(ScriptPath)).ShouldBe(Normalize(generated),
            "db-migrations/idempotent.sql ist veraltet: dotnet ef migrations script --idempotent --project db-migrations/Bedarfsanalyse.Migrations --output db-migrations/idempotent.sql");
    }

    [Fact]
    public async Task The_SQL_script_builds_a_database_that_needs_no_further_migration_and_runs_twice()
    {
        var target = await Database.CreateEmptyDatabaseAsync("bedarfsanalyse_tests_script");
        var script = await File.ReadAllTextAsync(ScriptPath);

        await using (var connection = new NpgsqlConnection(target))
        {
            await connection.OpenAsync();
            await using var first = new NpgsqlCommand(script, connection);
            await first.ExecuteNonQueryAsync();
            await using var second = new NpgsqlCommand(script, connection);
            await second.ExecuteNonQueryAsync();
        }

        var options = new DbContextOptionsBuilder<Bedarfsanalyse.Data.BedarfsanalyseDb>();
        Bedarfsanalyse.Data.BedarfsanalyseDb.Configure(options, target);
        await using var db = new Bedarfsanalyse.Data.BedarfsanalyseDb(options.Options);
        (await db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
        (await db.Districts.CountAsync()).ShouldBe(47);
    }

    private static string Normalize(string sql) =>
        string.Join('\n', sql.TrimStart('\uFEFF').ReplaceLineEndings("\n").Split('\n').Select(l => l.TrimEnd())).Trim();

    private static string CheckoutRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Bedarfsanalyse.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Bedarfsanalyse.sln nicht gefunden.");
    }
}
