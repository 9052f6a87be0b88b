using Bedarfsanalyse.Core.Periods;
using Bedarfsanalyse.Data;
using Bedarfsanalyse.Data.Interviews;
using Bedarfsanalyse.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Bedarfsanalyse.Web.Features.Interviews;

/// <summary>The interviews a user may work on, filtered: interviewers see their own in their districts, admins all.</summary>
public sealed class InterviewList(BedarfsanalyseDb db, UserScope scope)
{
    public const int MaxRows = 1000;

    public async Task<Outcome<IReadOnlyList<InterviewSummary>>> ListAsync(InterviewFilter filter, CancellationToken cancellationToken)
    {
        var errors = new InputErrors();
        var query = db.Interviews.AsNoTracking();
        if (!scope.IsAdmin)
        {
            var userId = scope.UserId;
            var networkId = scope.NetworkId;
            var districts = (await scope.InterviewerDistrictsAsync(cancellationToken)).ToList();
            query = query.Where(i => i.InterviewerId == userId && i.NetworkId == networkId && districts.Contains(i.DistrictKey));
        }

        if (!string.IsNullOrWhiteSpace(filter.District))
        {
            var district = filter.District.Trim();
            query = query.Where(i => i.DistrictKey == district);
        }

        if (!string.IsNullOrWhiteSpace(filter.Questionnaire))
        {
            var key = filter.Questionnaire.Trim();
            query = query.Where(i => i.QuestionnaireVersion!.Questionnaire!.Key == key);
        }

        if (!string.IsNullOrWhiteSpace(filter.Status))
        {
            var status = filter.Status.Trim();
            if (status is not (Interview.Draft or Interview.Completed or Interview.Withdrawn))
            {
                errors.Add("status", "Status: draft (Entwurf), completed (abgeschlossen) oder withdrawn (zurückgezogen).");
            }

            query = query.Where(i => i.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(filter.Quarter))
        {
            if (Quarter.TryParse(filter.Quarter.Trim(), out var quarter))
            {
                query = query.Where(i => i.ConductedOn >= quarter.FirstDay && i.ConductedOn < quarter.NextFirstDay);
            }
            else
            {
                errors.Add("quarter", $"„{filter.Quarter}“ ist kein Quartal; erwartet wird z. B. 2026-Q3 oder Q3/2026.");
            }
        }

        if (errors.Any)
        {
            return errors;
        }

        // Drafts first (the interviewer's open work), then the most recently saved.
        var rows = await query
            .OrderBy(i => i.Status == Interview.Draft ? 0 : 1).ThenByDescending(i => i.UpdatedAt)
            .Take(MaxRows)
            .Select(i => new InterviewSummary(
                i.Id, i.QuestionnaireVersion!.Questionnaire!.Key, i.QuestionnaireVersion.Number, i.RespondentGroupCode, i.DistrictKey,
                i.EstablishmentId, i.ConductedOn, i.Status, i.UpdatedAt, i.CompletedAt, i.Version))
            .ToListAsync(cancellationToken);
        return new Outcome<IReadOnlyList<InterviewSummary>>(rows, null);
    }
}
