using System.Text.RegularExpressions;

namespace Bedarfsanalyse.Core.Questionnaires.Expressions;

/// <summary>German reasons for the errors .NET finds in a regular expression (its own texts are English).</summary>
internal static class RegexErrorText
{
    public static string Of(RegexParseError error) => error switch
    {
        RegexParseError.InsufficientClosingParentheses => "Eine runde Klammer „(“ wird nicht geschlossen.",
        RegexParseError.InsufficientOpeningParentheses => "Zu einer schließenden Klammer „)“ fehlt die öffnende.",
        RegexParseError.UnterminatedBracket => "Eine eckige Klammer „[“ wird nicht geschlossen.",
        RegexParseError.ReversedCharacterRange => "Ein Zeichenbereich ist verkehrt herum, z. B. [z-a] statt [a-z].",
        RegexParseError.ReversedQuantifierRange => "Eine Wiederholungsangabe ist verkehrt herum, z. B. {5,2} statt {2,5}.",
        RegexParseError.QuantifierAfterNothing => "Vor einem Wiederholungszeichen (*, + oder ?) steht nichts, das wiederholt werden könnte.",
        RegexParseError.NestedQuantifiersNotParenthesized => "Zwei Wiederholungszeichen folgen aufeinander; setzen Sie Klammern.",
        RegexParseError.UnescapedEndingBackslash => "Das Muster endet mit einem einzelnen „\\“.",
        RegexParseError.UnrecognizedEscape => "Eine Angabe mit „\\“ ist unbekannt; ein Sonderzeichen als Zeichen schreiben Sie z. B. als \\. oder \\(.",
        RegexParseError.InvalidGroupingConstruct => "Eine Gruppe mit „(?“ ist unvollständig oder unbekannt.",
        RegexParseError.UnterminatedComment => "Ein Kommentar „(?#“ wird nicht geschlossen.",
        RegexParseError.InsufficientOrInvalidHexDigits => "Nach \\x oder \\u fehlen gültige Hexadezimalziffern.",
        RegexParseError.InvalidUnicodePropertyEscape or RegexParseError.MalformedUnicodePropertyEscape or RegexParseError.UnrecognizedUnicodeProperty
            => "Eine Unicode-Zeichenklasse (\\p{…}) ist unbekannt oder unvollständig.",
        RegexParseError.UndefinedNumberedReference or RegexParseError.UndefinedNamedReference or RegexParseError.MalformedNamedReference
            => "Ein Rückverweis nennt eine Gruppe, die es nicht gibt.",
        RegexParseError.ShorthandClassInCharacterRange => "Eine Zeichenklasse wie \\d kann nicht Grenze eines Bereichs sein.",
        RegexParseError.QuantifierOrCaptureGroupOutOfRange => "Eine Zahl im Muster ist zu groß.",
        _ => "Das Muster ist an dieser Stelle nicht lesbar.",
    };
}
