using ScottPlot;
using SkiaSharp;

namespace Bedarfsanalyse.Reports.Pdf.Charts;

/// <summary>One key of a chart legend: a filled box, or a line with its pattern and marker.</summary>
internal sealed record LegendEntry(string Text, SKColor Color, LinePattern? Line = null, MarkerShape Marker = MarkerShape.None);
