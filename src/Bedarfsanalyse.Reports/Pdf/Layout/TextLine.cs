using System.Text;
using SkiaSharp;

namespace Bedarfsanalyse.Reports.Pdf.Layout;

/// <summary>One set line of words, drawn left to right with single spaces between the words.</summary>
internal sealed class TextLine
{
    public TextLine(IReadOnlyList<Word> words, float width)
    {
        Words = words;
        Width = width;
    }

    public IReadOnlyList<Word> Words { get; }

    public float Width { get; }

    public IEnumerable<int> FootnoteNumbers => Words.SelectMany(w => w.FootnoteNumbers);

    public string Text => string.Join(' ', Words.Select(w => w.Text));

    /// <summary>Draws the line with its top at <paramref name="top"/>; plain text is drawn in as few runs as possible.</summary>
    public void Draw(SKCanvas canvas, TextStyle style, TextStyle marker, float x, float top)
    {
        var baseline = top + style.BaselineOffset;
        var pending = new StringBuilder();
        var pendingX = x;
        var cursor = x;

        for (var w = 0; w < Words.Count; w++)
        {
            if (w > 0)
            {
                pending.Append(' ');
                cursor += style.SpaceWidth;
            }

            foreach (var run in Words[w].Runs)
            {
                if (run.IsMarker)
                {
                    style.Draw(canvas, pending.ToString(), pendingX, baseline);
                    pending.Clear();
                    marker.Draw(canvas, run.Text, cursor, baseline - style.Size * 0.38f);
                    cursor += marker.Measure(run.Text);
                    pendingX = cursor;
                }
                else
                {
                    pending.Append(run.Text);
                    cursor += style.Measure(run.Text);
                }
            }
        }

        style.Draw(canvas, pending.ToString(), pendingX, baseline);
    }
}
