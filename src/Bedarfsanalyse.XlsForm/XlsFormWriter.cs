using System.Globalization;
using Bedarfsanalyse.Core.Questionnaires;
using ClosedXML.Excel;
using static Bedarfsanalyse.XlsForm.XlsFormColumns;

namespace Bedarfsanalyse.XlsForm;

/// <summary>
/// Exports a definition as an XLSForm workbook that <see cref="XlsFormReader"/> reads back into an equal definition.
/// Extensions (matrix, units, bounds, yes/no, non-substantive options) use the columns of docs/adr/0007-xlsform-mapping.md.
/// </summary>
public static class XlsFormWriter
{
    public static byte[] Write(QuestionnaireDefinition definition)
    {
        using var stream = new MemoryStream();
        Write(definition, stream);
        return stream.ToArray();
    }

    public static void Write(QuestionnaireDefinition definition, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(stream);
        using var workbook = new XLWorkbook();
        var languages = definition.Languages.IsEmpty ? [Language.German] : definition.Languages;
        WriteSheet(workbook, Survey, SurveyRows(definition), SurveyHeaders(languages));
        WriteSheet(workbook, Choices, ChoiceRows(definition), ChoiceHeaders(definition, languages));
        WriteSheet(workbook, Settings,
        [
            new Dictionary<string, string>
            {
                [FormTitle] = definition.Title,
                [FormId] = definition.Key,
                [DefaultLanguage] = Header(languages[0]),
                [RespondentGroupsColumn] = string.Join(' ', definition.RespondentGroups),
            },
        ], [FormTitle, FormId, DefaultLanguage, RespondentGroupsColumn]);
        workbook.SaveAs(stream);
    }

    private static string Header(Language language) => $"{language.Name} ({language.Code})";

    private static string Header(string column, Language language) => $"{column}::{Header(language)}";

    private static List<string> SurveyHeaders(ValueList<Language> languages)
    {
        var headers = new List<string> { TypeColumn, Name };
        foreach (var column in SurveyColumns.Skip(2))
        {
            if (TranslatableSurvey.Contains(column))
            {
                headers.AddRange(languages.Select(l => Header(column, l)));
            }
            else
            {
                headers.Add(column);
            }
        }

        return headers;
    }

    private static List<Dictionary<string, string>> SurveyRows(QuestionnaireDefinition definition)
    {
        var rows = new List<Dictionary<string, string>>();
        foreach (var page in definition.Pages)
        {
            AddGroup(rows, page, definition.Languages, topLevel: true);
        }

        return rows;
    }

    private static void AddGroup(List<Dictionary<string, string>> rows, Group group, ValueList<Language> languages, bool topLevel)
    {
        var begin = new Dictionary<string, string> { [TypeColumn] = "begin group", [Name] = group.Name };
        AddElementColumns(begin, group, languages);
        if (topLevel)
        {
            begin[Appearance] = FieldList; // ODK shows a page's questions together, as the interview screens do
        }

        rows.Add(begin);
        foreach (var element in group.Elements)
        {
            if (element is Group child)
            {
                AddGroup(rows, child, languages, topLevel: false);
            }
            else if (element is Question question)
            {
                rows.Add(QuestionRow(question, languages));
            }
        }

        rows.Add(new Dictionary<string, string> { [TypeColumn] = "end group" });
    }

    private static void AddElementColumns(Dictionary<string, string> row, Element element, ValueList<Language> languages)
    {
        AddText(row, Label, element.Label, languages);
        AddText(row, Hint, element.Hint, languages);
        AddValue(row, Relevant, element.Relevant);
    }

    private static void AddText(Dictionary<string, string> row, string column, LocalizedText? text, ValueList<Language> languages)
    {
        foreach (var language in languages)
        {
            AddValue(row, Header(column, language), text?.Translation(language.Code));
        }
    }

    private static void AddValue(Dictionary<string, string> row, string column, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            row[column] = value;
        }
    }

    private static Dictionary<string, string> QuestionRow(Question question, ValueList<Language> languages)
    {
        var row = new Dictionary<string, string> { [Name] = question.Name };
        AddElementColumns(row, question, languages);
        AddValue(row, RequiredColumn, question.Required == "true()" ? "yes" : question.Required);
        AddValue(row, Constraint, question.Constraint);
        AddText(row, ConstraintMessage, question.ConstraintMessage, languages);
        OtherOption? other = null;
        (row[TypeColumn], var appearance) = question switch
        {
            SingleChoiceQuestion s => (Other("select_one " + s.ListName, other = s.Other), null),
            MultipleChoiceQuestion m => (Other("select_multiple " + m.ListName, other = m.Other), null),
            YesNoQuestion y => ("select_one " + y.ListName, YesNo),
            LikertQuestion l => ("select_one " + l.ListName, Likert),
            RankingQuestion r => ("rank " + r.ListName, null),
            MatrixQuestion m => ((m.MultipleAnswers ? "select_multiple " : "select_one ") + m.ScaleListName, (string?)null),
            IntegerQuestion => ("integer", null),
            DecimalQuestion => ("decimal", null),
            ShortTextQuestion => ("text", null),
            LongTextQuestion => ("text", Multiline),
            DateQuestion => ("date", null),
            NoteQuestion => ("note", null),
            CalculatedQuestion => ("calculate", null),
            _ => throw new ArgumentException($"Unknown question type {question.GetType().Name}.", nameof(question)),
        };
        AddValue(row, Appearance, appearance);
        switch (question)
        {
            case ChoiceQuestion choice:
                AddValue(row, ChoiceFilter, choice.ChoiceFilter);
                break;
            case MatrixQuestion matrix:
                AddValue(row, MatrixRows, matrix.RowListName);
                AddValue(row, ChoiceFilter, matrix.ChoiceFilter);
                break;
            case NumberQuestion number:
                AddValue(row, Min, number.Min?.ToString(CultureInfo.InvariantCulture));
                AddValue(row, Max, number.Max?.ToString(CultureInfo.InvariantCulture));
                AddText(row, Unit, number.Unit, languages);
                break;
            case CalculatedQuestion calculated:
                AddValue(row, Calculation, calculated.Calculation);
                break;
        }

        if (other is not null)
        {
            AddText(row, OtherLabel, other.Label, languages);
        }

        return row;
    }

    private static string Other(string type, OtherOption? other) => other is null ? type : type + " or_other";

    private static List<string> ChoiceHeaders(QuestionnaireDefinition definition, ValueList<Language> languages)
    {
        var choices = definition.ChoiceLists.SelectMany(l => l.Choices).ToList();
        var headers = new List<string> { ListName, Name };
        headers.AddRange(languages.Select(l => Header(Label, l)));
        if (choices.Any(c => c.NonSubstantive))
        {
            headers.Add(NonSubstantive);
        }

        headers.AddRange(choices.SelectMany(c => c.Properties.Keys).Distinct(StringComparer.Ordinal));
        return headers;
    }

    private static List<Dictionary<string, string>> ChoiceRows(QuestionnaireDefinition definition)
    {
        var rows = new List<Dictionary<string, string>>();
        foreach (var list in definition.ChoiceLists)
        {
            foreach (var choice in list.Choices)
            {
                var row = new Dictionary<string, string> { [ListName] = list.Name, [Name] = choice.Code };
                AddText(row, Label, choice.Label, definition.Languages.IsEmpty ? [Language.German] : definition.Languages);
                if (choice.NonSubstantive)
                {
                    row[NonSubstantive] = "yes";
                }

                foreach (var (property, value) in choice.Properties)
                {
                    row[property] = value;
                }

                rows.Add(row);
            }
        }

        return rows;
    }

    /// <summary>Writes every value as text, so that codes like "1" or expressions starting with "=" stay what they are.</summary>
    private static void WriteSheet(XLWorkbook workbook, string name, List<Dictionary<string, string>> rows, List<string> candidateHeaders)
    {
        var headers = candidateHeaders
            .Where(h => h is TypeColumn or Name or ListName or FormId or FormTitle || h.StartsWith(Label + "::", StringComparison.Ordinal) || rows.Any(r => r.ContainsKey(h)))
            .ToList();
        var sheet = workbook.Worksheets.Add(name);
        for (var column = 0; column < headers.Count; column++)
        {
            var width = headers[column].Length;
            SetText(sheet.Cell(1, column + 1), headers[column]).Style.Font.Bold = true;
            for (var row = 0; row < rows.Count; row++)
            {
                if (rows[row].TryGetValue(headers[column], out var value))
                {
                    SetText(sheet.Cell(row + 2, column + 1), value);
                    width = Math.Max(width, value.Split('\n').Max(l => l.Length));
                }
            }

            // AdjustToContents needs System.Drawing, which is not there (../shared/stack.md): estimate instead.
            sheet.Column(column + 1).Width = Math.Clamp(width + 2, 8, 60);
        }

        sheet.SheetView.FreezeRows(1);
    }

    private static IXLCell SetText(IXLCell cell, string value)
    {
        cell.SetValue(value);
        cell.DataType = XLDataType.Text;
        return cell;
    }
}
