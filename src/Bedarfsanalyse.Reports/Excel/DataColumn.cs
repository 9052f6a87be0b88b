namespace Bedarfsanalyse.Reports.Excel;

/// <summary>The kind of values a streamed column holds; it decides the cell type and the German number format.</summary>
public enum DataColumnKind
{
    Text,
    Integer,
    Decimal,
    Date,
}

/// <summary>One column of a streamed data sheet: header (also the Excel table's column name), kind and width in characters.</summary>
public sealed record DataColumn(string Header, DataColumnKind Kind, double Width);
