namespace Bedarfsanalyse.Reports.Pdf;

public enum ColumnAlignment
{
    Left,

    /// <summary>For numbers, so that digits line up.</summary>
    Right,
}
