namespace Bedarfsanalyse.Data.Accounts;

/// <summary>The four roles. Names are stable identifiers; <see cref="Label"/> gives the German word shown to users.</summary>
public static class Roles
{
    public const string Interviewer = "Interviewer";
    public const string Steering = "Steering";
    public const string Analyst = "Analyst";
    public const string Admin = "Admin";

    public static IReadOnlyList<string> All { get; } = [Interviewer, Steering, Analyst, Admin];

    public static string Label(string role) => role switch
    {
        Interviewer => "Interviewende",
        Steering => "Steuerkreis",
        Analyst => "Analyse",
        Admin => "Administration",
        _ => role,
    };

    /// <summary>Fixed ids so that the roles can be seeded by migration.</summary>
    internal static Guid IdOf(string role) => role switch
    {
        Interviewer => new Guid("6a1f0c2e-0000-4000-8000-000000000001"),
        Steering => new Guid("6a1f0c2e-0000-4000-8000-000000000002"),
        Analyst => new Guid("6a1f0c2e-0000-4000-8000-000000000003"),
        Admin => new Guid("6a1f0c2e-0000-4000-8000-000000000004"),
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Unbekannte Rolle."),
    };
}
