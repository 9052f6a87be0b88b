using Bedarfsanalyse.Data;
using Bedarfsanalyse.Data.Accounts;
using Bedarfsanalyse.Web.Features.Audit;
using Bedarfsanalyse.Web.Features.Users;
using Microsoft.EntityFrameworkCore;

namespace Bedarfsanalyse.Web.Commands.Demo;

/// <summary>A demo account with the password generated for it (shown once, never stored in clear).</summary>
public sealed record DemoAccount(string Role, string Email, string Password);

/// <summary>
/// The newcomer's first start: on an empty database, the S demo in the MehrWert network and one account per role.
/// An installation that already has users or interviews is left alone, so a second start never seeds again.
/// </summary>
public sealed class DemoStart(BedarfsanalyseDb db, DemoSeeder seeder, CreateUser createUser)
{
    public const string NetworkKey = "mehrwert";

    /// <summary>Null when the database is not empty; otherwise what was loaded and the accounts.</summary>
    public async Task<(DemoSeedResult Data, IReadOnlyList<DemoAccount> Accounts)?> RunIfEmptyAsync(DemoOptions options, TextWriter progress, CancellationToken cancellationToken)
    {
        if (await db.Users.AnyAsync(cancellationToken) || await db.Interviews.AnyAsync(cancellationToken))
        {
            return null;
        }

        var data = await seeder.SeedAsync(options with { NetworkKey = NetworkKey }, progress, cancellationToken);
        var districts = await db.Networks.Where(n => n.Key == NetworkKey).SelectMany(n => n.Districts).Select(d => d.DistrictKey).ToListAsync(cancellationToken);
        (string Role, string Local, string Name, bool Scoped)[] plan =
        [
            (Roles.Interviewer, "interview", "Demo Interview", true),
            (Roles.Steering, "steuerkreis", "Demo Steuerkreis", false),
            (Roles.Analyst, "analyse", "Demo Analyse", false),
            (Roles.Admin, "admin", "Demo Administration", false),
        ];
        var accounts = new List<DemoAccount>();
        foreach (var (role, local, name, scoped) in plan)
        {
            var email = $"{local}@demo.bedarfsanalyse.invalid";
            var outcome = await createUser.ExecuteAsync(
                new UserInput(email, name, [role], role == Roles.Admin ? null : NetworkKey, scoped ? districts : null),
                new AuditActor(null, "Demostart"), cancellationToken);
            if (!outcome.Succeeded)
            {
                throw new CommandFailedException($"Das Demokonto {email} ließ sich nicht anlegen: {string.Join(" ", outcome.Errors!.ByField.SelectMany(e => e.Value))}");
            }

            accounts.Add(new DemoAccount(role, email, outcome.Value!.OneTimePassword));
        }

        // Demo accounts go straight in; the generated password is already unique and printed only once.
        await db.Users.Where(u => u.Email!.EndsWith("@demo.bedarfsanalyse.invalid"))
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.MustChangePassword, false), cancellationToken);
        return (data, accounts);
    }

    public static string Describe(IReadOnlyList<DemoAccount> accounts)
    {
        var labels = new Dictionary<string, string>
        {
            [Roles.Interviewer] = "Interviewer/in",
            [Roles.Steering] = "Steuerkreis",
            [Roles.Analyst] = "Analyse",
            [Roles.Admin] = "Administration",
        };
        return "Demokonten (Passwörter werden nur jetzt angezeigt):" + Environment.NewLine
            + string.Join(Environment.NewLine, accounts.Select(a => $"  {labels[a.Role],-15} {a.Email,-42} {a.Password}"));
    }
}
