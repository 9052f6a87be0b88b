using System.Collections.Concurrent;
using SkiaSharp;

namespace Bedarfsanalyse.Reports.Pdf;

/// <summary>
/// The regular and bold typeface of a report, loaded from TTF files and registered with ScottPlot, so that
/// body text and chart text are the same font and each face is embedded in the PDF only once.
/// </summary>
public sealed class ReportFonts
{
    // Lazy: two reports starting at once must not register the same files with ScottPlot twice.
    private static readonly ConcurrentDictionary<(string Regular, string Bold), Lazy<ReportFonts>> Loaded = new();

    internal static readonly IReadOnlyList<FontFamilyFiles> DebianCandidates =
    [
        new("fonts-dejavu-core", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
        new("fonts-liberation", "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf", "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf"),
        new("fonts-liberation2", "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf", "/usr/share/fonts/truetype/liberation2/LiberationSans-Bold.ttf"),
    ];

    private ReportFonts(string chartFontName, SKTypeface regular, SKTypeface bold, string regularPath, string boldPath)
    {
        ChartFontName = chartFontName;
        Regular = regular;
        Bold = bold;
        RegularPath = regularPath;
        BoldPath = boldPath;
    }

    /// <summary>The name under which ScottPlot resolves these fonts.</summary>
    public string ChartFontName { get; }

    public SKTypeface Regular { get; }

    public SKTypeface Bold { get; }

    public string RegularPath { get; }

    public string BoldPath { get; }

    /// <summary>DejaVu Sans (fonts-dejavu-core), else Liberation Sans (fonts-liberation); a German error naming the package otherwise.</summary>
    public static ReportFonts FindInstalled() => FindInstalled(DebianCandidates);

    internal static ReportFonts FindInstalled(IReadOnlyList<FontFamilyFiles> candidates)
    {
        foreach (var candidate in candidates)
        {
            if (File.Exists(candidate.RegularPath) && File.Exists(candidate.BoldPath))
            {
                return FromFiles(candidate.RegularPath, candidate.BoldPath);
            }
        }

        var searched = string.Join("; ", candidates.Select(c => $"{c.RegularPath} und {c.BoldPath} (Debian-Paket {c.DebianPackage})"));
        throw new FileNotFoundException(
            "Für PDF-Berichte fehlen die Schriftdateien. Gesucht wurden: " + searched + ". " +
            "Installieren Sie das Debian-Paket fonts-dejavu-core (sudo apt-get install -y fonts-dejavu-core) " +
            "oder ersatzweise fonts-liberation.");
    }

    public static ReportFonts FromFiles(string regularPath, string boldPath)
    {
        var key = (Path.GetFullPath(regularPath), Path.GetFullPath(boldPath));
        return Loaded.GetOrAdd(key, static paths => new Lazy<ReportFonts>(() => Load(paths.Regular, paths.Bold))).Value;
    }

    private static ReportFonts Load(string regularPath, string boldPath)
    {
        foreach (var path in new[] { regularPath, boldPath })
        {
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"Die Schriftdatei {path} fehlt.", path);
            }
        }

        // ScottPlot keeps fonts in a process-wide registry; a name of our own keeps it from resolving a system
        // font of the same family name instead of the file.
        var chartFontName = "Bedarfsanalyse " + Path.GetFileNameWithoutExtension(regularPath);
        ScottPlot.Fonts.AddFontFile(chartFontName, regularPath, bold: false, italic: false);
        ScottPlot.Fonts.AddFontFile(chartFontName, boldPath, bold: true, italic: false);

        // Taking the very typeface objects ScottPlot draws with makes Skia embed each face once, not twice.
        var regular = FromScottPlot(chartFontName, bold: false, regularPath);
        var bold = FromScottPlot(chartFontName, bold: true, boldPath);
        return new ReportFonts(chartFontName, regular, bold, regularPath, boldPath);
    }

    private static SKTypeface FromScottPlot(string chartFontName, bool bold, string path)
    {
        using var expected = SKTypeface.FromFile(path)
            ?? throw new InvalidDataException($"Die Schriftdatei {path} ist keine lesbare TrueType-Datei.");
        var typeface = ScottPlot.Fonts.GetTypeface(chartFontName, bold, italic: false);
        if (typeface.FamilyName == expected.FamilyName && typeface.FontWeight == expected.FontWeight)
        {
            return typeface;
        }

        throw new InvalidOperationException(
            $"ScottPlot liefert für {chartFontName} nicht die Schrift aus {path}, sondern {typeface.FamilyName}.");
    }
}
