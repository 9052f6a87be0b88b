using System.Net.Mail;
using Bedarfsanalyse.Data;
using Bedarfsanalyse.Data.Establishments;
using Bedarfsanalyse.Data.ReferenceData;
using Bedarfsanalyse.Web.Features.Audit;
using Bedarfsanalyse.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Bedarfsanalyse.Web.Features.Establishments;

/// <summary>
/// Establishments with data protection built in: everyone in the network sees the pseudonym and the analysed
/// attributes; name, address and contact only interviewers of the establishment's district and admins, and
/// every such read is recorded.
/// </summary>
public sealed class EstablishmentRegistry(BedarfsanalyseDb db, UserScope scope, AuditLog audit, TimeProvider clock)
{
    public async Task<IReadOnlyList<EstablishmentView>> ListAsync(int networkId, string? district, CancellationToken cancellationToken)
    {
        var rows = await db.Establishments
            .Where(e => e.NetworkId == networkId && (district == null || e.DistrictKey == district))
            .OrderBy(e => e.DistrictKey).ThenBy(e => e.Pseudonym)
            .Include(e => e.Contact)
            .ToListAsync(cancellationToken);
        var allowed = scope.IsAdmin ? null : await scope.InterviewerDistrictsAsync(cancellationToken);
        var views = rows.Select(e => View(e, allowed is null || (scope.NetworkId == e.NetworkId && allowed.Contains(e.DistrictKey)))).ToList();
        var shown = views.Where(v => v.Contact is not null).Select(v => v.Id.ToString()).ToList();
        if (shown.Count > 0)
        {
            await audit.RecordAsync(AuditActions.ContactViewed, "establishment", shown.Count == 1 ? shown[0] : null,
                new { establishments = shown }, cancellationToken: cancellationToken);
        }

        return views;
    }

    /// <summary>
    /// Establishments of a district whose name contains the given one or is contained in it (case ignored), for finding
    /// one before an interview and for suggesting duplicates before a new one is made. Only for users who may see names
    /// there; every name shown is recorded.
    /// </summary>
    public async Task<IReadOnlyList<EstablishmentView>> FindByNameAsync(int networkId, string district, string name, CancellationToken cancellationToken)
    {
        var search = name.Trim();
        if (search.Length < 2 || !await scope.MayWorkInAsync(networkId, district, cancellationToken))
        {
            return [];
        }

        var pattern = "%" + search.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
        var rows = await db.Establishments
            .Where(e => e.NetworkId == networkId && e.DistrictKey == district && e.Contact != null
                && (EF.Functions.ILike(e.Contact.Name, pattern) || EF.Functions.ILike(search, "%" + e.Contact.Name + "%")))
            .Include(e => e.Contact)
            .OrderBy(e => e.Contact!.Name)
            .Take(20)
            .ToListAsync(cancellationToken);
        if (rows.Count > 0)
        {
            await audit.RecordAsync(AuditActions.ContactViewed, "establishment", rows.Count == 1 ? rows[0].Id.ToString() : null,
                new { establishments = rows.Select(r => r.Id.ToString()) }, cancellationToken: cancellationToken);
        }

        return [.. rows.Select(e => View(e, showContact: true))];
    }

    /// <summary>
    /// Establishments of a network whose name contains the text or whose pseudonym is the text, in the districts where
    /// the user may see names (admins: all), for handling a request for erasure. Every name shown is recorded.
    /// </summary>
    public async Task<IReadOnlyList<EstablishmentView>> SearchAsync(int networkId, string text, CancellationToken cancellationToken)
    {
        var search = text.Trim();
        if (search.Length < 2 || !scope.CanReadNetwork(networkId))
        {
            return [];
        }

        var allowed = scope.IsAdmin ? null : (await scope.InterviewerDistrictsAsync(cancellationToken)).ToList();
        var pattern = "%" + search.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
        var pseudonym = search.ToUpperInvariant();
        var rows = await db.Establishments
            .Where(e => e.NetworkId == networkId && (allowed == null || allowed.Contains(e.DistrictKey)))
            .Where(e => e.Pseudonym == pseudonym || (e.Contact != null && EF.Functions.ILike(e.Contact.Name, pattern)))
            .Include(e => e.Contact)
            .OrderBy(e => e.Contact == null).ThenBy(e => e.Contact!.Name).ThenBy(e => e.Pseudonym)
            .Take(50)
            .ToListAsync(cancellationToken);
        var shown = rows.Where(r => r.Contact is not null).Select(r => r.Id.ToString()).ToList();
        if (shown.Count > 0)
        {
            await audit.RecordAsync(AuditActions.ContactViewed, "establishment", shown.Count == 1 ? shown[0] : null,
                new { establishments = shown }, cancellationToken: cancellationToken);
        }

        return [.. rows.Select(e => View(e, showContact: true))];
    }

    /// <summary>How many interviews and answers an establishment has: what stays, pseudonymised, when its identifying data is erased.</summary>
    public async Task<(int Interviews, int Answers)> CountAnswersAsync(Guid id, CancellationToken cancellationToken)
    {
        var interviews = await db.Interviews.CountAsync(i => i.EstablishmentId == id, cancellationToken);
        var answers = await db.Answers.CountAsync(a => db.Interviews.Any(i => i.Id == a.InterviewId && i.EstablishmentId == id), cancellationToken);
        return (interviews, answers);
    }

    /// <summary>The establishment, or null when it does not exist or lies outside the user's network.</summary>
    public async Task<EstablishmentView?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        var establishment = await db.Establishments.Include(e => e.Contact).SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (establishment is null || !scope.CanReadNetwork(establishment.NetworkId))
        {
            return null;
        }

        var mayContact = await scope.MayWorkInAsync(establishment.NetworkId, establishment.DistrictKey, cancellationToken);
        if (mayContact && establishment.Contact is not null)
        {
            await audit.RecordAsync(AuditActions.ContactViewed, "establishment", id.ToString(), cancellationToken: cancellationToken);
        }

        return View(establishment, mayContact);
    }

    public async Task<Outcome<EstablishmentView>> CreateAsync(int networkId, EstablishmentInput input, CancellationToken cancellationToken)
    {
        var errors = new InputErrors();
        var district = input.District?.Trim() ?? "";
        if (!await db.NetworkDistricts.AnyAsync(d => d.NetworkId == networkId && d.DistrictKey == district, cancellationToken))
        {
            errors.Add("district", $"Der Kreis „{input.District}“ gehört nicht zum Verbund.");

            // A district that exists, but in another network, is an attempt outside the user's scope, not a typo.
            if (!scope.IsAdmin && await db.Districts.AnyAsync(d => d.Key == district, cancellationToken))
            {
                await audit.AccessDeniedAsync($"Betrieb anlegen im Kreis {district}: nicht im eigenen Verbund", cancellationToken);
            }
        }
        else if (!await scope.MayWorkInAsync(networkId, district, cancellationToken))
        {
            errors.Add("district", $"Sie sind dem Kreis {district} nicht zugeordnet.");
            await audit.AccessDeniedAsync($"Betrieb anlegen im Kreis {district}: nicht zugeordnet", cancellationToken);
        }

        var sector = input.Sector?.Trim().ToUpperInvariant() ?? "";
        if (!await db.Sectors.AnyAsync(s => s.Classification == Sector.Wz2008 && s.Code == sector, cancellationToken))
        {
            errors.Add("sector", "Bitte wählen Sie einen Wirtschaftszweig (WZ 2008, Abschnitt A bis U).");
        }

        if (input.Headcount is < 1 or > 1_000_000)
        {
            errors.Add("headcount", "Die Zahl der Beschäftigten ist eine ganze Zahl ab 1.");
        }

        if (input.Chamber is not null && !Establishment.Chambers.Contains(input.Chamber))
        {
            errors.Add("chamber", $"„{input.Chamber}“ ist keine Kammerangabe. Möglich sind: hwk (Handwerkskammer), ihk (Industrie- und Handelskammer), beide, keine.");
        }

        var contact = input.Contact;
        if (string.IsNullOrWhiteSpace(contact?.Name))
        {
            errors.Add("contact.name", "Bitte geben Sie den Namen des Betriebs an.");
        }
        else if (contact.Name.Length > 300)
        {
            errors.Add("contact.name", "Der Name darf höchstens 300 Zeichen lang sein.");
        }

        if (!string.IsNullOrWhiteSpace(contact?.Email) && !MailAddress.TryCreate(contact.Email.Trim(), out _))
        {
            errors.Add("contact.email", $"„{contact.Email}“ ist keine gültige E-Mail-Adresse.");
        }

        if (errors.Any)
        {
            return errors;
        }

        var pseudonym = Pseudonym.New();
        while (await db.Establishments.AnyAsync(e => e.Pseudonym == pseudonym, cancellationToken))
        {
            pseudonym = Pseudonym.New();
        }

        var establishment = new Establishment
        {
            Id = Guid.CreateVersion7(),
            NetworkId = networkId,
            DistrictKey = district,
            Pseudonym = pseudonym,
            SectorClassification = Sector.Wz2008,
            SectorCode = sector,
            Headcount = input.Headcount,
            Chamber = input.Chamber,
            CreatedAt = clock.GetUtcNow(),
            Contact = new EstablishmentContact
            {
                Name = contact!.Name!.Trim(),
                Street = Trimmed(contact.Street),
                PostalCode = Trimmed(contact.PostalCode),
                City = Trimmed(contact.City),
                ContactPerson = Trimmed(contact.ContactPerson),
                Phone = Trimmed(contact.Phone),
                Email = Trimmed(contact.Email),
                UpdatedAt = clock.GetUtcNow(),
            },
        };
        db.Establishments.Add(establishment);
        audit.Add(AuditActions.EstablishmentCreated, "establishment", establishment.Id.ToString(), new { district, sector, pseudonym });
        await db.SaveChangesAsync(cancellationToken);
        return View(establishment, showContact: true);
    }

    /// <summary>Erases the identifying data on request (DSGVO Art. 17); the answers stay, under the pseudonym.</summary>
    /// <param name="occasion">What the erasure answers, e.g. "Antrag per E-Mail vom 02.12.2026"; recorded with it.</param>
    public async Task<EraseResult> EraseContactAsync(Guid id, CancellationToken cancellationToken, string? occasion = null)
    {
        var establishment = await db.Establishments.Include(e => e.Contact).SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (establishment is null || !scope.CanReadNetwork(establishment.NetworkId))
        {
            return EraseResult.NotFound;
        }

        if (!await scope.MayWorkInAsync(establishment.NetworkId, establishment.DistrictKey, cancellationToken))
        {
            return EraseResult.Forbidden;
        }

        if (establishment.Contact is not null)
        {
            db.EstablishmentContacts.Remove(establishment.Contact);
            establishment.ContactErasedAt = clock.GetUtcNow();
            audit.Add(AuditActions.ContactErased, "establishment", id.ToString(),
                new { establishment.Pseudonym, occasion = string.IsNullOrWhiteSpace(occasion) ? null : occasion.Trim() });
            await db.SaveChangesAsync(cancellationToken);
        }

        return EraseResult.Erased;
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static EstablishmentView View(Establishment e, bool showContact) => new(
        e.Id, e.Pseudonym, e.DistrictKey, e.SectorCode, e.Headcount, e.Chamber, e.ContactErasedAt,
        showContact && e.Contact is { } c ? new ContactView(c.Name, c.Street, c.PostalCode, c.City, c.ContactPerson, c.Phone, c.Email) : null);
}

public enum EraseResult
{
    Erased,
    NotFound,
    Forbidden,
}

public sealed record EstablishmentInput(string? District, string? Sector, int? Headcount, string? Chamber, ContactView? Contact);

/// <summary>What a caller may see of an establishment; <see cref="Contact"/> is null unless the caller may see identifying data.</summary>
public sealed record EstablishmentView(
    Guid Id, string Pseudonym, string District, string Sector, int? Headcount, string? Chamber, DateTimeOffset? ContactErasedAt, ContactView? Contact);

public sealed record ContactView(string? Name, string? Street, string? PostalCode, string? City, string? ContactPerson, string? Phone, string? Email);
