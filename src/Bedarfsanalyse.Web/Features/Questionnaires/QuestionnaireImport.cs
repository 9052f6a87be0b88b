using Bedarfsanalyse.Core.Questionnaires.Checking;
using Bedarfsanalyse.XlsForm;

namespace Bedarfsanalyse.Web.Features.Questionnaires;

/// <summary>
/// Imports an XLSForm workbook as a draft, and publishes it when asked. Nothing is stored when the workbook cannot be
/// read, and nothing when publishing was asked for but the static checks find errors.
/// </summary>
public sealed class QuestionnaireImport(QuestionnaireCatalog catalog)
{
    public const int MaxBytes = XlsFormReader.DefaultMaxBytes;

    /// <summary>Reads and checks a workbook without storing anything.</summary>
    public static Outcome<CheckedWorkbook> Check(byte[] workbook)
    {
        var read = XlsFormReader.Read(workbook, MaxBytes);
        if (!read.Succeeded)
        {
            var errors = new InputErrors();
            foreach (var error in read.Errors)
            {
                errors.Add("file", error.Message);
            }

            return errors;
        }

        return new CheckedWorkbook(read.Definition!, QuestionnaireChecker.Check(read.Definition!), read.Warnings.Select(w => w.Message).ToList());
    }

    public async Task<Outcome<SavedVersion>> ImportAsync(byte[] workbook, bool publish, CancellationToken cancellationToken)
    {
        var checkedWorkbook = Check(workbook);
        if (!checkedWorkbook.Succeeded)
        {
            return checkedWorkbook.Errors!;
        }

        var (definition, problems, _) = checkedWorkbook.Value!;
        if (publish && !QuestionnaireChecker.CanBePublished(problems))
        {
            var errors = new InputErrors();
            foreach (var problem in problems.Where(p => p.Severity == ProblemSeverity.Error))
            {
                errors.Add("definition", problem.Message);
            }

            return errors;
        }

        var saved = await catalog.SaveDraftAsync(definition, cancellationToken);
        return publish ? await catalog.PublishAsync(saved.Key, saved.Number, cancellationToken) : saved;
    }
}

/// <summary>A workbook read into a definition, with the static checks' findings and the reader's warnings.</summary>
public sealed record CheckedWorkbook(Core.Questionnaires.QuestionnaireDefinition Definition, IReadOnlyList<DefinitionProblem> Problems, IReadOnlyList<string> Warnings);
