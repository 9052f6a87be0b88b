using Bedarfsanalyse.Data;
using Bedarfsanalyse.Data.Accounts;
using Bedarfsanalyse.Web.Features.Audit;
using Bedarfsanalyse.Web.Features.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Bedarfsanalyse.Web.Commands.Demo;

/// <summary>A demo account with the password generated for it (shown once, never stored in clear).</summary>
public sealed record DemoAccount(string Role, string Email, string Password);

/// <summary>
/// The newcomer's first start: on an empty database, the S demo in the MehrWert network and one account per role,
/// the interviewer with a share of the interviews (open drafts among them). Accounts and data go in one transaction,
/// so a start that fails or is stopped half-way leaves the database empty and the next start tries again. An
/// installation that already has users or interviews is left alone, so a second start never seeds again.
/// </summary>
public sealed class DemoStart(BedarfsanalyseDb db, DemoSeeder seeder, UserManager<AppUser> users, AuditLog audit)
{
    public const string NetworkKey = "mehrwert";
    public const string EmailDomain = "demo.bedarfsanalyse.invalid";

    private static readonly (string Role, string Local, string Name)[] Plan =
    [
        (Roles.Interviewer, "interview", "Demo Interview"),
        (Roles.Steering, "steuerkreis", "Demo Steuerkreis"),
        (Roles.Analyst, "analyse", "Demo Analyse"),
        (Roles.Admin, "admin", "Demo Administration"),
    ];

    /// <summary>Null when the database is not empty; otherwise what was loaded and the accounts.</summary>
    public async Task<(DemoSeedResult Data, IReadOnlyList<DemoAccount> Accounts)?> RunIfEmptyAsync(DemoOptions options, TextWriter progress, CancellationToken cancellationToken)
    {
        if (await db.Users.AnyAsync(cancellationToken) || await db.Interviews.AnyAsync(cancellationToken))
        {
            return null;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var network = await db.Networks.Include(n => n.Districts).SingleAsync(n => n.Key == NetworkKey, cancellationToken);
        var districts = network.Districts.Select(d => d.DistrictKey).Order(StringComparer.Ordinal).ToList();
        var accounts = new List<DemoAccount>();
        Guid? interviewer = null;
        foreach (var (role, local, name) in Plan)
        {
            var (id, account) = await CreateAccountAsync(role, $"{local}@{EmailDomain}", name, role == Roles.Admin ? null : network.Id,
                role == Roles.Interviewer ? districts : [], cancellationToken);
            interviewer ??= role == Roles.Interviewer ? id : null;
            accounts.Add(account);
        }

        var data = await seeder.SeedAsync(options with { NetworkKey = NetworkKey, InterviewerId = interviewer }, progress, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (data, accounts);
    }

    /// <summary>
    /// An account as CreateUser makes one (Identity, roles, audited), inside the demo start's transaction; the generated
    /// password is unique and printed only once, so the demo accounts need no password change and sign in at once.
    /// </summary>
    private async Task<(Guid Id, DemoAccount Account)> CreateAccountAsync(string role, string email, string name, int? networkId, IReadOnlyList<string> districts, CancellationToken cancellationToken)
    {
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, NetworkId = networkId, MustChangePassword = false };
        user.Districts.AddRange(districts.Select(d => new UserDistrict { DistrictKey = d }));
        var password = OneTimePassword.New();
        var created = await users.CreateAsync(user, password);
        var result = created.Succeeded ? await users.AddToRoleAsync(user, role) : created;
        if (!result.Succeeded)
        {
            throw new CommandFailedException($"Das Demokonto {email} ließ sich nicht anlegen: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }

        await audit.RecordAsync(AuditActions.UserCreated, "user", user.Id.ToString(),
            new { email, roles = new[] { role }, network = networkId is null ? null : NetworkKey, districts }, new AuditActor(null, "Demostart"), cancellationToken);
        return (user.Id, new DemoAccount(role, email, password));
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
