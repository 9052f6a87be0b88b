using Bedarfsanalyse.XlsForm;

namespace Bedarfsanalyse.Web.Features.Questionnaires;

/// <summary>
/// Imports an XLSForm workbook as a draft, and publishes it when asked, in one save: nothing is stored when the
/// workbook cannot be read, when publishing was asked for but the static checks find errors, or when an open draft
/// would be replaced without being asked to.
/// </summary>
public sealed class QuestionnaireImport(QuestionnaireCatalog catalog)
{
    public const int MaxBytes = XlsFormReader.DefaultMaxBytes;

    /// <summary>Reads and checks a workbook without storing anything.</summary>
    public static XlsFormImportResult Read(byte[] workbook) => XlsFormReader.Read(workbook, MaxBytes);

    public async Task<StoreOutcome> ImportAsync(byte[] workbook, bool publish, bool replaceDraft, CancellationToken cancellationToken)
    {
        var read = Read(workbook);
        if (!read.Succeeded)
        {
            var errors = new InputErrors();
            foreach (var error in read.Errors)
            {
                errors.Add("file", error.Message);
            }

            return errors;
        }

        return await catalog.StoreAsync(read.Definition!, publish, replaceDraft, cancellationToken);
    }
}
