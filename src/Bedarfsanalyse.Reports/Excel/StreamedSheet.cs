namespace Bedarfsanalyse.Reports.Excel;

/// <summary>
/// A data sheet written row by row while the workbook is assembled, so memory stays flat however many rows there
/// are. <see cref="Position"/> is its place among the workbook's sheets (0 = first).
/// </summary>
public sealed record StreamedSheet(string Name, int Position, IReadOnlyList<DataColumn> Columns, Func<DataSheetWriter, Task> WriteRows);
