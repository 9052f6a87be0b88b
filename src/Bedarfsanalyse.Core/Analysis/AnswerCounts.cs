using Bedarfsanalyse.Core.Periods;

namespace Bedarfsanalyse.Core.Analysis;

/// <summary>
/// Respondents of one weighting stratum who gave one answer value, as PostgreSQL counts them: the engine's only input
/// from the answers. <see cref="Respondents"/> counts answer rows (one per respondent and value: a multiple-choice
/// option, a rank, a matrix cell); <see cref="First"/> counts those at position 0, one per respondent and question (or
/// matrix row), which sum to the respondents who answered at all.
/// </summary>
/// <param name="SizeClass">Size class of an establishment interview; empty for employee interviews.</param>
/// <param name="SectorGroup">Sector group of an establishment interview; empty for employee interviews.</param>
/// <param name="Code">The answer code (choice, scale, calculated value); null for a number.</param>
/// <param name="Number">A numeric answer; null for a code.</param>
public sealed record AnswerCount(
    string District,
    string Group,
    string SizeClass,
    string SectorGroup,
    int VersionId,
    string Question,
    string Item,
    string? Code,
    decimal? Number,
    int Respondents,
    int First);

/// <summary>Completed interviews of one stratum and questionnaire version: the sample sizes of weighting and the field report.</summary>
public sealed record InterviewCount(string District, string Group, string SizeClass, string SectorGroup, int VersionId, int Interviews);

/// <summary>Everything counted for one network and quarter.</summary>
public sealed record QuarterCounts(Quarter Quarter, IReadOnlyList<AnswerCount> Answers, IReadOnlyList<InterviewCount> Interviews)
{
    public static QuarterCounts Empty(Quarter quarter) => new(quarter, [], []);

    /// <summary>
    /// The latest change (edit or completion) of the quarter's completed interviews per district: what tells a revised
    /// figure from a final one. Its calendar day is the one in the offset it carries; the data layer gives German time.
    /// </summary>
    public IReadOnlyDictionary<string, DateTimeOffset> LastChangeByDistrict { get; init; } = new Dictionary<string, DateTimeOffset>();

    public bool IsEmpty => Interviews.Count == 0;
}
