using System.Net.Mail;
using Bedarfsanalyse.Data;
using Bedarfsanalyse.Data.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Bedarfsanalyse.Web.Features.Users;

/// <summary>An account as the admin describes it: who, which roles, which network, which districts (interviewers).</summary>
public sealed record UserInput(string? Email, string? DisplayName, IReadOnlyList<string>? Roles, string? Network, IReadOnlyList<string>? Districts)
{
    /// <summary>Checks the input against the roles, networks and districts that exist; returns the network id on success.</summary>
    public async Task<Outcome<int?>> ValidateAsync(BedarfsanalyseDb db, CancellationToken cancellationToken)
    {
        var errors = new InputErrors();
        if (string.IsNullOrWhiteSpace(Email) || !MailAddress.TryCreate(Email.Trim(), out _))
        {
            errors.Add("email", "Bitte geben Sie eine gültige E-Mail-Adresse an.");
        }

        if (string.IsNullOrWhiteSpace(DisplayName))
        {
            errors.Add("displayName", "Bitte geben Sie einen Namen an.");
        }
        else if (DisplayName.Length > 200)
        {
            errors.Add("displayName", "Der Name darf höchstens 200 Zeichen lang sein.");
        }

        var roles = Roles ?? [];
        if (roles.Count == 0)
        {
            errors.Add("roles", "Bitte wählen Sie mindestens eine Rolle.");
        }

        foreach (var unknown in roles.Where(r => !Data.Accounts.Roles.All.Contains(r)))
        {
            errors.Add("roles", $"„{unknown}“ ist keine Rolle. Möglich sind: {string.Join(", ", Data.Accounts.Roles.All)}.");
        }

        int? networkId = null;
        var onlyAdmin = roles.Count > 0 && roles.All(r => r == Data.Accounts.Roles.Admin);
        if (!string.IsNullOrWhiteSpace(Network))
        {
            networkId = await db.Networks.Where(n => n.Key == Network).Select(n => (int?)n.Id).SingleOrDefaultAsync(cancellationToken);
            if (networkId is null)
            {
                errors.Add("network", $"Den Verbund „{Network}“ gibt es nicht.");
            }
        }
        else if (!onlyAdmin && roles.Count > 0)
        {
            errors.Add("network", "Interviewende, Steuerkreis und Analyse gehören zu einem Verbund: Bitte wählen Sie ihn.");
        }

        var districts = Districts ?? [];
        if (districts.Count > 0 && !roles.Contains(Data.Accounts.Roles.Interviewer))
        {
            errors.Add("districts", "Kreise werden nur Interviewenden zugewiesen.");
        }

        if (networkId is { } id && districts.Count > 0)
        {
            var inNetwork = await db.NetworkDistricts.Where(d => d.NetworkId == id).Select(d => d.DistrictKey).ToListAsync(cancellationToken);
            foreach (var outside in districts.Where(d => !inNetwork.Contains(d)))
            {
                errors.Add("districts", $"Der Kreis {outside} gehört nicht zum Verbund „{Network}“.");
            }
        }

        return errors.Any ? errors : new Outcome<int?>(networkId, null);
    }
}
