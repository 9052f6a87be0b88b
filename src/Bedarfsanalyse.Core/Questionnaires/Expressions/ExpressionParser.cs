using Bedarfsanalyse.Core.Formatting;

namespace Bedarfsanalyse.Core.Questionnaires.Expressions;

/// <summary>
/// Recursive-descent parser for the XLSForm expression subset (XPath 1.0 precedence: or, and, equality, relational,
/// additive, multiplicative, unary minus). Depth and length are bounded so that no input can exhaust the stack.
/// </summary>
internal sealed class ExpressionParser
{
    public const int MaxLength = 10_000;
    public const int MaxDepth = 100;

    private readonly List<Token> _tokens;
    private int _index;

    private ExpressionParser(List<Token> tokens) => _tokens = tokens;

    public static SyntaxNode Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaxLength)
        {
            throw new ExpressionSyntaxException(MaxLength + 1, $"Der Ausdruck ist zu lang (höchstens {GermanFigureFormat.Count(MaxLength)} Zeichen).");
        }

        var parser = new ExpressionParser(ExpressionLexer.Tokenize(text));
        if (parser.Current.Kind == TokenKind.End)
        {
            throw new ExpressionSyntaxException(1, "Der Ausdruck ist leer.");
        }

        var (root, _) = parser.ParseOr(0);
        if (parser.Current.Kind != TokenKind.End)
        {
            throw new ExpressionSyntaxException(parser.Current.Position,
                $"Unerwartetes „{ExpressionLexer.Shorten(parser.Current.Text)}“ – ist ein Operator oder eine Klammer zu viel oder fehlt einer?");
        }

        return root;
    }

    private Token Current => _tokens[_index];

    private Token Advance() => _tokens[_index++];

    private bool IsKeyword(string keyword) => Current.Kind == TokenKind.Name && Current.Text == keyword;

    // Each method returns the node and the height of its tree: evaluation recurses as deep as the tree is high, so a
    // long flat chain like "1 + 1 + ... + 1" is limited as well as deep nesting.
    private (SyntaxNode, int) ParseOr(int depth) => ParseLeftAssociative(depth, ParseAnd, static (p) =>
        p.IsKeyword("or") ? BinaryOperator.Or : null);

    private (SyntaxNode, int) ParseAnd(int depth) => ParseLeftAssociative(depth, ParseEquality, static (p) =>
        p.IsKeyword("and") ? BinaryOperator.And : null);

    private (SyntaxNode, int) ParseEquality(int depth) => ParseLeftAssociative(depth, ParseRelational, static (p) => p.Current.Kind switch
    {
        TokenKind.Equal => BinaryOperator.Equal,
        TokenKind.NotEqual => BinaryOperator.NotEqual,
        _ => null,
    });

    private (SyntaxNode, int) ParseRelational(int depth) => ParseLeftAssociative(depth, ParseAdditive, static (p) => p.Current.Kind switch
    {
        TokenKind.Less => BinaryOperator.Less,
        TokenKind.LessOrEqual => BinaryOperator.LessOrEqual,
        TokenKind.Greater => BinaryOperator.Greater,
        TokenKind.GreaterOrEqual => BinaryOperator.GreaterOrEqual,
        _ => null,
    });

    private (SyntaxNode, int) ParseAdditive(int depth) => ParseLeftAssociative(depth, ParseMultiplicative, static (p) => p.Current.Kind switch
    {
        TokenKind.Plus => BinaryOperator.Add,
        TokenKind.Minus => BinaryOperator.Subtract,
        _ => null,
    });

    private (SyntaxNode, int) ParseMultiplicative(int depth) => ParseLeftAssociative(depth, ParseUnary, static (p) =>
        p.Current.Kind == TokenKind.Star ? BinaryOperator.Multiply
        : p.IsKeyword("div") ? BinaryOperator.Divide
        : p.IsKeyword("mod") ? BinaryOperator.Modulo
        : null);

    private (SyntaxNode, int) ParseLeftAssociative(
        int depth, Func<int, (SyntaxNode, int)> operand, Func<ExpressionParser, BinaryOperator?> matchOperator)
    {
        var (left, height) = operand(depth);
        while (matchOperator(this) is { } op)
        {
            var position = Advance().Position;
            var (right, rightHeight) = operand(depth);
            height = Math.Max(height, rightHeight) + 1;
            CheckHeight(height, position);
            left = new Binary(op, left, right, position);
        }

        return (left, height);
    }

    private (SyntaxNode, int) ParseUnary(int depth)
    {
        if (Current.Kind == TokenKind.Minus)
        {
            var position = Advance().Position;
            CheckDepth(depth + 1, position);
            var (operand, height) = ParseUnary(depth + 1);
            CheckHeight(height + 1, position);
            return (new Negation(operand, position), height + 1);
        }

        return ParsePrimary(depth);
    }

    private (SyntaxNode, int) ParsePrimary(int depth)
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Number:
                Advance();
                return (new NumberLiteral(token.Number, token.Position), 1);
            case TokenKind.String:
                Advance();
                return (new StringLiteral(token.Text, token.Position), 1);
            case TokenKind.Reference:
                Advance();
                return (new Reference(token.Text, token.Position), 1);
            case TokenKind.Dot:
                Advance();
                return (new CurrentValue(token.Position), 1);
            case TokenKind.OpenParen:
            {
                Advance();
                CheckDepth(depth + 1, token.Position);
                var (inner, height) = ParseOr(depth + 1);
                Expect(TokenKind.CloseParen, token.Position);
                return (inner, height);
            }

            case TokenKind.Name when _tokens[_index + 1].Kind == TokenKind.OpenParen:
                return ParseCall(depth);
            case TokenKind.Name when token.Text is "and" or "or" or "div" or "mod":
                throw new ExpressionSyntaxException(token.Position, $"Vor „{token.Text}“ fehlt ein Wert.");
            case TokenKind.Name:
                Advance();
                return (new BareName(token.Text, token.Position), 1);
            case TokenKind.End:
                throw new ExpressionSyntaxException(token.Position, "Der Ausdruck endet unerwartet; es fehlt ein Wert.");
            default:
                throw new ExpressionSyntaxException(token.Position, $"An dieser Stelle wird ein Wert erwartet, nicht „{token.Text}“.");
        }
    }

    private (SyntaxNode, int) ParseCall(int depth)
    {
        var name = Advance();
        var open = Advance();
        CheckDepth(depth + 1, open.Position);
        var arguments = new List<SyntaxNode>();
        var height = 0;
        if (Current.Kind != TokenKind.CloseParen)
        {
            while (true)
            {
                var (argument, argumentHeight) = ParseOr(depth + 1);
                arguments.Add(argument);
                height = Math.Max(height, argumentHeight);
                if (Current.Kind != TokenKind.Comma)
                {
                    break;
                }

                Advance();
            }
        }

        Expect(TokenKind.CloseParen, open.Position);
        CheckHeight(height + 1, name.Position);
        return (new Call(name.Text, arguments, name.Position), height + 1);
    }

    private void Expect(TokenKind kind, int openedAt)
    {
        if (Current.Kind != kind)
        {
            throw new ExpressionSyntaxException(Current.Position, Current.Kind == TokenKind.End
                ? $"Es fehlt die schließende Klammer „)“ zur Klammer an Zeichen {openedAt}."
                : $"Erwartet wurde „)“ (zur Klammer an Zeichen {openedAt}) oder ein Komma, nicht „{ExpressionLexer.Shorten(Current.Text)}“.");
        }

        Advance();
    }

    private static void CheckDepth(int depth, int position)
    {
        if (depth > MaxDepth)
        {
            throw new ExpressionSyntaxException(position, $"Der Ausdruck ist zu tief verschachtelt (mehr als {MaxDepth} Ebenen).");
        }
    }

    private static void CheckHeight(int height, int position)
    {
        if (height > 4 * MaxDepth)
        {
            throw new ExpressionSyntaxException(position, $"Der Ausdruck ist zu umfangreich (mehr als {4 * MaxDepth} verkettete Operationen); teilen Sie ihn auf.");
        }
    }
}
