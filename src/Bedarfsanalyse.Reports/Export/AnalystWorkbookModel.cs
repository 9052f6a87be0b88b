using Bedarfsanalyse.Core.Questionnaires.Tabular;

namespace Bedarfsanalyse.Reports.Export;

/// <summary>
/// Everything the analyst workbook of one network and period shows: the cover lines, one data set per questionnaire
/// (rows read on demand, so they can be streamed) and the figure sheets (aggregates, trends) as finished tables.
/// </summary>
public sealed record AnalystWorkbookModel(
    string Title,
    IReadOnlyList<CoverLine> Cover,
    IReadOnlyList<QuestionnaireDataSet> DataSets,
    IReadOnlyList<FigureSheet> FigureSheets);

/// <summary>One line of the cover sheet: what ("Zeitraum") and its value ("3. Quartal 2026").</summary>
public sealed record CoverLine(string Label, string Value);

/// <summary>
/// The completed interviews of one questionnaire: its flat layout (the union of the versions included) and the rows
/// in the order they are to be written. <see cref="Rows"/> may be enumerated more than once (workbook, then CSV).
/// </summary>
public sealed record QuestionnaireDataSet(
    string Key,
    string Title,
    string SheetName,
    string FileStem,
    IReadOnlyList<int> Versions,
    FlatLayout Layout,
    Func<CancellationToken, IAsyncEnumerable<InterviewRow>> Rows);

/// <summary>
/// One completed interview as a data row: the leading columns about the interview (those the interview import reads
/// back, then district name, quarter, pseudonym and establishment facts) and the cells of the flat layout.
/// </summary>
public sealed record InterviewRow(
    Guid InterviewId,
    int Version,
    string DistrictKey,
    string DistrictName,
    string RespondentGroup,
    DateOnly ConductedOn,
    string Quarter,
    string? Pseudonym,
    string? Sector,
    string? SizeClass,
    object?[] Cells);

/// <summary>What a column of a figure sheet holds; decides the number format.</summary>
public enum FigureKind
{
    Text,
    Count,

    /// <summary>A percentage value such as 42.5, shown "42,5".</summary>
    Percent,
}

public sealed record FigureColumn(string Header, FigureKind Kind);

/// <summary>A formatted sheet of figures: a title line, then one Excel table. Cells are string, int, double or null.</summary>
public sealed record FigureSheet(string SheetName, string Title, string? Note, IReadOnlyList<FigureColumn> Columns, IReadOnlyList<object?[]> Rows);
