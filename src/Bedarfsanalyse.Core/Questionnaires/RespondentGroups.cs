namespace Bedarfsanalyse.Core.Questionnaires;

/// <summary>
/// Who answers a questionnaire (Befragtengruppe). The codes are those of the reference data table
/// respondent_groups; the engine knows them so that a questionnaire cannot be published for a group that does not exist.
/// </summary>
public static class RespondentGroups
{
    public const string Establishment = "establishment";
    public const string OlderEmployees = "employees_55plus";
    public const string YoungerEmployees = "employees_under25";
    public const string Apprentices = "apprentices";
    public const string ImmigrationHistory = "employees_immigration";

    public static IReadOnlyList<string> All { get; } =
        [Establishment, OlderEmployees, YoungerEmployees, Apprentices, ImmigrationHistory];
}
