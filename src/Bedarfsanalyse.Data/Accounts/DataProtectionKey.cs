namespace Bedarfsanalyse.Data.Accounts;

/// <summary>An ASP.NET Core data-protection key (protects sign-in cookies and antiforgery tokens), shared by every instance through the database.</summary>
public sealed class DataProtectionKey
{
    public int Id { get; init; }

    public string? FriendlyName { get; init; }

    public required string Xml { get; init; }
}
