namespace Bedarfsanalyse.Data.Postgres;

/// <summary>The private cluster could not be provided; the message says what to do, in German, in one or two lines.</summary>
public sealed class PrivateClusterException : Exception
{
    public PrivateClusterException(string message)
        : base(message)
    {
    }

    public PrivateClusterException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
