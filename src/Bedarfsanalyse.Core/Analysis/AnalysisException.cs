namespace Bedarfsanalyse.Core.Analysis;

/// <summary>A request the engine cannot answer (a question that exists in no version, …); the message is German.</summary>
public sealed class AnalysisException : Exception
{
    public AnalysisException(string message)
        : base(message)
    {
    }

    public AnalysisException()
    {
    }

    public AnalysisException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
