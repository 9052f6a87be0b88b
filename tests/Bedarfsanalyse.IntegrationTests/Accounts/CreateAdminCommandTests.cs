using System.Net;
using Bedarfsanalyse.Testing;
using Microsoft.EntityFrameworkCore;

namespace Bedarfsanalyse.IntegrationTests.Accounts;

public sealed class CreateAdminCommandTests(TestDatabase database) : DatabaseTest(database)
{
    [Fact]
    public async Task Create_admin_prints_a_one_time_password_that_signs_in_once_and_must_be_changed()
    {
        var environment = new Dictionary<string, string?> { ["ConnectionStrings__Bedarfsanalyse"] = Database.ConnectionString };

        await using var command = AppProcess.Start(environment, "create-admin", "leitung@example.org");
        (await command.WaitForExitAsync(TimeSpan.FromSeconds(60))).ShouldBeTrue();

        command.ExitCode.ShouldBe(0, command.Errors);
        var password = command.Output.Split('\n').Single(l => l.StartsWith("Einmalpasswort", StringComparison.Ordinal)).Split(": ")[1].Trim();
        password.Length.ShouldBeGreaterThanOrEqualTo(12);
        await using var app = await TestApp.StartAsync(Database.ConnectionString);
        using var session = app.NewSession();
        (await session.SignInAsync("leitung@example.org", password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await session.GetAsync("/admin/benutzer")).Headers.Location!.ToString().ShouldBe("/konto/passwort");
        await using var db = CreateDb();
        (await db.AuditEvents.SingleAsync(e => e.Action == "user-created")).ActorName.ShouldBe("create-admin (Kommandozeile)");
    }

    [Fact]
    public async Task Create_admin_for_an_existing_account_fails_with_a_German_message()
    {
        var environment = new Dictionary<string, string?> { ["ConnectionStrings__Bedarfsanalyse"] = Database.ConnectionString };
        await using (var first = AppProcess.Start(environment, "create-admin", "leitung@example.org"))
        {
            await first.WaitForExitAsync(TimeSpan.FromSeconds(60));
        }

        await using var second = AppProcess.Start(environment, "create-admin", "leitung@example.org");
        (await second.WaitForExitAsync(TimeSpan.FromSeconds(60))).ShouldBeTrue();

        second.ExitCode.ShouldBe(1);
        second.Errors.ShouldContain("Es gibt bereits ein Konto für „leitung@example.org“");
    }
}
