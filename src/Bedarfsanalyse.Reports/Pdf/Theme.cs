using SkiaSharp;

namespace Bedarfsanalyse.Reports.Pdf;

/// <summary>
/// Every font, size, distance and colour of the report in one place. Sizes are PDF points (1/72 inch).
/// The palette is calm and colour-blind safe: one blue for single series, blue shades for ordered categories,
/// the Okabe–Ito colours for series that must be told apart.
/// </summary>
public sealed class Theme
{
    private const float PointsPerMillimetre = 72f / 25.4f;

    public required ReportFonts Fonts { get; init; }

    // Page: A4 portrait.
    public float PageWidth { get; init; } = 210 * PointsPerMillimetre;
    public float PageHeight { get; init; } = 297 * PointsPerMillimetre;
    public float MarginLeft { get; init; } = 22 * PointsPerMillimetre;
    public float MarginRight { get; init; } = 20 * PointsPerMillimetre;
    public float MarginTop { get; init; } = 14 * PointsPerMillimetre;
    public float MarginBottom { get; init; } = 12 * PointsPerMillimetre;

    /// <summary>Distance between the header band and the content, and between the content and the footer band.</summary>
    public float BandGap { get; init; } = 7 * PointsPerMillimetre;

    // Type sizes.
    public float BodySize { get; init; } = 10f;
    public float NoteSize { get; init; } = 8.5f;
    public float Heading1Size { get; init; } = 16f;
    public float Heading2Size { get; init; } = 12.5f;
    public float Heading3Size { get; init; } = 10.5f;
    public float BandSize { get; init; } = 8f;
    public float FootnoteSize { get; init; } = 7.5f;
    public float TableSize { get; init; } = 8.5f;
    public float TileValueSize { get; init; } = 20f;
    public float TileLabelSize { get; init; } = 8.5f;
    public float TileNoteSize { get; init; } = 7.5f;
    public float ChartTextSize { get; init; } = 8f;

    /// <summary>Line height as a multiple of the type size.</summary>
    public float LineSpacing { get; init; } = 1.42f;
    public float TableLineSpacing { get; init; } = 1.3f;

    // Vertical rhythm.
    public float BlockSpacing { get; init; } = 10f;
    public float ParagraphSpacing { get; init; } = 6f;
    public float Heading1SpaceBefore { get; init; } = 20f;
    public float Heading2SpaceBefore { get; init; } = 16f;
    public float Heading3SpaceBefore { get; init; } = 12f;
    public float SpaceAfterHeading { get; init; } = 5f;
    public float CaptionGap { get; init; } = 4f;
    public float TableCellPaddingX { get; init; } = 5f;
    public float TableCellPaddingY { get; init; } = 3.5f;
    public float TileGap { get; init; } = 8f;
    public float TilePadding { get; init; } = 9f;
    public float FootnoteGap { get; init; } = 10f;

    // Colours.
    public SKColor TextColor { get; init; } = SKColor.Parse("#1F2933");
    public SKColor MutedTextColor { get; init; } = SKColor.Parse("#55606B");
    public SKColor AccentColor { get; init; } = SKColor.Parse("#1D4E89");
    public SKColor RuleColor { get; init; } = SKColor.Parse("#C8D0D8");
    public SKColor TableHeaderFill { get; init; } = SKColor.Parse("#E4EBF2");
    public SKColor TableStripeFill { get; init; } = SKColor.Parse("#F5F7FA");
    public SKColor TileFill { get; init; } = SKColor.Parse("#EEF3F8");
    public SKColor BarColor { get; init; } = SKColor.Parse("#3A6EA5");
    public SKColor WhiskerColor { get; init; } = SKColor.Parse("#2B3540");
    public SKColor GridColor { get; init; } = SKColor.Parse("#E3E7EB");
    public SKColor SuppressedFill { get; init; } = SKColor.Parse("#E6E8EB");

    /// <summary>Shades of one blue, darkest first, for ordered categories such as "jetzt / in 1–2 / in 3–5 Jahren".</summary>
    public IReadOnlyList<SKColor> OrdinalColors { get; init; } =
        [SKColor.Parse("#1D4E89"), SKColor.Parse("#6E9CCF"), SKColor.Parse("#B5CDE8"), SKColor.Parse("#DDE8F4")];

    /// <summary>Okabe–Ito colours, distinguishable with the common colour-vision deficiencies.</summary>
    public IReadOnlyList<SKColor> SeriesColors { get; init; } =
        [SKColor.Parse("#0072B2"), SKColor.Parse("#E69F00"), SKColor.Parse("#009E73"), SKColor.Parse("#CC79A7"), SKColor.Parse("#56B4E9"), SKColor.Parse("#D55E00")];

    /// <summary>The heat map runs from the first colour (0 %) to the second (100 %).</summary>
    public SKColor HeatLowColor { get; init; } = SKColor.Parse("#F3F7FB");
    public SKColor HeatHighColor { get; init; } = SKColor.Parse("#0E3A6E");

    internal float ContentLeft => MarginLeft;
    internal float ContentWidth => PageWidth - MarginLeft - MarginRight;
    internal float ContentTop => MarginTop + BandSize * LineSpacing + BandGap;
    internal float FooterTop => PageHeight - MarginBottom - BandSize * LineSpacing;
    internal float ContentBottom => FooterTop - BandGap;
    internal float ContentHeight => ContentBottom - ContentTop;

    /// <summary>The project's theme with the fonts found on this machine.</summary>
    public static Theme CreateDefault() => new() { Fonts = ReportFonts.FindInstalled() };
}
