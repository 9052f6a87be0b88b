namespace Bedarfsanalyse.Data.Networks;

/// <summary>The planned number of interviews (Soll) for one district, respondent group and quarter.</summary>
public sealed class FieldTarget
{
    public int NetworkId { get; init; }

    public required string DistrictKey { get; init; }

    public required string RespondentGroupCode { get; init; }

    public int Year { get; init; }

    public int Quarter { get; init; }

    public int Target { get; set; }
}
