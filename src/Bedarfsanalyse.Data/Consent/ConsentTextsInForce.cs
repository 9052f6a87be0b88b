using Microsoft.EntityFrameworkCore;

namespace Bedarfsanalyse.Data.Consent;

/// <summary>
/// Which consent text a respondent is shown and agrees to on a given day: the newest version whose start date has
/// arrived. A version entered in advance (start date in the future) is not offered before its day.
/// </summary>
public static class ConsentTextsInForce
{
    /// <summary>The version in force on <paramref name="day"/> (German calendar day), or null when none has started yet.</summary>
    public static Task<ConsentText?> InForceOnAsync(this IQueryable<ConsentText> texts, DateOnly day, CancellationToken cancellationToken = default) =>
        texts.Where(c => c.ValidFrom <= day).OrderByDescending(c => c.ValidFrom).ThenByDescending(c => c.Version).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Whether <paramref name="version"/> exists and has started by <paramref name="day"/>: only such a version can be agreed to.</summary>
    public static Task<bool> IsInForceOnAsync(this IQueryable<ConsentText> texts, string version, DateOnly day, CancellationToken cancellationToken = default) =>
        texts.AnyAsync(c => c.Version == version && c.ValidFrom <= day, cancellationToken);
}
