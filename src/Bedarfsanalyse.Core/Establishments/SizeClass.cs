namespace Bedarfsanalyse.Core.Establishments;

/// <summary>Size class (Betriebsgrößenklasse) of an establishment, always derived from its exact headcount, never asked.</summary>
public sealed record SizeClass(string Code, string Label, int MinHeadcount, int? MaxHeadcount)
{
    public static readonly SizeClass Micro = new("1-9", "1–9 Beschäftigte", 1, 9);
    public static readonly SizeClass Small = new("10-49", "10–49 Beschäftigte", 10, 49);
    public static readonly SizeClass Medium = new("50-249", "50–249 Beschäftigte", 50, 249);
    public static readonly SizeClass Large = new("250+", "250 und mehr Beschäftigte", 250, null);

    public static IReadOnlyList<SizeClass> All { get; } = [Micro, Small, Medium, Large];

    /// <summary>The class of a headcount; null for a headcount below 1, which has no class.</summary>
    public static SizeClass? Of(int headcount) =>
        All.FirstOrDefault(c => headcount >= c.MinHeadcount && (c.MaxHeadcount is null || headcount <= c.MaxHeadcount));
}
