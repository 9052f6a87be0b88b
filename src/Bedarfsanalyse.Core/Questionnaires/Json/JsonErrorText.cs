using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Bedarfsanalyse.Core.Questionnaires.Json;

/// <summary>
/// Turns what System.Text.Json throws into a German message with the place (JSON path, line and character), so that
/// no English framework text reaches a user. The serializer's own messages are recognised by their wording; what is
/// not recognised gets a general German reason rather than the English one.
/// </summary>
internal static partial class JsonErrorText
{
    public static string Describe(Exception error, string json)
    {
        var (path, line, bytePosition) = Place(error);
        if (error is DefinitionJsonException { AtCollection: true } && path is not null)
        {
            // The serializer reports the place after the last item it read; the list or map itself is meant.
            path = TrailingIndex().Replace(path, "");
        }

        var place = path is not null && path != "$" ? $" bei {path}" : "";
        if (line is { } l)
        {
            var character = bytePosition is { } b ? CharacterInLine(json, (int)l, (int)b) : (int?)null;
            place += character is { } c ? $" (Zeile {l + 1}, Zeichen {c})" : $" (Zeile {l + 1})";
        }

        return $"Die Fragebogendefinition ist fehlerhaft{place}: {Reason(error, path)}";
    }

    private static (string? Path, long? Line, long? BytePosition) Place(Exception error)
    {
        if (error is JsonException json)
        {
            return (json.Path, json.LineNumber, json.BytePositionInLine);
        }

        // NotSupportedException and the like carry the place only in their text.
        var match = PlaceInText().Match(error.Message);
        return match.Success
            ? (match.Groups["path"].Value, long.Parse(match.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture),
                long.Parse(match.Groups["position"].Value, System.Globalization.CultureInfo.InvariantCulture))
            : (null, null, null);
    }

    private static int CharacterInLine(string json, int line, int bytePosition)
    {
        var lines = json.Split('\n');
        if (line >= lines.Length)
        {
            return bytePosition + 1;
        }

        var bytes = Encoding.UTF8.GetBytes(lines[line]);
        return Encoding.UTF8.GetCharCount(bytes, 0, Math.Min(bytePosition, bytes.Length)) + 1;
    }

    private static string Reason(Exception error, string? path)
    {
        if (error is DefinitionJsonException own)
        {
            return own.Reason;
        }

        var text = error.Message;
        if (error.InnerException?.GetType().Name == "JsonReaderException" || SyntaxWording().IsMatch(text))
        {
            return text.Contains("does not contain any JSON tokens", StringComparison.Ordinal)
                ? "Der Text ist leer; erwartet wird ein JSON-Objekt ({ … })."
                : "Der Text ist an dieser Stelle kein gültiges JSON (Syntaxfehler: fehlt ein Komma, eine Klammer oder ein Anführungszeichen, oder steht eines zu viel?).";
        }

        if (MissingRequired().Match(text) is { Success: true } missing)
        {
            var names = Quoted().Matches(missing.Groups["names"].Value).Select(m => $"„{m.Groups[1].Value}“").ToList();
            return names.Count == 1 ? $"Es fehlt die Pflichtangabe {names[0]}." : $"Es fehlen die Pflichtangaben {string.Join(", ", names)}.";
        }

        if (UnknownDiscriminator().Match(text) is { Success: true } discriminator)
        {
            return $"Den Typ „{discriminator.Groups[1].Value}“ gibt es nicht; möglich sind {string.Join(", ", ElementTypes)}.";
        }

        if (text.Contains("must specify a type discriminator", StringComparison.Ordinal))
        {
            return "Es fehlt der Typ des Elements (\"type\": z. B. \"group\" oder \"integer\").";
        }

        if (UnmappedProperty().Match(text) is { Success: true } unmapped)
        {
            return $"Eine Angabe „{unmapped.Groups[1].Value}“ gibt es hier nicht.";
        }

        if (text.Contains("Duplicate propert", StringComparison.OrdinalIgnoreCase))
        {
            // The serializer names the duplicate only in the path: its last segment.
            var name = path is null ? null : LastSegment().Match(path) is { Success: true } last ? last.Groups[1].Value : null;
            return name is null ? "Eine Angabe kommt doppelt vor." : $"Die Angabe „{name}“ kommt doppelt vor.";
        }

        if (text.Contains("doesn't allow setting null values", StringComparison.Ordinal) || text.Contains("doesn't allow null values", StringComparison.Ordinal))
        {
            return "Der Wert darf nicht leer (null) sein.";
        }

        if (NotConvertible().Match(text) is { Success: true } conversion)
        {
            return $"Der Wert hat nicht die erwartete Form: erwartet wird {Expected(conversion.Groups["type"].Value)}.";
        }

        if (error is OverflowException || text.Contains("overflow", StringComparison.OrdinalIgnoreCase))
        {
            return "Die Zahl ist zu groß.";
        }

        return path is null
            ? "Der Inhalt lässt sich nicht als Fragebogen lesen."
            : "Der Wert an dieser Stelle lässt sich nicht als Teil eines Fragebogens lesen.";
    }

    private static string Expected(string type) => type switch
    {
        _ when type.Contains("ValueList", StringComparison.Ordinal) => "eine Liste ([ … ])",
        _ when type.Contains("ValueMap", StringComparison.Ordinal) => "ein Objekt ({ … })",
        _ when type.StartsWith("System.String", StringComparison.Ordinal) => "ein Text in Anführungszeichen",
        _ when type.Contains("System.Decimal", StringComparison.Ordinal) || type.Contains("System.Double", StringComparison.Ordinal) => "eine Zahl",
        _ when type.Contains("System.Int", StringComparison.Ordinal) => "eine ganze Zahl",
        _ when type.Contains("System.Boolean", StringComparison.Ordinal) => "true oder false",
        _ => "ein Objekt ({ … })",
    };

    private static readonly string[] ElementTypes =
        ["group", "single_choice", "multiple_choice", "yes_no", "likert", "matrix", "integer", "decimal", "short_text", "long_text", "date", "ranking", "note", "calculated"];

    [GeneratedRegex(@"Path: (?<path>\S+) \| LineNumber: (?<line>\d+) \| BytePositionInLine: (?<position>\d+)")]
    private static partial Regex PlaceInText();

    [GeneratedRegex(@"is an invalid start of|is invalid after|Expected depth to be zero|invalid end of|Expected a|is invalid within a JSON string|end of data|'[^']*' is invalid|invalid JSON literal|comments are not allowed", RegexOptions.IgnoreCase)]
    private static partial Regex SyntaxWording();

    [GeneratedRegex(@"missing required properties including: (?<names>.*?)(\. Path:|$)")]
    private static partial Regex MissingRequired();

    [GeneratedRegex(@"(\[\d+\]|\.[^.\[\]]+)$")]
    private static partial Regex TrailingIndex();

    [GeneratedRegex(@"'([^']*)'")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"unrecognized type discriminator id '([^']*)'")]
    private static partial Regex UnknownDiscriminator();

    [GeneratedRegex(@"The JSON property '([^']*)' could not be mapped")]
    private static partial Regex UnmappedProperty();

    [GeneratedRegex(@"\.([^.\[\]]+)$")]
    private static partial Regex LastSegment();

    [GeneratedRegex(@"could not be converted to (?<type>.+?)(\. Path:|\.?$)")]
    private static partial Regex NotConvertible();
}

/// <summary>A reading error the definition's own converters raise, already in German.</summary>
internal sealed class DefinitionJsonException(string reason) : JsonException(reason)
{
    public string Reason { get; } = reason;

    /// <summary>Raised when a whole list or map is complete, so the reported path points one item too far.</summary>
    public bool AtCollection { get; init; }
}
