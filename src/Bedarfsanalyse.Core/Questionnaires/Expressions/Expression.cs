namespace Bedarfsanalyse.Core.Questionnaires.Expressions;

/// <summary>A parsed expression of the XLSForm subset the engine supports.</summary>
public sealed class Expression
{
    private Expression(string text, SyntaxNode root)
    {
        Text = text;
        Root = root;
        References = Walk(root).OfType<Reference>().Select(r => r.Name).Distinct().ToList();
    }

    public string Text { get; }

    /// <summary>The names referred to with <c>${name}</c>, each once, in order of appearance.</summary>
    public IReadOnlyList<string> References { get; }

    internal SyntaxNode Root { get; }

    /// <summary>Parses; throws <see cref="ExpressionSyntaxException"/> (and nothing else) for any input that is not a valid expression.</summary>
    public static Expression Parse(string text) => new(text, ExpressionParser.Parse(text));

    private static IEnumerable<SyntaxNode> Walk(SyntaxNode node)
    {
        var pending = new Stack<SyntaxNode>();
        pending.Push(node);
        while (pending.TryPop(out var current))
        {
            yield return current;
            switch (current)
            {
                case Binary b:
                    pending.Push(b.Right);
                    pending.Push(b.Left);
                    break;
                case Negation n:
                    pending.Push(n.Operand);
                    break;
                case Call c:
                    for (var i = c.Arguments.Count - 1; i >= 0; i--)
                    {
                        pending.Push(c.Arguments[i]);
                    }

                    break;
            }
        }
    }

    public override string ToString() => Text;
}
