using System.CommandLine;
using Bedarfsanalyse.Data.Accounts;
using Bedarfsanalyse.Web.Features.Audit;
using Bedarfsanalyse.Web.Features.Users;

namespace Bedarfsanalyse.Web.Commands;

/// <summary>create-admin EMAIL: the first admin account, with a one-time password printed once (no default password exists).</summary>
internal static class CreateAdminCommand
{
    public static Command Create()
    {
        var email = new Argument<string>("EMAIL") { Description = "E-Mail-Adresse des Administrationskontos" };
        var name = new Option<string?>("--name") { Description = "Anzeigename (Standard: der Teil der E-Mail-Adresse vor dem @)" };
        var command = new Command("create-admin", "Legt ein Administrationskonto mit Einmalpasswort an.") { email, name };
        command.SetAction((parseResult, cancellationToken) => CommandHost.RunAsync(async (services, ct) =>
        {
            var address = parseResult.GetValue(email)!;
            var displayName = parseResult.GetValue(name) ?? address.Split('@')[0];
            var create = services.GetRequiredService<CreateUser>();
            var outcome = await create.ExecuteAsync(
                new UserInput(address, displayName, [Roles.Admin], null, null),
                new AuditActor(null, "create-admin (Kommandozeile)"),
                ct);
            if (!outcome.Succeeded)
            {
                foreach (var message in outcome.Errors!.ByField.SelectMany(e => e.Value))
                {
                    await Console.Error.WriteLineAsync("Fehler: " + message);
                }

                return CommandRunner.Failed;
            }

            Console.WriteLine($"Administrationskonto angelegt: {outcome.Value!.Email}");
            Console.WriteLine($"Einmalpasswort (wird nur jetzt angezeigt): {outcome.Value.OneTimePassword}");
            Console.WriteLine("Bei der ersten Anmeldung muss ein eigenes Passwort gewählt werden.");
            return 0;
        }, cancellationToken));
        return command;
    }
}
