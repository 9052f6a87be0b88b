using Bedarfsanalyse.Data.Interviews;
using Bedarfsanalyse.Web.Security;

namespace Bedarfsanalyse.Web.Features.Interviews;

/// <summary>Who may see and change an interview: admins every one, interviewers their own in the districts they are assigned to.</summary>
public sealed class InterviewAccess(UserScope scope)
{
    public async Task<bool> MayWorkOnAsync(Interview interview, CancellationToken cancellationToken) =>
        scope.IsAdmin
        || (interview.InterviewerId == scope.UserId && await scope.MayWorkInAsync(interview.NetworkId, interview.DistrictKey, cancellationToken));
}
