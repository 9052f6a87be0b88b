namespace Bedarfsanalyse.Reports.Templates;

/// <summary>
/// The placeholders a report text may use. A template naming any other fails validation, so a typo never prints an
/// empty gap into a committee's report.
/// </summary>
public static class ReportTextVariables
{
    public const string ReportTitle = "berichtstitel";
    public const string District = "bezirk";
    public const string DistrictKey = "bezirk_schluessel";
    public const string Network = "netzwerk";
    public const string Committee = "gremium";
    public const string CommitteeAccusative = "gremium_akkusativ";
    public const string CommitteeDative = "gremium_dativ";
    public const string Quarter = "quartal";
    public const string QuarterShort = "quartal_kurz";
    public const string Date = "stand";
    public const string EmployerInterviews = "interviews_betriebe";
    public const string EmployeeInterviews = "interviews_beschaeftigte";
    public const string Weighted = "gewichtet";

    // The disclosure thresholds applied (numbers): fewer cases are secret, bases below the minimum not reliable enough,
    // bases below the full base of limited reliability; sums where the largest contributors hold more than the percent.
    public const string MinimumCases = "mindestfallzahl";
    public const string MinimumShareBase = "mindestbasis";
    public const string FullReliabilityBase = "volle_basis";
    public const string DominanceContributors = "dominanz_anzahl";
    public const string DominancePercent = "dominanz_prozent";

    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        ReportTitle, District, DistrictKey, Network, Committee, CommitteeAccusative, CommitteeDative, Quarter, QuarterShort, Date, EmployerInterviews, EmployeeInterviews, Weighted,
        MinimumCases, MinimumShareBase, FullReliabilityBase, DominanceContributors, DominancePercent,
    };
}
