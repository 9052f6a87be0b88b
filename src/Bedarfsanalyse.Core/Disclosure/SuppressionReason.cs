namespace Bedarfsanalyse.Core.Disclosure;

/// <summary>Why a cell carries its symbol.</summary>
public enum SuppressionReason
{
    None,

    /// <summary>1 to MinimumCases − 1 respondents (primary).</summary>
    TooFewCases,

    /// <summary>The (n, k) dominance rule (primary).</summary>
    Dominance,

    /// <summary>Suppressed so that another suppressed cell cannot be recomputed (complementary).</summary>
    Secondary,

    /// <summary>The unweighted base is below the minimum for a share or mean.</summary>
    BaseTooSmall,

    /// <summary>The unweighted base is enough to show, but not to read without caution.</summary>
    LimitedReliability,

    /// <summary>No respondents at all.</summary>
    NoCases,
}
