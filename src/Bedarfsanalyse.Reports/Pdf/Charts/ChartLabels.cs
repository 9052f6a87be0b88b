using Bedarfsanalyse.Core.Formatting;
using Bedarfsanalyse.Reports.Pdf.Layout;

namespace Bedarfsanalyse.Reports.Pdf.Charts;

/// <summary>Category labels for chart axes: with their n, and wrapped onto several lines rather than running into the plot.</summary>
internal static class ChartLabels
{
    public static string WithN(string label, int n) => $"{label} (n = {GermanFigureFormat.Count(n)})";

    public static string Wrap(string text, TextStyle style, float width)
    {
        // Axis labels carry no footnote numbers, so the text style stands in for the marker style.
        var words = LineBreaker.ToWords([new TextRun(text, false)], style, style);
        return string.Join('\n', LineBreaker.Break(words, width, style, style).Select(line => line.Text));
    }

    public static float WidestLine(IEnumerable<string> labels, TextStyle style) =>
        labels.SelectMany(l => l.Split('\n')).Select(style.Measure).DefaultIfEmpty(0).Max();

    /// <summary>Room for a bar and its (possibly wrapped) label, never so tight that bars look like lines.</summary>
    public static float RowHeight(IEnumerable<string> labels, TextStyle style) =>
        Math.Max(22f, MostLines(labels) * style.LineHeight + 8f);

    public static int MostLines(IEnumerable<string> labels) => labels.Select(l => l.Split('\n').Length).DefaultIfEmpty(1).Max();
}
