using System.Text.RegularExpressions;
using DotLiquid.Exceptions;

namespace Bedarfsanalyse.Reports.Templates;

/// <summary>
/// Checks a Liquid text before any report is rendered: balanced tags, known tags, known placeholders, each problem
/// with its line. DotLiquid's own parser reports neither lines nor unknown variables, so the tags are checked here
/// and DotLiquid's parse is the last word on anything else.
/// </summary>
internal static partial class LiquidCheck
{
    private static readonly Dictionary<string, string> BlockEnds = new(StringComparer.Ordinal)
    {
        ["if"] = "endif", ["unless"] = "endunless", ["for"] = "endfor", ["case"] = "endcase",
        ["capture"] = "endcapture", ["comment"] = "endcomment",
    };

    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "and", "or", "contains", "true", "false", "nil", "null", "empty", "blank", "in", "reversed", "limit", "offset",
        "forloop",
    };

    /// <summary>
    /// The filters DotLiquid knows, by their Liquid names ("upcase", "append"), with the numbers of arguments after
    /// the colon each accepts (the input and DotLiquid's context are not written as arguments).
    /// </summary>
    private static readonly Dictionary<string, List<System.Reflection.ParameterInfo[]>> Filters = typeof(DotLiquid.StandardFilters)
        .GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .GroupBy(method => DotLiquid.Template.NamingConvention.GetMemberName(method.Name), StringComparer.Ordinal)
        .ToDictionary(group => group.Key, group => group
            .Select(method => method.GetParameters().Where(p => p.ParameterType != typeof(DotLiquid.Context)).Skip(1).ToArray())
            .ToList(), StringComparer.Ordinal);

    private static readonly HashSet<Type> NumberTypes = [typeof(int), typeof(long), typeof(double), typeof(decimal), typeof(float)];

    public static IReadOnlyList<TemplateError> Check(string file, string source, IReadOnlySet<string> variables)
    {
        var errors = new List<TemplateError>();
        var known = new HashSet<string>(variables, StringComparer.Ordinal);
        var open = new Stack<(string Tag, int Line)>();
        var position = 0;
        while (position < source.Length)
        {
            var start = source.IndexOf('{', position);
            if (start < 0 || start + 1 >= source.Length)
            {
                break;
            }

            var kind = source[start + 1];
            if (kind is not ('{' or '%'))
            {
                position = start + 1;
                continue;
            }

            var line = LineOf(source, start);
            var closing = kind == '{' ? "}}" : "%}";
            var end = source.IndexOf(closing, start + 2, StringComparison.Ordinal);
            if (end < 0)
            {
                errors.Add(new TemplateError(file, line, $"„{(kind == '{' ? "{{" : "{%")}“ wird nicht mit „{closing}“ geschlossen."));
                break;
            }

            var inner = source[(start + 2)..end].Trim().Trim('-').Trim();
            position = end + 2;
            if (kind == '{')
            {
                if (inner.Length == 0)
                {
                    errors.Add(new TemplateError(file, line, "Leerer Platzhalter „{{ }}“: zwischen den Klammern fehlt der Name."));
                    continue;
                }

                CheckNames(file, line, ExpressionBeforeFilters(inner), known, errors);
                CheckFilters(file, line, inner, errors);
                continue;
            }

            var tag = TagName().Match(inner).Value;
            var arguments = inner[tag.Length..].Trim();
            if (open.Count > 0 && open.Peek().Tag == "comment" && tag != "endcomment")
            {
                continue;
            }

            switch (tag)
            {
                case "if" or "unless" or "elsif" or "case" or "when":
                    if (tag is "elsif" or "when" && (open.Count == 0 || open.Peek().Tag is not ("if" or "unless" or "case")))
                    {
                        errors.Add(new TemplateError(file, line, $"„{{% {tag} %}}“ steht außerhalb eines passenden Blocks."));
                    }

                    CheckNames(file, line, arguments, known, errors);
                    if (BlockEnds.ContainsKey(tag))
                    {
                        open.Push((tag, line));
                    }

                    break;
                case "for":
                    var loop = ForArguments().Match(arguments);
                    if (!loop.Success)
                    {
                        errors.Add(new TemplateError(file, line, "„{% for %}“ braucht die Form „{% for eintrag in liste %}“."));
                    }
                    else
                    {
                        CheckNames(file, line, loop.Groups[2].Value, known, errors);
                        known.Add(loop.Groups[1].Value);
                    }

                    open.Push((tag, line));
                    break;
                case "capture":
                    known.Add(arguments.Trim());
                    open.Push((tag, line));
                    break;
                case "comment":
                    open.Push((tag, line));
                    break;
                case "assign":
                    var assignment = AssignArguments().Match(arguments);
                    if (!assignment.Success)
                    {
                        errors.Add(new TemplateError(file, line, "„{% assign %}“ braucht die Form „{% assign name = wert %}“."));
                    }
                    else
                    {
                        CheckNames(file, line, ExpressionBeforeFilters(assignment.Groups[2].Value), known, errors);
                        CheckFilters(file, line, assignment.Groups[2].Value, errors);
                        known.Add(assignment.Groups[1].Value);
                    }

                    break;
                case "else":
                    if (open.Count == 0 || open.Peek().Tag is not ("if" or "unless" or "case" or "for"))
                    {
                        errors.Add(new TemplateError(file, line, "„{% else %}“ steht außerhalb eines passenden Blocks."));
                    }

                    break;
                case "break" or "continue":
                    break;
                default:
                    if (BlockEnds.ContainsValue(tag))
                    {
                        if (open.Count == 0 || BlockEnds[open.Peek().Tag] != tag)
                        {
                            errors.Add(new TemplateError(file, line, open.Count == 0
                                ? $"„{{% {tag} %}}“ schließt keinen offenen Block."
                                : $"„{{% {tag} %}}“ passt nicht zu „{{% {open.Peek().Tag} %}}“ aus Zeile {open.Peek().Line}."));
                        }
                        else
                        {
                            open.Pop();
                        }
                    }
                    else
                    {
                        errors.Add(new TemplateError(file, line, $"Unbekannter Liquid-Befehl „{tag}“."));
                    }

                    break;
            }
        }

        foreach (var (tag, line) in open)
        {
            errors.Add(new TemplateError(file, line, $"„{{% {tag} %}}“ wird nicht mit „{{% {BlockEnds[tag]} %}}“ geschlossen."));
        }

        if (errors.Count == 0)
        {
            try
            {
                DotLiquid.Template.Parse(source);
            }
            catch (SyntaxException e)
            {
                errors.Add(new TemplateError(file, SyntaxErrorLine(source), "Liquid-Syntaxfehler: " + e.Message));
            }
        }

        return errors;
    }

    /// <summary>
    /// DotLiquid names no line, so each tag is parsed on its own (a block opener with its end tag) to find the one
    /// DotLiquid rejects; the structure is already known to be balanced at this point.
    /// </summary>
    private static int SyntaxErrorLine(string source)
    {
        foreach (Match token in LiquidToken().Matches(source))
        {
            var snippet = token.Value;
            if (snippet.StartsWith("{%", StringComparison.Ordinal))
            {
                var tag = TagName().Match(snippet[2..^2].Trim().Trim('-').Trim()).Value;
                if (BlockEnds.TryGetValue(tag, out var endTag))
                {
                    snippet += "{% " + endTag + " %}";
                }
                else if (tag is "elsif" or "when")
                {
                    // These only parse inside their block, so they are tried inside a block that is itself valid.
                    snippet = tag == "when" ? "{% case x %}" + snippet + "{% endcase %}" : "{% if x %}" + snippet + "{% endif %}";
                }
                else if (tag is "else" or "break" or "continue" || BlockEnds.ContainsValue(tag))
                {
                    continue;
                }
            }

            try
            {
                DotLiquid.Template.Parse(snippet);
            }
            catch (SyntaxException)
            {
                return LineOf(source, token.Index);
            }
        }

        return 1;
    }

    /// <summary>
    /// DotLiquid passes a value through unchanged when a filter name is unknown or missing, so a typo ("upcse") would
    /// print the raw value without anyone noticing; a filter with the wrong number of arguments prints DotLiquid's
    /// English error text into the report.
    /// </summary>
    private static void CheckFilters(string file, int line, string expression, List<TemplateError> errors)
    {
        foreach (var segment in SplitOutsideQuotes(expression, '|').Skip(1))
        {
            var name = FilterName().Match(segment).Value.Trim();
            if (name.Length == 0)
            {
                errors.Add(new TemplateError(file, line, "Nach „|“ fehlt der Name eines Filters."));
                continue;
            }

            if (!Filters.TryGetValue(name, out var overloads))
            {
                errors.Add(new TemplateError(file, line, $"Unbekannter Liquid-Filter „{name}“."));
                continue;
            }

            var arguments = Arguments(segment);
            var fitting = overloads.Where(p => arguments.Count >= p.Count(a => !a.IsOptional) && arguments.Count <= p.Length).ToList();
            if (fitting.Count == 0)
            {
                var counts = overloads.SelectMany(p => Enumerable.Range(p.Count(a => !a.IsOptional), p.Count(a => a.IsOptional) + 1)).Distinct().Order();
                errors.Add(new TemplateError(file, line,
                    $"Der Liquid-Filter „{name}“ erwartet {string.Join(" oder ", counts)} Angabe(n) nach „:“, hier stehen {arguments.Count}."));
                continue;
            }

            // A word in quotes where the filter needs a number fails only when a report is rendered: say so now.
            for (var i = 0; i < arguments.Count; i++)
            {
                var argument = arguments[i];
                if (IsQuoted(argument) && !double.TryParse(argument[1..^1], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _)
                    && fitting.All(p => NumberTypes.Contains(Nullable.GetUnderlyingType(p[i].ParameterType) ?? p[i].ParameterType)))
                {
                    errors.Add(new TemplateError(file, line, $"Der Liquid-Filter „{name}“ erwartet als {i + 1}. Angabe eine Zahl, hier steht {argument}."));
                }
            }
        }
    }

    /// <summary>The arguments of one filter as written, "append: ' und ', x" → ["' und '", "x"].</summary>
    private static List<string> Arguments(string segment)
    {
        var colon = segment.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 || segment[(colon + 1)..].Trim().Length == 0
            ? []
            : SplitOutsideQuotes(segment[(colon + 1)..], ',').Select(a => a.Trim()).ToList();
    }

    private static bool IsQuoted(string argument) =>
        argument.Length >= 2 && argument[0] is '"' or '\'' && argument[^1] == argument[0];

    /// <summary>The text cut at each separator that does not stand inside quotes.</summary>
    private static List<string> SplitOutsideQuotes(string text, char separator)
    {
        var parts = new List<string>();
        var start = 0;
        char? quote = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quote is not null)
            {
                quote = c == quote ? null : quote;
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == separator)
            {
                parts.Add(text[start..i]);
                start = i + 1;
            }
        }

        parts.Add(text[start..]);
        return parts;
    }

    private static string ExpressionBeforeFilters(string expression)
    {
        var pipe = expression.IndexOf('|', StringComparison.Ordinal);
        return pipe < 0 ? expression : expression[..pipe];
    }

    private static void CheckNames(string file, int line, string expression, HashSet<string> known, List<TemplateError> errors)
    {
        var withoutStrings = StringLiteral().Replace(expression, " ");
        foreach (Match name in RootName().Matches(withoutStrings))
        {
            var value = name.Groups[1].Value;
            if (!known.Contains(value) && !Keywords.Contains(value))
            {
                errors.Add(new TemplateError(file, line,
                    $"Unbekannter Platzhalter „{value}“. Erlaubt sind: {string.Join(", ", known.Order(StringComparer.Ordinal))}."));
            }
        }
    }

    private static int LineOf(string text, int index)
    {
        var line = 1;
        for (var i = 0; i < index; i++)
        {
            if (text[i] == '\n')
            {
                line++;
            }
        }

        return line;
    }

    [GeneratedRegex(@"^[a-z_]+")]
    private static partial Regex TagName();

    [GeneratedRegex(@"^\s*[A-Za-z_][A-Za-z0-9_]*")]
    private static partial Regex FilterName();

    [GeneratedRegex(@"^([A-Za-z_][A-Za-z0-9_]*)\s+in\s+(.+)$")]
    private static partial Regex ForArguments();

    [GeneratedRegex(@"^([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.+)$")]
    private static partial Regex AssignArguments();

    [GeneratedRegex("\"[^\"]*\"|'[^']*'")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"\{\{.*?\}\}|\{%.*?%\}", RegexOptions.Singleline)]
    private static partial Regex LiquidToken();

    // A name at the start of a variable path: not after a dot (a property) and not part of a number.
    [GeneratedRegex(@"(?<![.\w])([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex RootName();
}
