using DotLiquid;

namespace Bedarfsanalyse.Reports.Templates;

/// <summary>A checked Liquid text of a template (e.g. feldbericht.liquid), rendered with the report's placeholders.</summary>
public sealed class LiquidText
{
    private static readonly System.Globalization.CultureInfo German = System.Globalization.CultureInfo.GetCultureInfo("de-DE");

    private static readonly System.Text.RegularExpressions.Regex Output = new(@"\{\{.*?\}\}", System.Text.RegularExpressions.RegexOptions.Singleline);

    /// <param name="line">
    /// Where the text stands in its file: for a text of its own (a .liquid file) 0, and a failure is placed on the line
    /// of the failing placeholder; for a text inside the template's JSON the line of its name, where all of it stands.
    /// </param>
    internal LiquidText(string file, string source, int line = 0)
    {
        File = file;
        Source = source;
        Line = line;
    }

    public string File { get; }

    /// <summary>The line of the text's name in the template's JSON; 0 for a text that is a file of its own.</summary>
    public int Line { get; }

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
        catch (Exception e) when (IsFillInFailure(e))
        {
            throw new TemplateValidationException([new TemplateError(File, Line > 0 ? Line : FailingLine(hash), "Der Text ließ sich beim Erstellen des Berichts nicht ausfüllen; vermutlich bekommt ein Filter einen Platzhalter, "
                + "der nicht zu ihm passt (etwa Text statt Zahl). Meldung von DotLiquid: " + e.Message)]);
        }
    }

    /// <summary>
    /// The line of the first placeholder that fails when rendered on its own, or 0 when none does (a failure inside a
    /// loop, whose variables only the loop sets).
    /// </summary>
    private int FailingLine(Hash values)
    {
        foreach (System.Text.RegularExpressions.Match output in Output.Matches(Source))
        {
            try
            {
                Template.Parse(output.Value).Render(new RenderParameters(German) { LocalVariables = values, ErrorsOutputMode = ErrorsOutputMode.Rethrow });
            }
            catch (Exception e) when (IsFillInFailure(e))
            {
                return 1 + Source.AsSpan(0, output.Index).Count('\n');
            }
        }

        return 0;
    }

    private static bool IsFillInFailure(Exception e) =>
        e is DotLiquid.Exceptions.LiquidException or FormatException or InvalidCastException or OverflowException or ArgumentException;

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
