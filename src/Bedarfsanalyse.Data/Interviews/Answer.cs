namespace Bedarfsanalyse.Data.Interviews;

/// <summary>
/// One answer value (typed row, see docs/adr/0002-answer-storage.md). A multiple-choice answer is one row per
/// chosen option, a matrix one row per row of the matrix, a ranking one row per rank.
/// </summary>
public sealed class Answer
{
    public Guid InterviewId { get; init; }

    /// <summary>The question's stable name.</summary>
    public required string Question { get; init; }

    /// <summary>The matrix row's name; empty for every other question.</summary>
    public string Item { get; init; } = "";

    /// <summary>Order within one answer: 0 for a single value, 0..n for chosen options, the rank for a ranking.</summary>
    public short Position { get; init; }

    /// <summary>The chosen option's code (choice, yes/no, Likert, matrix cell, ranking).</summary>
    public string? Code { get; set; }

    public decimal? Number { get; set; }

    public string? Text { get; set; }

    public DateOnly? Date { get; set; }
}
