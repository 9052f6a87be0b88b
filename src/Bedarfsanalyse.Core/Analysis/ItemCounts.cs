namespace Bedarfsanalyse.Core.Analysis;

/// <summary>Respondents counted with their weights: n, Σw and Σw² (what a weighted share and Kish's n need).</summary>
internal struct WeightedCount
{
    public int N;
    public double W;
    public double W2;

    public void Add(int n, double weight)
    {
        N += n;
        W += n * weight;
        W2 += n * weight * weight;
    }

    public void Add(WeightedCount other)
    {
        N += other.N;
        W += other.W;
        W2 += other.W2;
    }

    public static WeightedCount operator -(WeightedCount a, WeightedCount b) => new() { N = a.N - b.N, W = a.W - b.W, W2 = a.W2 - b.W2 };
}

/// <summary>
/// The counts of one choice item (a question or one row of a matrix) for one population over one period, by district,
/// respondent group and option, and for establishments also by size class and sector group. "Weiß nicht / keine
/// Angabe" answers are counted apart and are not in the base.
/// </summary>
internal sealed class ItemCounts
{
    public ItemCounts(int districts, int groups, int options, int sizeClasses, int sectorGroups)
    {
        Options = new WeightedCount[districts, groups, options];
        Answered = new WeightedCount[districts, groups];
        NonSubstantive = new WeightedCount[districts, groups];
        BySize = new CategoryCounts(sizeClasses, options);
        BySector = new CategoryCounts(sectorGroups, options);
    }

    /// <summary>Respondents who chose each substantive option.</summary>
    public WeightedCount[,,] Options { get; }

    /// <summary>Respondents who answered the item at all (substantively or not).</summary>
    public WeightedCount[,] Answered { get; }

    public WeightedCount[,] NonSubstantive { get; }

    public CategoryCounts BySize { get; }

    public CategoryCounts BySector { get; }

    public int Districts => Answered.GetLength(0);

    public int Groups => Answered.GetLength(1);

    public int OptionCount => Options.GetLength(2);

    public WeightedCount Base(int district, int group) => Answered[district, group] - NonSubstantive[district, group];

    public sealed class CategoryCounts(int categories, int options)
    {
        public WeightedCount[,] Options { get; } = new WeightedCount[categories, options];

        public WeightedCount[] Answered { get; } = new WeightedCount[categories];

        public WeightedCount[] NonSubstantive { get; } = new WeightedCount[categories];

        public int Count => Answered.Length;

        public WeightedCount Base(int category) => Answered[category] - NonSubstantive[category];
    }
}
