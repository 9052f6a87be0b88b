using System.Globalization;
using System.Text;

namespace Bedarfsanalyse.Reports.Pdf.Layout;

/// <summary>
/// Sets text into lines without hyphenation: lines break only between words (spaces, tabs, new lines). A word
/// wider than the line is cut between letters as a last resort, without adding a hyphen.
/// </summary>
internal static class LineBreaker
{
    // A unit belongs to its number and "n = 134" stays whole: "42,5 %", "(42,5 %)," and "1.234 €" never end up on two
    // lines; neither does the mark of a provisional or revised figure ("42,5 % p", "(63,0 %) r;").
    private static readonly HashSet<string> GluedToPrevious = ["%", "‰", "€", "Prozent", "Prozentpunkte", "="];
    private static readonly HashSet<string> RevisionMarks = ["p", "r"];
    private static readonly char[] TrailingPunctuation = [')', ',', '.', ';', ':'];

    private static bool GluesTo(Word previous, string text)
    {
        var bare = text.TrimEnd(TrailingPunctuation);
        if (GluedToPrevious.Contains(bare))
        {
            return true;
        }

        // A mark follows a figure: "42,5 %", "(42,5 %)" or "1.248" once its closing bracket is set aside.
        var figure = previous.Text.TrimEnd(TrailingPunctuation);
        return RevisionMarks.Contains(bare) && figure.Length > 0 && (char.IsDigit(figure[^1]) || figure[^1] == '%');
    }

    public static IReadOnlyList<Word> ToWords(IReadOnlyList<TextRun> runs, TextStyle style, TextStyle marker)
    {
        var words = new List<Word>();
        var current = new List<TextRun>();
        var text = new StringBuilder();
        var footnotes = new List<int>();
        var glueNext = false;

        void FlushText()
        {
            if (text.Length > 0)
            {
                current.Add(new TextRun(text.ToString(), IsMarker: false));
                text.Clear();
            }
        }

        void FlushWord()
        {
            FlushText();
            if (current.Count == 0)
            {
                return;
            }

            var word = Create([.. current], [.. footnotes], style, marker);
            current.Clear();
            footnotes.Clear();
            if (words.Count > 0 && !words[^1].IsLineBreak && (glueNext || GluesTo(words[^1], word.Text)))
            {
                var previous = words[^1];
                words[^1] = Create([.. previous.Runs, new TextRun(" ", false), .. word.Runs], [.. previous.FootnoteNumbers, .. word.FootnoteNumbers], style, marker);
            }
            else
            {
                words.Add(word);
            }

            glueNext = word.Text == "=";
        }

        foreach (var run in runs)
        {
            if (run.IsMarker)
            {
                FlushText();
                if (current.Count > 0 && current[^1].IsMarker)
                {
                    current.Add(new TextRun(",", IsMarker: true));
                }

                current.Add(run);
                footnotes.Add(int.Parse(run.Text, CultureInfo.InvariantCulture));
                continue;
            }

            foreach (var c in run.Text)
            {
                switch (c)
                {
                    case '\n':
                        FlushWord();
                        words.Add(Word.LineBreak);
                        glueNext = false;
                        break;
                    case ' ' or '\t' or '\r':
                        FlushWord();
                        break;
                    default:
                        text.Append(c);
                        break;
                }
            }
        }

        FlushWord();
        return words;
    }

    public static IReadOnlyList<TextLine> Break(IReadOnlyList<Word> words, float maxWidth, TextStyle style, TextStyle marker)
    {
        var lines = new List<TextLine>();
        var current = new List<Word>();
        var width = 0f;

        void Emit()
        {
            lines.Add(new TextLine([.. current], width));
            current.Clear();
            width = 0;
        }

        foreach (var word in words)
        {
            if (word.IsLineBreak)
            {
                Emit();
                continue;
            }

            if (word.Width > maxWidth)
            {
                if (current.Count > 0)
                {
                    Emit();
                }

                var pieces = Cut(word, maxWidth, style, marker);
                for (var i = 0; i < pieces.Count - 1; i++)
                {
                    lines.Add(new TextLine([pieces[i]], pieces[i].Width));
                }

                current.Add(pieces[^1]);
                width = pieces[^1].Width;
                continue;
            }

            var widthWithWord = current.Count == 0 ? word.Width : width + style.SpaceWidth + word.Width;
            if (current.Count > 0 && widthWithWord > maxWidth + 0.01f)
            {
                Emit();
                widthWithWord = word.Width;
            }

            current.Add(word);
            width = widthWithWord;
        }

        if (current.Count > 0 || lines.Count == 0)
        {
            Emit();
        }

        return lines;
    }

    /// <summary>Cuts a too-wide word between letters (whole grapheme clusters), keeping footnote numbers whole.</summary>
    private static List<Word> Cut(Word word, float maxWidth, TextStyle style, TextStyle marker)
    {
        var pieces = new List<Word>();
        var runs = new List<TextRun>();
        var text = new StringBuilder();
        var width = 0f;

        void Flush()
        {
            if (text.Length > 0)
            {
                runs.Add(new TextRun(text.ToString(), false));
                text.Clear();
            }
        }

        void EmitPiece()
        {
            Flush();
            if (runs.Count > 0)
            {
                pieces.Add(Create([.. runs], [], style, marker));
                runs.Clear();
                width = 0;
            }
        }

        foreach (var run in word.Runs)
        {
            if (run.IsMarker)
            {
                var markerWidth = marker.Measure(run.Text);
                if (width + markerWidth > maxWidth && width > 0)
                {
                    EmitPiece();
                }

                Flush();
                runs.Add(run);
                width += markerWidth;
                continue;
            }

            var elements = StringInfo.GetTextElementEnumerator(run.Text);
            while (elements.MoveNext())
            {
                var element = elements.GetTextElement();
                var elementWidth = style.Measure(element);
                if (width + elementWidth > maxWidth && width > 0)
                {
                    EmitPiece();
                }

                text.Append(element);
                width += elementWidth;
            }

            Flush();
        }

        EmitPiece();

        // Footnote numbers go with the piece that shows them.
        return pieces.Select(p => Create(p.Runs, p.Runs.Where(r => r.IsMarker && r.Text != ",").Select(r => int.Parse(r.Text, CultureInfo.InvariantCulture)).ToList(), style, marker)).ToList();
    }

    private static Word Create(IReadOnlyList<TextRun> runs, IReadOnlyList<int> footnotes, TextStyle style, TextStyle marker)
    {
        var width = 0f;
        foreach (var run in runs)
        {
            width += run.IsMarker ? marker.Measure(run.Text) : style.Measure(run.Text);
        }

        return new Word(runs, width, footnotes);
    }
}
