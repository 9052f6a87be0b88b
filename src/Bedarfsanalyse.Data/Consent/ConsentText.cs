namespace Bedarfsanalyse.Data.Consent;

/// <summary>
/// A version of the consent and information text (DSGVO Art. 6(1)(a), 7, 13) that respondents agree to.
/// Every interview records the version it was given under.
/// </summary>
public sealed class ConsentText
{
    public required string Version { get; init; }

    public required string Text { get; init; }

    public DateOnly ValidFrom { get; init; }
}
