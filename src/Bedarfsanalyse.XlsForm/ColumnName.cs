using System.Text.RegularExpressions;

namespace Bedarfsanalyse.XlsForm;

/// <summary>A column header split into its base and language: "label::Deutsch (de)" → label, Deutsch, de.</summary>
/// <param name="Base">Lower case base, e.g. "label", "constraint_message".</param>
/// <param name="Language">The text after "::" as written, or null for a column without language.</param>
/// <param name="LanguageName">The language's name, e.g. "Deutsch".</param>
/// <param name="LanguageCode">The language code, e.g. "de"; null when it cannot be told from the header.</param>
internal sealed partial record ColumnName(string Base, string? Language, string? LanguageName, string? LanguageCode)
{
    /// <summary>What identifies the column: base and language code (or the language as written).</summary>
    public string Key => Language is null ? Base : $"{Base}::{LanguageCode ?? Language.ToLowerInvariant()}";

    [GeneratedRegex(@"^(?<name>.*?)\s*\((?<code>[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})?)\)$")]
    private static partial Regex NameWithCode();

    [GeneratedRegex(@"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$")]
    private static partial Regex BareCode();

    private static readonly Dictionary<string, (string Code, string Name)> KnownLanguages = new(StringComparer.OrdinalIgnoreCase)
    {
        ["deutsch"] = ("de", "Deutsch"),
        ["german"] = ("de", "Deutsch"),
        ["english"] = ("en", "English"),
        ["englisch"] = ("en", "English"),
        ["türkçe"] = ("tr", "Türkçe"),
        ["turkish"] = ("tr", "Türkçe"),
        ["türkisch"] = ("tr", "Türkçe"),
        ["arabic"] = ("ar", "العربية"),
        ["arabisch"] = ("ar", "العربية"),
        ["русский"] = ("ru", "Русский"),
        ["russian"] = ("ru", "Русский"),
        ["russisch"] = ("ru", "Русский"),
        ["українська"] = ("uk", "Українська"),
        ["ukrainian"] = ("uk", "Українська"),
        ["ukrainisch"] = ("uk", "Українська"),
        ["polski"] = ("pl", "Polski"),
        ["polish"] = ("pl", "Polski"),
        ["polnisch"] = ("pl", "Polski"),
    };

    public static ColumnName Parse(string header)
    {
        var separator = header.IndexOf("::", StringComparison.Ordinal);
        if (separator < 0)
        {
            return new ColumnName(header.Trim().ToLowerInvariant(), null, null, null);
        }

        var baseName = header[..separator].Trim().ToLowerInvariant();
        var language = header[(separator + 2)..].Trim();
        var (name, code) = ParseLanguage(language);
        return new ColumnName(baseName, language, name, code);
    }

    /// <summary>"Deutsch (de)", "de" or a known name like "English" → (name, code); code null when unknown.</summary>
    public static (string Name, string? Code) ParseLanguage(string text)
    {
        var match = NameWithCode().Match(text);
        if (match.Success)
        {
            var name = match.Groups["name"].Value.Trim();
            var code = match.Groups["code"].Value.ToLowerInvariant();
            return (name.Length > 0 ? name : code, code);
        }

        if (BareCode().IsMatch(text))
        {
            var known = KnownLanguages.Values.FirstOrDefault(k => k.Code == text);
            return (known.Name ?? text, text);
        }

        return KnownLanguages.TryGetValue(text, out var language) ? (language.Name, language.Code) : (text, null);
    }
}
