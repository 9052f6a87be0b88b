using Bedarfsanalyse.Core.Questionnaires.Answers;
using Bedarfsanalyse.Core.Questionnaires.Tabular;

namespace Bedarfsanalyse.Reports.Export;

/// <summary>
/// The cells of one interview in a flat layout straight from its answer rows, sorted by question, item and position
/// as the database gives them: the same cells as <c>layout.Cells(AnswerRowMapping.FromRows(rows))</c>, without
/// building answer values or looking up every column (a large export spends most of its reading time there).
/// </summary>
public sealed class AnswerCellMapper
{
    private static readonly object Zero = 0;
    private static readonly object One = 1;

    private readonly FlatLayout _layout;
    private readonly Dictionary<string, int[]> _columnsByQuestion;
    private readonly object[] _ranks = [.. Enumerable.Range(0, 64).Select(i => (object)i)];

    public AnswerCellMapper(FlatLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        _layout = layout;
        _columnsByQuestion = layout.Columns.Select((c, i) => (c.Question, i))
            .GroupBy(x => x.Question, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(x => x.i).ToArray(), StringComparer.Ordinal);
    }

    public object?[] Cells(IReadOnlyList<AnswerRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var cells = new object?[_layout.Columns.Count];
        var start = 0;
        while (start < rows.Count)
        {
            var question = rows[start].Question;
            var end = start + 1;
            while (end < rows.Count && rows[end].Question == question)
            {
                end++;
            }

            if (_columnsByQuestion.TryGetValue(question, out var columns))
            {
                Fill(cells, columns, rows, start, end);
            }

            start = end;
        }

        return cells;
    }

    private void Fill(object?[] cells, int[] columns, IReadOnlyList<AnswerRow> rows, int start, int end)
    {
        var first = rows[start];
        if (first.Code is null)
        {
            // One number, text or date: every column of the question shows it.
            object? value = first.Number is { } number ? number : first.Text is { } text ? text : first.Date;
            foreach (var c in columns)
            {
                cells[c] = value;
            }

            return;
        }

        var matrix = first.Item.Length != 0;
        foreach (var c in columns)
        {
            var column = _layout.Columns[c];
            cells[c] = matrix ? MatrixCell(column, rows, start, end) : ChoiceCell(column, rows, start, end);
        }
    }

    /// <summary>A choice question's rows are its codes in the order of their positions.</summary>
    private object? ChoiceCell(FlatColumn column, IReadOnlyList<AnswerRow> rows, int start, int end) => column.Kind switch
    {
        FlatColumnKind.Flag => IndexOf(rows, start, end, column.Option!) >= 0 ? One : Zero,
        FlatColumnKind.Rank => IndexOf(rows, start, end, column.Option!) is >= 0 and var index ? Rank(index + 1) : null,
        FlatColumnKind.Code => rows[start].Code,
        _ => null,
    };

    private static object? MatrixCell(FlatColumn column, IReadOnlyList<AnswerRow> rows, int start, int end)
    {
        if (column.Kind is not (FlatColumnKind.Flag or FlatColumnKind.Code))
        {
            return null;
        }

        var rowStart = start;
        while (rowStart < end && rows[rowStart].Item != column.Item)
        {
            rowStart++;
        }

        if (rowStart == end)
        {
            return null;
        }

        var rowEnd = rowStart + 1;
        while (rowEnd < end && rows[rowEnd].Item == column.Item)
        {
            rowEnd++;
        }

        return column.Kind == FlatColumnKind.Code ? rows[rowStart].Code : IndexOf(rows, rowStart, rowEnd, column.Option!) >= 0 ? One : Zero;
    }

    private static int IndexOf(IReadOnlyList<AnswerRow> rows, int start, int end, string code)
    {
        for (var i = start; i < end; i++)
        {
            if (rows[i].Code == code)
            {
                return i - start;
            }
        }

        return -1;
    }

    private object Rank(int rank) => rank < _ranks.Length ? _ranks[rank] : rank;
}
