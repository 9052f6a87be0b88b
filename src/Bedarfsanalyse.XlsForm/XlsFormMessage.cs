using Bedarfsanalyse.Core.Questionnaires;

namespace Bedarfsanalyse.XlsForm;

/// <summary>An error or warning of an XLSForm import, with its place in the workbook.</summary>
/// <param name="Sheet">"survey", "choices", "settings" or null for the file as a whole.</param>
/// <param name="Row">Excel row number (the header is row 1).</param>
/// <param name="Column">The column's header, e.g. "relevant" or "label::English (en)".</param>
/// <param name="ColumnLetter">The column's letter in Excel, e.g. "F".</param>
/// <param name="Position">For an expression: the 1-based character position.</param>
/// <param name="Reason">The German explanation.</param>
public sealed record XlsFormMessage(string? Sheet, int? Row, string? Column, string? ColumnLetter, int? Position, string Reason)
{
    /// <summary>For a finding of the engine's static checks, its code (e.g. "unknown_reference"); null for the mapping's own messages.</summary>
    public string? Code { get; init; }

    public string Place
    {
        get
        {
            var parts = new List<string>();
            if (Sheet is not null)
            {
                parts.Add($"Blatt „{Sheet}“");
            }

            if (Row is not null)
            {
                parts.Add($"Zeile {Row}");
            }

            if (Column is not null)
            {
                parts.Add(ColumnLetter is null ? $"Spalte „{Column}“" : $"Spalte „{Column}“ ({ColumnLetter})");
            }

            if (Position is not null)
            {
                parts.Add($"Zeichen {Position}");
            }

            return parts.Count == 0 ? "Datei" : string.Join(", ", parts);
        }
    }

    /// <summary>The German message with its place, e.g. "Blatt „survey“, Zeile 12, Spalte „relevant“ (F), Zeichen 3: …".</summary>
    public string Message => $"{Place}: {Reason}";

    public override string ToString() => Message;
}

/// <summary>
/// The outcome of an import: a definition and warnings, or errors and no definition. Nothing is ever half imported.
/// </summary>
public sealed record XlsFormImportResult(QuestionnaireDefinition? Definition, IReadOnlyList<XlsFormMessage> Errors, IReadOnlyList<XlsFormMessage> Warnings)
{
    public bool Succeeded => Definition is not null;

    /// <summary>
    /// The file itself was refused before any sheet was read: too large, not an .xlsx, damaged. Otherwise the errors are
    /// about the workbook's content.
    /// </summary>
    public bool FileRefused { get; init; }
}
