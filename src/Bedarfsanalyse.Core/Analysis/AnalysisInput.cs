using Bedarfsanalyse.Core.Disclosure;
using Bedarfsanalyse.Core.Periods;
using Bedarfsanalyse.Core.Questionnaires;
using Bedarfsanalyse.Core.Statistics;
using Bedarfsanalyse.Core.Weighting;

namespace Bedarfsanalyse.Core.Analysis;

/// <summary>A district of the network, in the order reports list them.</summary>
public sealed record DistrictInfo(string Key, string Name);

/// <summary>A published questionnaire version whose interviews may be among the counts.</summary>
public sealed record VersionInfo(int Id, int Number, QuestionnaireDefinition Definition)
{
    public string Questionnaire => Definition.Key;
}

/// <summary>The planned number of interviews (Soll) of a district and respondent group in the report quarter.</summary>
public sealed record TargetInfo(string District, string Group, int Target);

/// <summary>Label and order of a code of a calculated question (sector group, size class), from the reference data.</summary>
public sealed record CodeLabel(string Question, string Code, string Label, int Order);

/// <summary>When the engine weights: by default whenever the network has uploaded population margins.</summary>
public enum WeightingMode
{
    WhenMarginsExist,
    Off,
}

/// <summary>The rules the engine applies; everything a network may set differently.</summary>
public sealed record AnalysisSettings
{
    public static AnalysisSettings Default { get; } = new();

    public DisclosureSettings Disclosure { get; init; } = DisclosureSettings.Default;

    public ShareIntervalSettings Intervals { get; init; } = ShareIntervalSettings.Default;

    public WeightingSettings Weighting { get; init; } = WeightingSettings.Default;

    public WeightingMode WeightingMode { get; init; } = WeightingMode.WhenMarginsExist;

    /// <summary>Figures of a quarter are provisional ("p") until this many days after its end.</summary>
    public int ProvisionalDays { get; init; } = 30;

    /// <summary>The last day a quarter's figures are provisional; from the day after it they are final (or revised).</summary>
    public DateOnly CloseDay(Quarter quarter) => quarter.LastDay.AddDays(ProvisionalDays);

    /// <summary>Quarters a trend shows, the report's quarter included; rolling values need three more before them.</summary>
    public int TrendQuarters { get; init; } = 5;
}

/// <summary>What the engine computes one network's model from; gathered by the data layer, no I/O here.</summary>
public sealed record AnalysisInput
{
    public required string NetworkKey { get; init; }

    public required string NetworkName { get; init; }

    public required IReadOnlyList<DistrictInfo> Districts { get; init; }

    /// <summary>The report quarter.</summary>
    public required Quarter Quarter { get; init; }

    /// <summary>The day the counts were read ("Stand").</summary>
    public required DateOnly AsOf { get; init; }

    /// <summary>The counts of every quarter the model needs (<see cref="AnalysisModel.QuartersNeeded"/>); missing ones count as empty.</summary>
    public required IReadOnlyList<QuarterCounts> Counts { get; init; }

    public required IReadOnlyList<VersionInfo> Versions { get; init; }

    public IReadOnlyList<TargetInfo> Targets { get; init; } = [];

    public IReadOnlyList<CodeLabel> CodeLabels { get; init; } = [];

    /// <summary>Establishments by district × size class × sector group, when the network uploaded them.</summary>
    public PopulationMargins? EstablishmentMargins { get; init; }

    /// <summary>Employees per district (the sums of the uploaded margins), when known for every district.</summary>
    public IReadOnlyDictionary<string, double>? EmployeesByDistrict { get; init; }

    public AnalysisSettings Settings { get; init; } = AnalysisSettings.Default;
}
