using Bedarfsanalyse.Data.Networks;
using Bedarfsanalyse.Data.ReferenceData;

namespace Bedarfsanalyse.Data.Establishments;

/// <summary>
/// An establishment (Betrieb), the unit of the employer survey. Holds only what analysis may see;
/// name, address and contact live in <see cref="EstablishmentContact"/>, a table of their own.
/// </summary>
public sealed class Establishment
{
    /// <summary>The chamber codes, the same as the employer questionnaire's "kammer" choices (without "weiß nicht").</summary>
    public static readonly IReadOnlyList<string> Chambers = ["hwk", "ihk", "beide", "keine"];

    public Guid Id { get; init; }

    public int NetworkId { get; init; }

    public Network? Network { get; set; }

    public required string DistrictKey { get; set; }

    public District? District { get; set; }

    /// <summary>Random, stable pseudonym shown to analysts and in reports; not derived from the name.</summary>
    public required string Pseudonym { get; init; }

    public required string SectorClassification { get; set; }

    public required string SectorCode { get; set; }

    public Sector? Sector { get; set; }

    /// <summary>Exact headcount at registration; the size class is derived from it, never stored.</summary>
    public int? Headcount { get; set; }

    /// <summary>Chamber membership in the employer questionnaire's codes: hwk (crafts), ihk (commerce), beide or keine.</summary>
    public string? Chamber { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the identifying data was erased (on request or by retention); the answers stay, pseudonymised.</summary>
    public DateTimeOffset? ContactErasedAt { get; set; }

    public EstablishmentContact? Contact { get; set; }
}
