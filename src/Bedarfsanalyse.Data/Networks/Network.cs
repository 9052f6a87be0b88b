using Bedarfsanalyse.Data.ReferenceData;

namespace Bedarfsanalyse.Data.Networks;

/// <summary>A training network (Weiterbildungsverbund, Fachkräftebündnis): an alliance that reports per district.</summary>
public sealed class Network
{
    public int Id { get; init; }

    /// <summary>Stable key used in commands and URLs, e.g. "mehrwert".</summary>
    public required string Key { get; init; }

    public required string Name { get; set; }

    /// <summary>What the network calls its steering committee: Steuerkreis, Lenkungsgruppe, ...</summary>
    public required string SteeringCommitteeName { get; set; }

    public string? Topics { get; set; }

    /// <summary>Cron expression (Europe/Berlin) for the quarterly reports; default 06:00 on the first day of a quarter.</summary>
    public string ReportSchedule { get; set; } = DefaultReportSchedule;

    /// <summary>Months after an establishment's last interview when its contact data is deleted.</summary>
    public int ContactRetentionMonths { get; set; } = DefaultContactRetentionMonths;

    public const string DefaultReportSchedule = "0 6 1 1,4,7,10 *";

    public const int DefaultContactRetentionMonths = 12;

    public List<NetworkDistrict> Districts { get; } = [];
}

/// <summary>A district that belongs to a network.</summary>
public sealed class NetworkDistrict
{
    public int NetworkId { get; init; }

    public required string DistrictKey { get; init; }

    public District? District { get; set; }
}
