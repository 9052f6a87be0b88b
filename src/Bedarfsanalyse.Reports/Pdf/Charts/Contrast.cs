using SkiaSharp;

namespace Bedarfsanalyse.Reports.Pdf.Charts;

/// <summary>
/// Chooses white or dark text on a coloured area by the area's relative luminance (WCAG): below 0.22 white text has
/// the better contrast against the report's dark text colour.
/// </summary>
internal static class Contrast
{
    public static bool IsDark(SKColor color) => RelativeLuminance(color) < 0.22;

    private static double RelativeLuminance(SKColor color) =>
        0.2126 * Linear(color.Red) + 0.7152 * Linear(color.Green) + 0.0722 * Linear(color.Blue);

    private static double Linear(byte channel)
    {
        var c = channel / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
    }
}
