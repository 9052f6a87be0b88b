using Bedarfsanalyse.Reports.Pdf.Layout;
using SkiaSharp;

namespace Bedarfsanalyse.Reports.Pdf;

/// <summary>A row of key-figure tiles of equal width; more tiles than fit in a row continue in the next row.</summary>
public sealed class KeyFigureBlock : Block
{
    private const float AccentWidth = 3f;

    public KeyFigureBlock(IReadOnlyList<KeyFigure> figures, int tilesPerRow = 4)
    {
        if (figures.Count == 0)
        {
            throw new ArgumentException("Es fehlt mindestens eine Kennzahl.", nameof(figures));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(tilesPerRow, 1);
        Figures = figures;
        TilesPerRow = tilesPerRow;
    }

    public IReadOnlyList<KeyFigure> Figures { get; }

    public int TilesPerRow { get; }

    internal override IReadOnlyList<FlowItem> Layout(LayoutContext context)
    {
        var theme = context.Theme;
        var styles = context.Styles;
        var columns = Math.Min(TilesPerRow, Figures.Count);
        var tileWidth = (context.Width - theme.TileGap * (columns - 1)) / columns;
        var innerWidth = tileWidth - 2 * theme.TilePadding - AccentWidth;
        var items = new List<FlowItem>();

        foreach (var row in Figures.Chunk(columns))
        {
            var tiles = row.Select(figure => SetTile(context, figure, innerWidth)).ToList();
            var height = tiles.Max(t => t.Height);
            var rowItem = new FlowItem(height, (canvas, x, y) =>
            {
                for (var i = 0; i < tiles.Count; i++)
                {
                    DrawTile(canvas, theme, styles, tiles[i], x + i * (tileWidth + theme.TileGap), y, tileWidth, height);
                }
            })
            {
                Footnotes = context.FootnotesOf(tiles.SelectMany(t => t.Label)),
                SpaceBefore = items.Count == 0 ? 0 : theme.TileGap,
            };
            items.Add(rowItem);
        }

        return items;
    }

    private static SetTileText SetTile(LayoutContext context, KeyFigure figure, float width)
    {
        var styles = context.Styles;
        var theme = context.Theme;
        var value = context.SetText(figure.Value, styles.TileValue, width);
        IEnumerable<TextPart> labelParts = figure.Footnote is null ? [figure.Label] : [figure.Label, figure.Footnote];
        var label = context.SetText(labelParts, styles.TileLabel, width);
        var note = figure.Note is null ? [] : context.SetText(figure.Note, styles.TileNote, width);
        var height = 2 * theme.TilePadding
            + value.Count * styles.TileValue.LineHeight + 3f
            + label.Count * styles.TileLabel.LineHeight
            + (note.Count > 0 ? 2f + note.Count * styles.TileNote.LineHeight : 0);
        return new SetTileText(value, label, note, height);
    }

    private static void DrawTile(SKCanvas canvas, Theme theme, DocumentStyles styles, SetTileText tile, float x, float y, float width, float height)
    {
        using (var fill = new SKPaint { Color = theme.TileFill, IsAntialias = true })
        {
            canvas.DrawRect(x, y, width, height, fill);
        }

        using (var accent = new SKPaint { Color = theme.AccentColor, IsAntialias = true })
        {
            canvas.DrawRect(x, y, AccentWidth, height, accent);
        }

        var left = x + AccentWidth + theme.TilePadding;
        var top = y + theme.TilePadding;
        top = DrawLines(canvas, styles, styles.TileValue, tile.Value, left, top) + 3f;
        top = DrawLines(canvas, styles, styles.TileLabel, tile.Label, left, top);
        if (tile.Note.Count > 0)
        {
            DrawLines(canvas, styles, styles.TileNote, tile.Note, left, top + 2f);
        }
    }

    private static float DrawLines(SKCanvas canvas, DocumentStyles styles, TextStyle style, IReadOnlyList<TextLine> lines, float x, float top)
    {
        var marker = styles.MarkerFor(style);
        foreach (var line in lines)
        {
            line.Draw(canvas, style, marker, x, top);
            top += style.LineHeight;
        }

        return top;
    }

    private sealed record SetTileText(IReadOnlyList<TextLine> Value, IReadOnlyList<TextLine> Label, IReadOnlyList<TextLine> Note, float Height);
}
