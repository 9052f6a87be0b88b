namespace Bedarfsanalyse.Core.Disclosure;

/// <summary>A table would reveal a suppressed cell, or cannot be protected; the message says which, in German.</summary>
public sealed class DisclosureException : Exception
{
    public DisclosureException(string message)
        : base(message)
    {
    }

    public DisclosureException()
    {
    }

    public DisclosureException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
