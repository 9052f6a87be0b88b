namespace Bedarfsanalyse.Core.Disclosure;

/// <summary>
/// The German reasons printed with suppressed cells. Placeholders: {0} = MinimumCases, {1} = MinimumShareBase,
/// {2} = FullReliabilityBase − 1, {3} = dominance contributors, {4} = dominance percent. A network may reword them.
/// </summary>
public sealed record DisclosureTexts
{
    public static DisclosureTexts Default { get; } = new();

    public string TooFewCases { get; init; } = "weniger als {0} Fälle";

    public string Dominance { get; init; } = "Dominanzregel ({3}, {4})";

    public string Secondary { get; init; } = "Sekundärsperrung";

    public string BaseTooSmall { get; init; } = "Basis unter {1} Fällen";

    public string LimitedReliability { get; init; } = "eingeschränkte Aussagekraft (Basis {1} bis {2} Fälle)";

    public string NoCases { get; init; } = "keine Fälle";
}
