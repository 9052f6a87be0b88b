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

    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        ReportTitle, District, DistrictKey, Network, Committee, CommitteeAccusative, CommitteeDative, Quarter, QuarterShort, Date, EmployerInterviews, EmployeeInterviews, Weighted,
    };
}
