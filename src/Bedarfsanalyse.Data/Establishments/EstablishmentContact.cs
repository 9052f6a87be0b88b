namespace Bedarfsanalyse.Data.Establishments;

/// <summary>
/// The identifying data of an establishment (company name, address, contact person), kept apart from everything
/// analysed so that only roles that need it can reach it, and so that it can be erased while the answers stay.
/// </summary>
public sealed class EstablishmentContact
{
    public Guid EstablishmentId { get; init; }

    public required string Name { get; set; }

    public string? Street { get; set; }

    public string? PostalCode { get; set; }

    public string? City { get; set; }

    public string? ContactPerson { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
