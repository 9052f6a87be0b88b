using DotLiquid;

namespace Bedarfsanalyse.Reports.Templates;

/// <summary>A checked Liquid text of a template (e.g. feldbericht.liquid), rendered with the report's placeholders.</summary>
public sealed class LiquidText
{
    private static readonly System.Globalization.CultureInfo German = System.Globalization.CultureInfo.GetCultureInfo("de-DE");

    internal LiquidText(string file, string source)
    {
        File = file;
        Source = source;
    }

    public string File { get; }

    public string Source { get; }

    /// <summary>
    /// The text with the values filled in. Parsed per call: DotLiquid's <see cref="Template"/> keeps render state on
    /// the instance, and parsing a paragraph takes microseconds. What validation could not see (a placeholder handed
    /// to a filter that needs a number) fails here with the text's file instead of printing DotLiquid's English
    /// "Liquid error" into a committee's report.
    /// </summary>
    public string Render(IReadOnlyDictionary<string, object?> values)
    {
        var hash = new Hash();
        foreach (var (key, value) in values)
        {
            hash[key] = value;
        }

        try
        {
            return Template.Parse(Source).Render(new RenderParameters(German) { LocalVariables = hash, ErrorsOutputMode = ErrorsOutputMode.Rethrow });
        }
        catch (Exception e) when (e is DotLiquid.Exceptions.LiquidException or FormatException or InvalidCastException or OverflowException or ArgumentException)
        {
            throw new TemplateValidationException([new TemplateError(File, 0, "Der Text ließ sich beim Erstellen des Berichts nicht ausfüllen; vermutlich bekommt ein Filter einen Platzhalter, "
                + "der nicht zu ihm passt (etwa Text statt Zahl). Meldung von DotLiquid: " + e.Message)]);
        }
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
