using System.Text.Json.Serialization;
using Bedarfsanalyse.Core.Questionnaires.Json;

namespace Bedarfsanalyse.Core.Questionnaires;

/// <summary>A text a respondent reads, in German and any translations (language code → text).</summary>
[JsonConverter(typeof(LocalizedTextJsonConverter))]
public sealed record LocalizedText
{
    public LocalizedText(ValueMap<string> texts)
    {
        if (texts.IsEmpty)
        {
            throw new ArgumentException("A localized text needs at least one language.", nameof(texts));
        }

        Texts = texts;
    }

    /// <summary>Language code (e.g. "de", "en") → text.</summary>
    public ValueMap<string> Texts { get; }

    /// <summary>The German text (the questionnaire's default language), or the first translation when German is missing.</summary>
    public string Default => Texts.TryGetValue(Language.DefaultCode, out var text) ? text : Texts.Values.First();

    public static LocalizedText German(string text) => new(new ValueMap<string>([new(Language.DefaultCode, text)]));

    /// <summary>A text from (language, text) pairs; empty texts are left out, and null comes back when none is left.</summary>
    public static LocalizedText? From(IEnumerable<KeyValuePair<string, string?>> texts)
    {
        var present = texts.Where(t => !string.IsNullOrWhiteSpace(t.Value))
            .Select(t => new KeyValuePair<string, string>(t.Key, t.Value!)).ToList();
        return present.Count == 0 ? null : new LocalizedText(new ValueMap<string>(present));
    }

    /// <summary>The text in a language, falling back to German when that translation is missing.</summary>
    public string In(string language) => Texts.TryGetValue(language, out var text) ? text : Default;

    public string? Translation(string language) => Texts.TryGetValue(language, out var text) ? text : null;

    public LocalizedText With(string language, string text) => new(Texts.SetItem(language, text));

    public override string ToString() => Default;

    public static implicit operator LocalizedText(string germanText) => German(germanText);
}
