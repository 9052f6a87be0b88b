namespace Bedarfsanalyse.Core.Questionnaires.Expressions;

/// <summary>An expression could not be read. The only exception the parser throws, whatever the input.</summary>
public sealed class ExpressionSyntaxException(int position, string reason)
    : Exception($"Zeichen {position}: {reason}")
{
    /// <summary>1-based character position of the problem.</summary>
    public int Position { get; } = position;

    /// <summary>The German explanation without the position.</summary>
    public string Reason { get; } = reason;
}
