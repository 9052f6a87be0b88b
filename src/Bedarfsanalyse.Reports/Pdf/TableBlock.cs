using Bedarfsanalyse.Reports.Pdf.Layout;
using SkiaSharp;

namespace Bedarfsanalyse.Reports.Pdf;

/// <summary>
/// A table whose header row is repeated on every page it runs onto and whose rows are never split.
/// The caption stays with the header and the first row, the note below with the last row.
/// </summary>
public sealed class TableBlock : Block
{
    public TableBlock(IReadOnlyList<TableColumn> columns, IReadOnlyList<TableRow> rows)
    {
        if (columns.Count == 0)
        {
            throw new ArgumentException("Eine Tabelle braucht mindestens eine Spalte.", nameof(columns));
        }

        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Cells.Count != columns.Count)
            {
                throw new ArgumentException($"Zeile {i + 1} hat {rows[i].Cells.Count} Zellen, die Tabelle aber {columns.Count} Spalten.", nameof(rows));
            }
        }

        Columns = columns;
        Rows = rows;
    }

    public IReadOnlyList<TableColumn> Columns { get; }

    public IReadOnlyList<TableRow> Rows { get; }

    /// <summary>Bold line above the table, e.g. "Tabelle 3: Weiterbildungsbedarf nach Themen".</summary>
    public string? Caption { get; init; }

    /// <summary>Numbered after the caption.</summary>
    public IReadOnlyList<Footnote> Footnotes { get; init; } = [];

    /// <summary>Small line below the table, e.g. the base and the symbols used.</summary>
    public string? Note { get; init; }

    internal override IReadOnlyList<FlowItem> Layout(LayoutContext context)
    {
        var theme = context.Theme;
        var styles = context.Styles;
        var padX = theme.TableCellPaddingX;
        var widths = ComputeWidths(styles, padX, context.Width);
        var items = new List<FlowItem>();

        if (Caption is not null || Footnotes.Count > 0)
        {
            var caption = context.LineItems(context.SetText([Caption ?? "", .. Footnotes], styles.Caption, context.Width), styles.Caption);
            caption.ForEach(item => item.KeepWithNext = true);
            items.AddRange(caption);
        }

        var header = RowItem(context, Columns.Select(c => c.Header).ToList(), widths, styles.TableBold, RowKind.Header, repeatedHeader: null);
        header.KeepWithNext = true;
        if (items.Count > 0)
        {
            header.SpaceBefore = theme.CaptionGap;
        }

        items.Add(header);
        for (var r = 0; r < Rows.Count; r++)
        {
            var row = Rows[r];
            var kind = row.IsTotal ? RowKind.Total : r % 2 == 1 ? RowKind.Striped : RowKind.Plain;
            items.Add(RowItem(context, row.Cells, widths, row.IsBold ? styles.TableBold : styles.TableBody, kind, header));
        }

        // No single last row (such as the total) alone on a page under a repeated header.
        if (Rows.Count >= 2)
        {
            items[^2].KeepWithNext = true;
        }

        if (Note is not null)
        {
            items[^1].KeepWithNext = true;
            var note = context.LineItems(context.SetText(Note, styles.Note, context.Width), styles.Note);
            note[0].SpaceBefore = theme.CaptionGap;
            note.SkipLast(1).ToList().ForEach(item => item.KeepWithNext = true);
            items.AddRange(note);
        }

        return items;
    }

    private float[] ComputeWidths(DocumentStyles styles, float padX, float available)
    {
        var minimum = new float[Columns.Count];
        var natural = new float[Columns.Count];
        for (var c = 0; c < Columns.Count; c++)
        {
            Consider(Columns[c].Header, styles.TableBold);
            foreach (var row in Rows)
            {
                Consider(row.Cells[c], row.IsBold ? styles.TableBold : styles.TableBody);
            }

            void Consider(string text, TextStyle style)
            {
                foreach (var line in text.Split('\n'))
                {
                    natural[c] = Math.Max(natural[c], style.Measure(line) + 2 * padX);
                    foreach (var word in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    {
                        minimum[c] = Math.Max(minimum[c], style.Measure(word) + 2 * padX);
                    }
                }
            }
        }

        return ColumnWidths.Compute(minimum, natural, Columns.Select(c => c.Weight).ToList(), available);
    }

    private FlowItem RowItem(LayoutContext context, IReadOnlyList<string> cells, float[] widths, TextStyle style, RowKind kind, FlowItem? repeatedHeader)
    {
        var theme = context.Theme;
        var padX = theme.TableCellPaddingX;
        var padY = theme.TableCellPaddingY;
        var set = cells.Select((text, c) => context.SetText(text, style, widths[c] - 2 * padX)).ToList();
        var height = set.Max(lines => lines.Count) * style.LineHeight + 2 * padY;
        var marker = context.Styles.MarkerFor(style);
        var totalWidth = widths.Sum();

        return new FlowItem(height, (canvas, x, y) =>
        {
            var fill = kind switch
            {
                RowKind.Header => theme.TableHeaderFill,
                RowKind.Striped => theme.TableStripeFill,
                _ => SKColors.Empty,
            };
            if (fill != SKColors.Empty)
            {
                using var paint = new SKPaint { Color = fill };
                canvas.DrawRect(x, y, totalWidth, height, paint);
            }

            using var rule = new SKPaint { Color = kind is RowKind.Header or RowKind.Total ? theme.MutedTextColor : theme.RuleColor, StrokeWidth = kind is RowKind.Header or RowKind.Total ? 0.8f : 0.4f, IsAntialias = true };
            if (kind == RowKind.Total)
            {
                canvas.DrawLine(x, y, x + totalWidth, y, rule);
            }
            else
            {
                canvas.DrawLine(x, y + height, x + totalWidth, y + height, rule);
            }

            var left = x;
            for (var c = 0; c < set.Count; c++)
            {
                var top = y + padY;
                foreach (var line in set[c])
                {
                    var lineX = Columns[c].Alignment == ColumnAlignment.Right ? left + widths[c] - padX - line.Width : left + padX;
                    line.Draw(canvas, style, marker, lineX, top);
                    top += style.LineHeight;
                }

                left += widths[c];
            }
        })
        {
            RepeatedHeader = repeatedHeader,
        };
    }

    private enum RowKind
    {
        Header,
        Plain,
        Striped,
        Total,
    }
}
