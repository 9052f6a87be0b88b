using Bedarfsanalyse.Reports.Pdf.Layout;
using SkiaSharp;

namespace Bedarfsanalyse.Reports.Pdf;

/// <summary>A heading of level 1 (section), 2 or 3. It always stays on the page of what follows it.</summary>
public sealed class HeadingBlock : Block
{
    public HeadingBlock(string text, int level = 1)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        if (level is < 1 or > 3)
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "Überschriften haben die Ebene 1, 2 oder 3.");
        }

        Text = text;
        Level = level;
    }

    public string Text { get; }

    public int Level { get; }

    internal override float SpaceBefore(Theme theme) => Level switch
    {
        1 => theme.Heading1SpaceBefore,
        2 => theme.Heading2SpaceBefore,
        _ => theme.Heading3SpaceBefore,
    };

    internal override IReadOnlyList<FlowItem> Layout(LayoutContext context)
    {
        var style = Level switch
        {
            1 => context.Styles.Heading1,
            2 => context.Styles.Heading2,
            _ => context.Styles.Heading3,
        };

        var items = context.LineItems(context.SetText(Text, style, context.Width), style);
        if (Level == 1)
        {
            // A hairline under a section heading marks the start of a section without weight.
            var theme = context.Theme;
            var width = context.Width;
            items.Add(new FlowItem(4f, (canvas, x, y) =>
            {
                using var paint = new SKPaint { Color = theme.RuleColor, StrokeWidth = 0.75f, IsAntialias = true };
                canvas.DrawLine(x, y + 2f, x + width, y + 2f, paint);
            }));
        }

        foreach (var item in items)
        {
            item.KeepWithNext = true;
        }

        return items;
    }
}
