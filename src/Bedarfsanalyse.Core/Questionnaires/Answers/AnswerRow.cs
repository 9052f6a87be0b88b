namespace Bedarfsanalyse.Core.Questionnaires.Answers;

/// <summary>
/// One stored answer value, 1:1 with a row of the answers table (docs/adr/0002-answer-storage.md): exactly one of
/// <see cref="Code"/>, <see cref="Number"/>, <see cref="Text"/>, <see cref="Date"/> is set.
/// </summary>
/// <param name="Question">The question's name (for "Sonstiges" texts: <c>{question}_other</c>).</param>
/// <param name="Item">The matrix row's code; "" for every other question.</param>
/// <param name="Position">0 for a single value; the index of a chosen option; the rank (from 0) in a ranking.</param>
public sealed record AnswerRow(string Question, string Item, short Position, string? Code, decimal? Number, string? Text, DateOnly? Date)
{
    public static AnswerRow ForCode(string question, string item, short position, string code) => new(question, item, position, code, null, null, null);

    public static AnswerRow ForNumber(string question, decimal number) => new(question, "", 0, null, number, null, null);

    public static AnswerRow ForText(string question, string text) => new(question, "", 0, null, null, text, null);

    public static AnswerRow ForDate(string question, DateOnly date) => new(question, "", 0, null, null, null, date);
}
