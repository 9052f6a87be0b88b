namespace Bedarfsanalyse.Core.Questionnaires.Expressions;

/// <summary>What a compiled expression reads: the current values of all questions by slot, "." and the option being filtered.</summary>
internal sealed class EvaluationScope(int slots, DateOnly today)
{
    public Value[] Values { get; } = new Value[slots];

    public DateOnly Today { get; } = today;

    /// <summary>The value of the question whose constraint is evaluated (<c>.</c>).</summary>
    public Value Current { get; set; }

    /// <summary>The option a choice filter is evaluated for.</summary>
    public Choice? Choice { get; set; }
}

internal delegate Value Evaluator(EvaluationScope scope);

/// <summary>A question an expression can refer to with <c>${name}</c>.</summary>
internal readonly record struct Symbol(int Slot, StaticType Type);

/// <summary>Resolves <c>${name}</c>: a symbol, or a German reason why the name cannot be used.</summary>
internal interface ISymbolTable
{
    /// <summary>The symbol; or null with a reason why the name cannot be used, or null without one when the name is unknown.</summary>
    Symbol? Resolve(string name, out string? problem);
}

/// <summary>Where an expression sits: what <c>.</c> is (null: not allowed) and which list a choice filter filters (null: no bare names).</summary>
internal sealed record ExpressionContext(ISymbolTable Symbols, StaticType? CurrentType = null, ChoiceList? FilteredList = null);

/// <summary>A problem in an expression at a 1-based character position.</summary>
internal readonly record struct ExpressionProblem(int Position, string Code, string Message);

/// <summary>A type-checked expression ready to run.</summary>
internal sealed record CompiledExpression(StaticType Type, Evaluator Evaluate, IReadOnlyList<string> References);
