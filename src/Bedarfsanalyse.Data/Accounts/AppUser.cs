using Microsoft.AspNetCore.Identity;

namespace Bedarfsanalyse.Data.Accounts;

/// <summary>A person who signs in: interviewer, steering member, analyst or admin (roles are Identity roles).</summary>
public sealed class AppUser : IdentityUser<Guid>
{
    /// <summary>
    /// An admin's lock is a lockout without end; Identity's own lockout after failed sign-ins lasts minutes. Stored
    /// values are compared against this bound, since PostgreSQL keeps microseconds and DateTimeOffset.MaxValue has ticks.
    /// </summary>
    public static readonly DateTimeOffset LockedByAdminFrom = new(9000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public required string DisplayName { get; set; }

    /// <summary>The network whose data the user may see; null for admins, who administer every network.</summary>
    public int? NetworkId { get; set; }

    /// <summary>Set for accounts created with a one-time password; the user must choose a new one before anything else.</summary>
    public bool MustChangePassword { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Districts an interviewer is assigned to; only there may they enter interviews and see contact data.</summary>
    public List<UserDistrict> Districts { get; } = [];
}

/// <summary>An interviewer's assignment to a district.</summary>
public sealed class UserDistrict
{
    public Guid UserId { get; init; }

    public required string DistrictKey { get; init; }
}
