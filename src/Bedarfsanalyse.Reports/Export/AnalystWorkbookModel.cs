using Bedarfsanalyse.Core.Questionnaires.Tabular;

namespace Bedarfsanalyse.Reports.Export;

/// <summary>
/// Everything the analyst workbook of one network and period shows: the cover lines, one data set per questionnaire
/// (rows read on demand, so they can be streamed) and the figure sheets (aggregates, trends) as finished tables,
/// computed on demand too, so that the writer can compute them while it writes the rows.
/// </summary>
public sealed record AnalystWorkbookModel(
    string Title,
    IReadOnlyList<CoverLine> Cover,
    IReadOnlyList<QuestionnaireDataSet> DataSets,
    Func<CancellationToken, Task<IReadOnlyList<FigureSheet>>> FigureSheets)
{
    /// <summary>A model whose figure sheets are already there.</summary>
    public AnalystWorkbookModel(string title, IReadOnlyList<CoverLine> cover, IReadOnlyList<QuestionnaireDataSet> dataSets, IReadOnlyList<FigureSheet> figureSheets)
        : this(title, cover, dataSets, _ => Task.FromResult(figureSheets))
    {
    }
}

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
    Func<CancellationToken, IAsyncEnumerable<InterviewRow>> Rows)
{
    /// <summary>German labels of the codes of the leading interview columns (kreis, befragtengruppe, ...), by column name.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<ValueLabel>> InterviewLabels { get; init; } = new Dictionary<string, IReadOnlyList<ValueLabel>>();

    /// <summary>The value labels of a leading interview column; none when it has no codes.</summary>
    public IReadOnlyList<ValueLabel> LabelsOf(InterviewColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        return column.FixedLabels ?? InterviewLabels.GetValueOrDefault(column.Name) ?? [];
    }
}

/// <summary>
/// One completed interview as a data row: the leading columns about the interview (those the interview import reads
/// back, then district name, quarter, pseudonym, establishment facts and weight) and the cells of the flat layout.
/// </summary>
/// <param name="Sector">WZ section of an establishment interview (its answer, else the registered establishment's).</param>
/// <param name="SizeClass">Size class of an establishment interview (its calculated answer, else from the registered headcount).</param>
/// <param name="Weight">The engine's weight of the interview in its quarter and stratum; 1 where the quarter is unweighted.</param>
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
    double Weight,
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
