using DotLiquid;

namespace Bedarfsanalyse.Reports.Templates;

/// <summary>A checked Liquid text of a template (e.g. feldbericht.liquid), rendered with the report's placeholders.</summary>
public sealed class LiquidText
{
    internal LiquidText(string file, string source)
    {
        File = file;
        Source = source;
    }

    public string File { get; }

    public string Source { get; }

    /// <summary>
    /// The text with the values filled in. Parsed per call: DotLiquid's <see cref="Template"/> keeps render state on
    /// the instance, and parsing a paragraph takes microseconds.
    /// </summary>
    public string Render(IReadOnlyDictionary<string, object?> values)
    {
        var hash = new Hash();
        foreach (var (key, value) in values)
        {
            hash[key] = value;
        }

        return Template.Parse(Source).Render(hash);
    }

    /// <summary>The rendered text cut into paragraphs at blank lines; single line breaks inside a paragraph become spaces.</summary>
    public IReadOnlyList<string> RenderParagraphs(IReadOnlyDictionary<string, object?> values)
    {
        var text = Render(values).Replace("\r\n", "\n", StringComparison.Ordinal);
        return text.Split('\n')
            .Select(line => line.Trim())
            .Aggregate(new List<List<string>> { new() }, (paragraphs, line) =>
            {
                if (line.Length == 0)
                {
                    paragraphs.Add([]);
                }
                else
                {
                    paragraphs[^1].Add(line);
                }

                return paragraphs;
            })
            .Where(lines => lines.Count > 0)
            .Select(lines => string.Join(' ', lines))
            .ToList();
    }
}
