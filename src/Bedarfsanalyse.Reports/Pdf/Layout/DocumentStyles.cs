namespace Bedarfsanalyse.Reports.Pdf.Layout;

/// <summary>The theme turned into measurable text styles for the time one document is written.</summary>
internal sealed class DocumentStyles : IDisposable
{
    private readonly List<TextStyle> _all = [];
    private readonly Dictionary<TextStyle, TextStyle> _markers = [];
    private readonly Theme _theme;

    public DocumentStyles(Theme theme)
    {
        _theme = theme;
        var regular = theme.Fonts.Regular;
        var bold = theme.Fonts.Bold;
        Body = Add(new TextStyle(regular, theme.BodySize, theme.TextColor, theme.LineSpacing));
        Note = Add(new TextStyle(regular, theme.NoteSize, theme.MutedTextColor, theme.LineSpacing));
        Heading1 = Add(new TextStyle(bold, theme.Heading1Size, theme.AccentColor, 1.25f));
        Heading2 = Add(new TextStyle(bold, theme.Heading2Size, theme.AccentColor, 1.25f));
        Heading3 = Add(new TextStyle(bold, theme.Heading3Size, theme.TextColor, 1.3f));
        Caption = Add(new TextStyle(bold, theme.BodySize, theme.TextColor, 1.3f));
        Band = Add(new TextStyle(regular, theme.BandSize, theme.MutedTextColor, theme.LineSpacing));
        Footnote = Add(new TextStyle(regular, theme.FootnoteSize, theme.TextColor, 1.3f));
        TableBody = Add(new TextStyle(regular, theme.TableSize, theme.TextColor, theme.TableLineSpacing));
        TableBold = Add(new TextStyle(bold, theme.TableSize, theme.TextColor, theme.TableLineSpacing));
        TileValue = Add(new TextStyle(bold, theme.TileValueSize, theme.AccentColor, 1.15f));
        TileLabel = Add(new TextStyle(regular, theme.TileLabelSize, theme.TextColor, 1.3f));
        TileNote = Add(new TextStyle(regular, theme.TileNoteSize, theme.MutedTextColor, 1.3f));
        ChartText = Add(new TextStyle(regular, theme.ChartTextSize, theme.TextColor, 1.35f));
    }

    public TextStyle Body { get; }
    public TextStyle Note { get; }
    public TextStyle Heading1 { get; }
    public TextStyle Heading2 { get; }
    public TextStyle Heading3 { get; }
    public TextStyle Caption { get; }
    public TextStyle Band { get; }
    public TextStyle Footnote { get; }
    public TextStyle TableBody { get; }
    public TextStyle TableBold { get; }
    public TextStyle TileValue { get; }
    public TextStyle TileLabel { get; }
    public TextStyle TileNote { get; }
    public TextStyle ChartText { get; }

    /// <summary>The raised, smaller style of footnote numbers in text of the given style.</summary>
    public TextStyle MarkerFor(TextStyle style)
    {
        if (!_markers.TryGetValue(style, out var marker))
        {
            marker = Add(new TextStyle(_theme.Fonts.Regular, style.Size * 0.62f, style.Color, 1f));
            _markers[style] = marker;
        }

        return marker;
    }

    private TextStyle Add(TextStyle style)
    {
        _all.Add(style);
        return style;
    }

    public void Dispose()
    {
        foreach (var style in _all)
        {
            style.Dispose();
        }
    }
}
