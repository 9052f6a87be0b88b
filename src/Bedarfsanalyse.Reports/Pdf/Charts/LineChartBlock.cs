using Bedarfsanalyse.Core.Formatting;
using Bedarfsanalyse.Reports.Pdf.Layout;
using ScottPlot;

namespace Bedarfsanalyse.Reports.Pdf.Charts;

/// <summary>
/// Quarterly trends: one line per series over the given periods ("Q3/2025" …). A period without a value leaves a
/// gap instead of a line drawn across it. Series differ in colour, line pattern and marker, so they can be told
/// apart without colour too.
/// </summary>
public sealed class LineChartBlock : ChartBlock
{
    private static readonly LinePattern[] Patterns = [LinePattern.Solid, LinePattern.Dashed, LinePattern.Dotted, LinePattern.DenselyDashed];
    private static readonly MarkerShape[] Markers = [MarkerShape.FilledCircle, MarkerShape.FilledSquare, MarkerShape.FilledTriangleUp, MarkerShape.FilledDiamond];

    public LineChartBlock(string title, IReadOnlyList<string> periods, IReadOnlyList<LineSeries> series)
        : base(title)
    {
        if (periods.Count == 0 || series.Count == 0)
        {
            throw new ArgumentException("Ein Liniendiagramm braucht Zeitpunkte und mindestens eine Linie.", nameof(series));
        }

        foreach (var line in series.Where(s => s.Values.Count != periods.Count))
        {
            throw new ArgumentException($"„{line.Name}“ hat {line.Values.Count} Werte für {periods.Count} Zeitpunkte.", nameof(series));
        }

        Periods = periods;
        Series = series;
    }

    public IReadOnlyList<string> Periods { get; }

    public IReadOnlyList<LineSeries> Series { get; }

    public string AxisLabel { get; init; } = "Anteil in %";

    /// <summary>The unweighted n of each period, written under its label ("n = 134"): every chart shows its n.</summary>
    public IReadOnlyList<int>? PeriodN
    {
        get => _periodN;
        init
        {
            if (value is not null && value.Count != Periods.Count)
            {
                throw new ArgumentException($"{value.Count} Fallzahlen für {Periods.Count} Zeitpunkte.", nameof(PeriodN));
            }

            _periodN = value;
        }
    }

    private readonly IReadOnlyList<int>? _periodN;

    public float Height { get; init; } = 170f;

    internal override float PlotHeight(LayoutContext context, float width) => Height;

    internal override IReadOnlyList<LegendEntry> LegendEntries(Theme theme) =>
        Series.Select((s, i) => new LegendEntry(s.Name, Color(theme, i), Patterns[i % Patterns.Length], Markers[i % Markers.Length])).ToList();

    private static SkiaSharp.SKColor Color(Theme theme, int index) => theme.SeriesColors[index % theme.SeriesColors.Count];

    internal override Plot CreatePlot(LayoutContext context, float width, float height)
    {
        var theme = context.Theme;
        var plot = PlotStyle.Create(theme);

        for (var s = 0; s < Series.Count; s++)
        {
            foreach (var segment in Segments(Series[s].Values))
            {
                var line = plot.Add.Scatter(segment.Select(p => (double)p.Index).ToArray(), segment.Select(p => p.Value).ToArray());
                line.Color = PlotStyle.ToPlot(Color(theme, s));
                line.LineWidth = 1.6f;
                line.LinePattern = Patterns[s % Patterns.Length];
                line.MarkerShape = Markers[s % Markers.Length];
                line.MarkerSize = 5.5f;
            }
        }

        var maximum = Series.SelectMany(s => s.Values).Max() ?? 0;
        var top = NiceCeiling(Math.Max(maximum * 1.1, 10));
        var (ticks, tickLabels) = PlotStyle.PercentTicks(top);
        plot.Axes.Left.SetTicks(ticks, tickLabels);
        plot.Axes.Left.Label.Text = AxisLabel;
        var periodLabels = Periods.Select((period, i) => PeriodN is null ? period : $"{period}\nn = {GermanFigureFormat.Count(PeriodN[i])}").ToArray();
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, Periods.Count).Select(i => (double)i).ToArray(), periodLabels);
        plot.Grid.XAxisStyle.IsVisible = false;
        plot.Axes.SetLimits(-0.4, Periods.Count - 0.6, 0, top);
        return plot;
    }

    /// <summary>Runs of consecutive periods with values; a missing value ends a run.</summary>
    private static IEnumerable<List<(int Index, double Value)>> Segments(IReadOnlyList<double?> values)
    {
        var run = new List<(int, double)>();
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is { } value)
            {
                run.Add((i, value));
            }
            else if (run.Count > 0)
            {
                yield return run;
                run = [];
            }
        }

        if (run.Count > 0)
        {
            yield return run;
        }
    }

    private static double NiceCeiling(double value)
    {
        var step = value <= 20 ? 5 : value <= 50 ? 10 : 20;
        return Math.Min(100, Math.Ceiling(value / step) * step);
    }
}
