namespace Bedarfsanalyse.Core.Weighting;

/// <summary>Weights cannot be computed from these data or population figures; the message says why, in German.</summary>
public sealed class WeightingException : Exception
{
    public WeightingException(string message)
        : base(message)
    {
    }

    public WeightingException()
    {
    }

    public WeightingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
