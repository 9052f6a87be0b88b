using Bedarfsanalyse.Core.Periods;

namespace Bedarfsanalyse.Core.Analysis;

/// <summary>The quarters a figure is computed over: one quarter, or the rolling four quarters ending with it.</summary>
public readonly record struct AnalysisPeriod
{
    private AnalysisPeriod(Quarter last, int length)
    {
        Last = last;
        Length = length;
    }

    public Quarter Last { get; }

    /// <summary>1 for a quarter, 4 for a rolling value.</summary>
    public int Length { get; }

    public bool IsRolling => Length > 1;

    public IEnumerable<Quarter> Quarters
    {
        get
        {
            var (last, length) = (Last, Length);
            return Enumerable.Range(0, length).Select(i => last.AddQuarters(i - length + 1));
        }
    }

    public static AnalysisPeriod Of(Quarter quarter) => new(quarter, 1);

    public static AnalysisPeriod Rolling(Quarter last) => new(last, 4);

    /// <summary>"Q3/2026" or "Q4/2025–Q3/2026".</summary>
    public string Label => IsRolling ? $"{Last.AddQuarters(-3).ToGermanShortString()}–{Last.ToGermanShortString()}" : Last.ToGermanShortString();

    public override string ToString() => IsRolling ? $"{Last}-R4" : Last.ToString();
}
