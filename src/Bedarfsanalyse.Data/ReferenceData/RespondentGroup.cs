namespace Bedarfsanalyse.Data.ReferenceData;

/// <summary>Who answers an interview: the establishment (Betrieb) or one of the employee groups (Beschäftigtengruppen).</summary>
public sealed class RespondentGroup
{
    public const string Establishment = "establishment";
    public const string OlderEmployees = "employees_55plus";
    public const string YoungerEmployees = "employees_under25";
    public const string Apprentices = "apprentices";
    public const string ImmigrationHistory = "employees_immigration";

    public required string Code { get; init; }

    public required string Name { get; set; }

    /// <summary>True for the employer interview, which is about one establishment.</summary>
    public bool IsEstablishment { get; set; }

    public int SortOrder { get; set; }
}
