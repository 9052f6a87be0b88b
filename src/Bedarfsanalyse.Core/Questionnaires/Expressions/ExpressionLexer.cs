using System.Globalization;

namespace Bedarfsanalyse.Core.Questionnaires.Expressions;

internal enum TokenKind
{
    End,
    Number,
    String,
    Reference,
    Dot,
    Name,
    OpenParen,
    CloseParen,
    Comma,
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Plus,
    Minus,
    Star,
}

internal readonly record struct Token(TokenKind Kind, string Text, int Position, decimal Number = 0);

/// <summary>Splits an XLSForm expression into tokens; positions are 1-based.</summary>
internal static class ExpressionLexer
{
    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (true)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i >= text.Length)
            {
                tokens.Add(new Token(TokenKind.End, "", text.Length + 1));
                return tokens;
            }

            var start = i;
            var c = text[i];
            var position = start + 1;
            switch (c)
            {
                case '(':
                    tokens.Add(new Token(TokenKind.OpenParen, "(", position));
                    i++;
                    break;
                case ')':
                    tokens.Add(new Token(TokenKind.CloseParen, ")", position));
                    i++;
                    break;
                case ',':
                    tokens.Add(new Token(TokenKind.Comma, ",", position));
                    i++;
                    break;
                case '=':
                    if (i + 1 < text.Length && text[i + 1] == '=')
                    {
                        throw new ExpressionSyntaxException(position, "„==“ ist kein Operator; für „gleich“ schreiben Sie ein einfaches =.");
                    }

                    tokens.Add(new Token(TokenKind.Equal, "=", position));
                    i++;
                    break;
                case '!':
                    if (i + 1 < text.Length && text[i + 1] == '=')
                    {
                        tokens.Add(new Token(TokenKind.NotEqual, "!=", position));
                        i += 2;
                        break;
                    }

                    throw new ExpressionSyntaxException(position, "„!“ allein ist kein Operator; für „nicht“ schreiben Sie not(...), für „ungleich“ !=.");
                case '<':
                case '>':
                    var orEqual = i + 1 < text.Length && text[i + 1] == '=';
                    tokens.Add(new Token(
                        c == '<' ? (orEqual ? TokenKind.LessOrEqual : TokenKind.Less) : (orEqual ? TokenKind.GreaterOrEqual : TokenKind.Greater),
                        text.Substring(i, orEqual ? 2 : 1),
                        position));
                    i += orEqual ? 2 : 1;
                    break;
                case '+':
                    tokens.Add(new Token(TokenKind.Plus, "+", position));
                    i++;
                    break;
                case '-':
                    tokens.Add(new Token(TokenKind.Minus, "-", position));
                    i++;
                    break;
                case '*':
                    tokens.Add(new Token(TokenKind.Star, "*", position));
                    i++;
                    break;
                case '/':
                    throw new ExpressionSyntaxException(position,
                        "„/“ wird nicht unterstützt: für die Division schreiben Sie „div“, auf Fragen verweisen Sie mit ${name}.");
                case '\'':
                case '"':
                    var close = text.IndexOf(c, i + 1);
                    if (close < 0)
                    {
                        throw new ExpressionSyntaxException(position, "Die Zeichenkette ist nicht geschlossen: es fehlt das abschließende " + c + ".");
                    }

                    tokens.Add(new Token(TokenKind.String, text.Substring(i + 1, close - i - 1), position));
                    i = close + 1;
                    break;
                case '$':
                    i = ReadReference(text, i, tokens);
                    break;
                case '.':
                    if (i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))
                    {
                        i = ReadNumber(text, i, tokens);
                    }
                    else if (i + 1 < text.Length && text[i + 1] == '.')
                    {
                        throw new ExpressionSyntaxException(position, "Pfadangaben wie „..“ werden nicht unterstützt; verweisen Sie mit ${name} auf Fragen.");
                    }
                    else
                    {
                        tokens.Add(new Token(TokenKind.Dot, ".", position));
                        i++;
                    }

                    break;
                default:
                    if (char.IsAsciiDigit(c))
                    {
                        i = ReadNumber(text, i, tokens);
                    }
                    else if (IsNameStart(c))
                    {
                        var end = i + 1;
                        while (end < text.Length && IsNamePart(text[end]))
                        {
                            end++;
                        }

                        tokens.Add(new Token(TokenKind.Name, text[i..end], position));
                        i = end;
                    }
                    else
                    {
                        throw new ExpressionSyntaxException(position, $"Unerwartetes Zeichen „{Printable(text, i)}“.");
                    }

                    break;
            }
        }
    }

    public static bool IsNameStart(char c) => char.IsLetter(c) || c == '_';

    public static bool IsNamePart(char c) => char.IsLetterOrDigit(c) || c is '_' or '-' or '.';

    private static int ReadReference(string text, int i, List<Token> tokens)
    {
        var position = i + 1;
        if (i + 1 >= text.Length || text[i + 1] != '{')
        {
            throw new ExpressionSyntaxException(position, "Nach „$“ erwartet: „{“ – Verweise schreiben Sie als ${name}.");
        }

        var close = text.IndexOf('}', i + 2);
        if (close < 0)
        {
            throw new ExpressionSyntaxException(position, "Der Verweis ist nicht mit „}“ geschlossen.");
        }

        var name = text[(i + 2)..close];
        if (name.Length == 0 || !IsNameStart(name[0]) || !name.All(IsNamePart))
        {
            throw new ExpressionSyntaxException(position + 2, $"„{Shorten(name)}“ ist kein gültiger Fragename.");
        }

        tokens.Add(new Token(TokenKind.Reference, name, position));
        return close + 1;
    }

    private static int ReadNumber(string text, int i, List<Token> tokens)
    {
        var end = i;
        var sawDot = false;
        while (end < text.Length && (char.IsAsciiDigit(text[end]) || (text[end] == '.' && !sawDot)))
        {
            sawDot |= text[end] == '.';
            end++;
        }

        if (end < text.Length && (IsNameStart(text[end]) || text[end] == '.'))
        {
            throw new ExpressionSyntaxException(i + 1, $"„{Shorten(text[i..Math.Min(text.Length, end + 1)])}“ ist keine gültige Zahl.");
        }

        var literal = text[i..end];
        if (!decimal.TryParse(literal, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            throw new ExpressionSyntaxException(i + 1, $"Die Zahl „{Shorten(literal)}“ ist zu groß.");
        }

        tokens.Add(new Token(TokenKind.Number, literal, i + 1, value));
        return end;
    }

    private static string Printable(string text, int i) =>
        char.IsSurrogate(text[i]) || char.IsControl(text[i]) ? $"U+{(int)text[i]:X4}" : text[i].ToString();

    internal static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
