using System.Security.Claims;
using Bedarfsanalyse.Data;
using Bedarfsanalyse.Data.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Bedarfsanalyse.Web.Security;

/// <summary>
/// What the current user may reach beyond their role: their network, and for interviewers their districts.
/// Admins reach everything. Every endpoint that takes a network, district or record id asks this before acting.
/// </summary>
public sealed class UserScope(IHttpContextAccessor http, BedarfsanalyseDb db)
{
    private IReadOnlySet<string>? _districts;

    public ClaimsPrincipal User => http.HttpContext?.User ?? new ClaimsPrincipal();

    public Guid? UserId => User.UserId();

    public bool IsAdmin => User.IsInRole(Roles.Admin);

    public int? NetworkId => User.NetworkIdOf();

    public bool IsIn(string role) => User.IsInRole(role);

    public bool CanReadNetwork(int networkId) => IsAdmin || NetworkId == networkId;

    /// <summary>The districts the user is assigned to as interviewer (empty for everyone else).</summary>
    public async Task<IReadOnlySet<string>> InterviewerDistrictsAsync(CancellationToken cancellationToken = default)
    {
        if (_districts is not null)
        {
            return _districts;
        }

        if (UserId is not { } userId || !IsIn(Roles.Interviewer))
        {
            return _districts = new HashSet<string>();
        }

        if (User.Identity?.AuthenticationType == ApiTokenAuthentication.SchemeName)
        {
            return _districts = User.FindAll(AppClaims.District).Select(c => c.Value).ToHashSet();
        }

        var keys = await db.UserDistricts.Where(d => d.UserId == userId).Select(d => d.DistrictKey).ToListAsync(cancellationToken);
        return _districts = keys.ToHashSet();
    }

    /// <summary>Admins anywhere; interviewers in the districts of their network they are assigned to.</summary>
    public async Task<bool> MayWorkInAsync(int networkId, string districtKey, CancellationToken cancellationToken = default) =>
        IsAdmin || (NetworkId == networkId && (await InterviewerDistrictsAsync(cancellationToken)).Contains(districtKey));
}
