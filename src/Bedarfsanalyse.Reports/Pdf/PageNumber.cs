namespace Bedarfsanalyse.Reports.Pdf;

/// <summary>The page being drawn and how many pages the document has.</summary>
public readonly record struct PageNumber(int Number, int Count)
{
    /// <summary>"Seite 3 von 12".</summary>
    public override string ToString() => $"Seite {Number} von {Count}";
}
