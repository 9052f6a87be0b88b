namespace Bedarfsanalyse.Core.Statistics;

/// <summary>How an interval was computed; the report's method notes name it.</summary>
public enum IntervalMethod
{
    /// <summary>No interval (no data, or too few values for one).</summary>
    None,

    /// <summary>Wilson score interval for a share (Wilson 1927).</summary>
    Wilson,

    /// <summary>Clopper-Pearson exact interval for a share (Clopper &amp; Pearson 1934).</summary>
    ClopperPearson,

    /// <summary>t-based interval for a mean.</summary>
    StudentT,

    /// <summary>Distribution-free interval for the median from order statistics.</summary>
    OrderStatistics,

    /// <summary>Woodruff (1952) interval for a weighted median: an interval for the share below it, mapped back.</summary>
    Woodruff,

    /// <summary>Newcombe's hybrid score interval for the difference of two independent shares (Newcombe 1998, method 10).</summary>
    NewcombeHybridScore,
}
