namespace Bedarfsanalyse.Reports.Pdf;

/// <summary>The text of a header or footer line: left, centred and right.</summary>
public sealed record PageBand(string Left = "", string Center = "", string Right = "")
{
    public static PageBand Empty { get; } = new();

    internal bool IsEmpty => Left.Length == 0 && Center.Length == 0 && Right.Length == 0;
}
