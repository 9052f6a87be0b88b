namespace Bedarfsanalyse.Reports.Pdf;

/// <summary>A piece of running text: plain text, or a footnote whose number is set where it stands.</summary>
public abstract record TextPart
{
    private protected TextPart()
    {
    }

    public static implicit operator TextPart(string text) => new PlainText(text);
}
