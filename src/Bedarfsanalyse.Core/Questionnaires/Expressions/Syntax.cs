namespace Bedarfsanalyse.Core.Questionnaires.Expressions;

/// <summary>A node of a parsed expression; <see cref="Position"/> is the 1-based character it starts at.</summary>
internal abstract record SyntaxNode(int Position);

internal sealed record NumberLiteral(decimal Value, int Position) : SyntaxNode(Position);

internal sealed record StringLiteral(string Value, int Position) : SyntaxNode(Position);

/// <summary><c>${name}</c>: the value of another question.</summary>
internal sealed record Reference(string Name, int Position) : SyntaxNode(Position);

/// <summary><c>.</c>: the value of the question the expression belongs to.</summary>
internal sealed record CurrentValue(int Position) : SyntaxNode(Position);

/// <summary>A bare name: in a choice filter, a property of the option being filtered ("name" is its code).</summary>
internal sealed record BareName(string Name, int Position) : SyntaxNode(Position);

internal sealed record Call(string Function, IReadOnlyList<SyntaxNode> Arguments, int Position) : SyntaxNode(Position);

internal sealed record Binary(BinaryOperator Operator, SyntaxNode Left, SyntaxNode Right, int Position) : SyntaxNode(Position);

internal sealed record Negation(SyntaxNode Operand, int Position) : SyntaxNode(Position);

internal enum BinaryOperator
{
    Or,
    And,
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Add,
    Subtract,
    Multiply,
    Divide,
    Modulo,
}

internal static class BinaryOperatorText
{
    public static string Of(BinaryOperator op) => op switch
    {
        BinaryOperator.Or => "or",
        BinaryOperator.And => "and",
        BinaryOperator.Equal => "=",
        BinaryOperator.NotEqual => "!=",
        BinaryOperator.Less => "<",
        BinaryOperator.LessOrEqual => "<=",
        BinaryOperator.Greater => ">",
        BinaryOperator.GreaterOrEqual => ">=",
        BinaryOperator.Add => "+",
        BinaryOperator.Subtract => "-",
        BinaryOperator.Multiply => "*",
        BinaryOperator.Divide => "div",
        _ => "mod",
    };
}
