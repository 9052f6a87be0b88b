using System.Globalization;
using System.Text.RegularExpressions;
using Bedarfsanalyse.Core.Questionnaires;
using Bedarfsanalyse.Core.Questionnaires.Checking;
using ClosedXML.Excel;
using static Bedarfsanalyse.XlsForm.XlsFormColumns;

namespace Bedarfsanalyse.XlsForm;

/// <summary>One import: reads the three sheets into strings, maps them to a definition and runs the static checks.</summary>
internal sealed partial class XlsFormImport(XLWorkbook workbook)
{
    private readonly List<XlsFormMessage> _errors = [];
    private readonly List<XlsFormMessage> _warnings = [];
    private readonly Dictionary<string, SheetRow> _elementRows = new(StringComparer.Ordinal);
    private readonly Dictionary<(string List, string Code), SheetRow> _choiceRows = [];
    private readonly Dictionary<string, SheetRow> _listRows = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _languages = new(StringComparer.Ordinal); // code → name, in order
    private string _defaultLanguage = Language.DefaultCode;
    private SheetTable? _survey;
    private SheetTable? _choices;
    private SheetTable? _settings;
    private int _implicitPages;

    public XlsFormImportResult Run()
    {
        _survey = ReadSheet(Survey, required: true);
        _choices = ReadSheet(Choices, required: false);
        _settings = ReadSheet(Settings, required: true);
        if (_survey is null || _settings is null || _errors.Count > 0)
        {
            return Result(null);
        }

        var (key, title, respondentGroups) = ReadSettings(_settings);
        RegisterLanguages(_survey, TranslatableSurvey);
        if (_choices is not null)
        {
            RegisterLanguages(_choices, [Label]);
        }

        ReportUnsupportedColumns(_survey, SurveyColumns);
        var lists = _choices is null ? [] : ReadChoices(_choices);
        var pages = ReadSurvey(_survey);
        if (_choices is null && _survey.Rows.Any(r => IsSelect(r[_survey.Column(TypeColumn)])))
        {
            Error(null, null, null, "Das Blatt „choices“ fehlt; Auswahlfragen brauchen ihre Antwortlisten dort.");
        }

        if (_errors.Count > 0)
        {
            return Result(null);
        }

        var definition = new QuestionnaireDefinition
        {
            Key = key,
            Title = title,
            RespondentGroups = respondentGroups,
            Languages = [.. _languages.Select(l => new Language(l.Key, l.Value))],
            ChoiceLists = lists,
            Pages = pages,
        };
        foreach (var problem in QuestionnaireChecker.Check(definition))
        {
            (problem.Severity == ProblemSeverity.Error ? _errors : _warnings).Add(Locate(problem) with { Code = problem.Code });
        }

        return Result(_errors.Count == 0 ? definition : null);
    }

    private XlsFormImportResult Result(QuestionnaireDefinition? definition) => new(definition, _errors, _warnings);

    private void Error(SheetTable? sheet, SheetRow? row, SheetColumn? column, string reason, string? columnName = null) =>
        _errors.Add(new XlsFormMessage(sheet?.Name, row?.Number, column?.Header ?? columnName, column?.Letter, null, reason));

    private void Warning(SheetTable? sheet, SheetRow? row, SheetColumn? column, string reason) =>
        _warnings.Add(new XlsFormMessage(sheet?.Name, row?.Number, column?.Header, column?.Letter, null, reason));

    private SheetTable? ReadSheet(string name, bool required)
    {
        var worksheet = workbook.Worksheets.FirstOrDefault(w => string.Equals(w.Name.Trim(), name, StringComparison.OrdinalIgnoreCase));
        if (worksheet is null)
        {
            if (required)
            {
                _errors.Add(new XlsFormMessage(name, null, null, null, null, $"Das Blatt „{name}“ fehlt. Ein XLSForm braucht die Blätter „survey“, „choices“ und „settings“."));
            }

            return null;
        }

        var table = SheetTable.Read(worksheet, name, _errors);
        if (table is not null && table.Column(name == Choices ? Name : name == Survey ? TypeColumn : FormId) is null && (name != Choices || table.Rows.Count > 0))
        {
            var expected = name switch
            {
                Survey => "type, name, label",
                Choices => "list_name, name, label",
                _ => "form_id, form_title",
            };
            _errors.Add(new XlsFormMessage(name, 1, null, null, null, $"Die Kopfzeile des Blatts fehlt oder ist unvollständig; erwartet werden die Spalten {expected}."));
            return null;
        }

        return table;
    }

    private (string Key, string Title, ValueList<string> Groups) ReadSettings(SheetTable settings)
    {
        ReportUnsupportedColumns(settings, SettingsColumns);
        var row = settings.Rows.FirstOrDefault() ?? new SheetRow(2, new string[settings.Columns.Count == 0 ? 0 : settings.Columns.Max(c => c.Number)].Select(_ => "").ToArray());
        if (settings.Rows.Count > 1)
        {
            Warning(settings, settings.Rows[1], null, "Das Blatt „settings“ hat nur eine Zeile mit Werten; weitere Zeilen werden nicht übernommen.");
        }

        var key = row[settings.Column(FormId)];
        var title = row[settings.Column(FormTitle)];
        if (key.Length == 0)
        {
            Error(settings, row, settings.Column(FormId), "Es fehlt die Kennung des Fragebogens (form_id).", FormId);
        }

        if (title.Length == 0)
        {
            Error(settings, row, settings.Column(FormTitle), "Es fehlt der Titel des Fragebogens (form_title).", FormTitle);
        }

        var defaultLanguage = row[settings.Column(DefaultLanguage)];
        if (defaultLanguage.Length > 0)
        {
            var (name, code) = ColumnName.ParseLanguage(defaultLanguage);
            if (code is null)
            {
                Error(settings, row, settings.Column(DefaultLanguage), $"Die Sprache „{defaultLanguage}“ ist nicht erkennbar; schreiben Sie z. B. „Deutsch (de)“.");
            }
            else
            {
                _defaultLanguage = code;
                _languages[code] = name;
            }
        }

        var groups = row[settings.Column(RespondentGroupsColumn)]
            .Split([' ', ',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return (key, title, [.. groups]);
    }

    private void RegisterLanguages(SheetTable sheet, IReadOnlyList<string> translatable)
    {
        var seen = new Dictionary<string, SheetColumn>(StringComparer.Ordinal);
        foreach (var column in sheet.Columns)
        {
            if (!translatable.Contains(column.Name.Base))
            {
                continue;
            }

            if (column.Name.Language is not null && column.Name.LanguageCode is null)
            {
                Error(sheet, null, column, $"Die Sprache „{column.Name.Language}“ ist nicht erkennbar; schreiben Sie den Sprachcode dazu, z. B. „{column.Name.Base}::English (en)“.");
                continue;
            }

            var code = column.Name.LanguageCode ?? _defaultLanguage;
            if (!seen.TryAdd($"{column.Name.Base}::{code}", column))
            {
                Error(sheet, null, column, $"Für die Sprache „{code}“ gibt es schon die Spalte „{seen[$"{column.Name.Base}::{code}"].Header}“.");
                continue;
            }

            if (!_languages.ContainsKey(code))
            {
                _languages[code] = column.Name.LanguageCode is null ? (code == Language.DefaultCode ? Language.German.Name : code) : column.Name.LanguageName!;
            }
        }

        if (_languages.Count == 0)
        {
            _languages[Language.DefaultCode] = Language.German.Name;
        }

        // German first, the other languages in the order they appeared.
        if (_languages.ContainsKey(Language.DefaultCode) && _languages.Keys.First() != Language.DefaultCode)
        {
            var ordered = _languages.OrderBy(l => l.Key == Language.DefaultCode ? 0 : 1).ToList();
            _languages.Clear();
            foreach (var (code, name) in ordered)
            {
                _languages[code] = name;
            }
        }
    }

    private void ReportUnsupportedColumns(SheetTable sheet, IReadOnlyList<string> supported)
    {
        foreach (var column in sheet.Columns)
        {
            var translatableHere = sheet.Name == Survey ? TranslatableSurvey.Contains(column.Name.Base) : column.Name.Base == Label;
            if (supported.Contains(column.Name.Base) && (column.Name.Language is null || translatableHere))
            {
                continue;
            }

            if (sheet.Name == Choices && column.Name.Language is null && !ChoiceMedia.Contains(column.Name.Base))
            {
                continue; // a property for choice filters
            }

            var used = sheet.Rows.FirstOrDefault(r => r[column].Length > 0);
            if (used is not null)
            {
                Warning(sheet, used, column, $"Die Spalte „{column.Header}“ wird nicht unterstützt; ihre Werte werden nicht übernommen.");
            }
        }
    }

    private ValueList<ChoiceList> ReadChoices(SheetTable choices)
    {
        ReportUnsupportedColumns(choices, ChoiceColumns);
        var listColumn = choices.Column(ListName) ?? choices.Column("list name");
        var nameColumn = choices.Column(Name);
        var flagColumn = choices.Column(NonSubstantive);
        var propertyColumns = choices.Columns
            .Where(c => c.Name.Language is null && !ChoiceColumns.Contains(c.Name.Base) && c.Name.Base != "list name" && !ChoiceMedia.Contains(c.Name.Base))
            .ToList();
        if (listColumn is null)
        {
            Error(choices, null, null, "Die Spalte „list_name“ fehlt.", ListName);
            return [];
        }

        var lists = new List<(string Name, List<Choice> Choices)>();
        foreach (var row in choices.Rows)
        {
            var list = row[listColumn];
            var code = row[nameColumn];
            if (list.Length == 0 || code.Length == 0)
            {
                Error(choices, row, list.Length == 0 ? listColumn : nameColumn, list.Length == 0
                    ? "Die Zeile gehört zu keiner Liste (list_name ist leer)."
                    : "Die Antwortmöglichkeit hat keinen Code (name ist leer).", list.Length == 0 ? ListName : Name);
                continue;
            }

            var target = lists.FirstOrDefault(l => l.Name == list);
            if (target.Choices is null)
            {
                target = (list, []);
                lists.Add(target);
                _listRows[list] = row;
            }

            _choiceRows[(list, code)] = row; // the last row: for a duplicate code, the duplicate
            if (Text(choices, row, Label) is not { } label)
            {
                Error(choices, row, FindColumn(choices, Label), "Die Antwortmöglichkeit hat keinen Text (label).", Label);
                continue;
            }

            var properties = propertyColumns.Where(c => row[c].Length > 0).Select(c => new KeyValuePair<string, string>(c.Header.Trim(), row[c]));
            target.Choices.Add(new Choice(code, label)
            {
                NonSubstantive = Flag(choices, row, flagColumn),
                Properties = new ValueMap<string>(properties),
            });
        }

        return [.. lists.Select(l => new ChoiceList(l.Name, [.. l.Choices]))];
    }

    private bool Flag(SheetTable sheet, SheetRow row, SheetColumn? column)
    {
        var value = row[column].ToLowerInvariant();
        switch (value)
        {
            case "" or "no" or "false" or "0" or "nein" or "false()":
                return false;
            case "yes" or "true" or "1" or "ja" or "true()":
                return true;
            default:
                Error(sheet, row, column, $"„{row[column]}“ ist kein Ja/Nein-Wert; erlaubt sind yes und no.");
                return false;
        }
    }

    private LocalizedText? Text(SheetTable sheet, SheetRow row, string baseName) =>
        LocalizedText.From(sheet.ColumnsOf(baseName)
            .Where(c => c.Name.Language is null || c.Name.LanguageCode is not null)
            .Select(c => new KeyValuePair<string, string?>(c.Name.LanguageCode ?? _defaultLanguage, row[c])));

    private static bool IsSelect(string type) =>
        Regex.IsMatch(type, @"^\s*(select_one|select_multiple|select one|select all that apply|rank)\s", RegexOptions.IgnoreCase);

    /// <summary>The place of a static-check finding in the workbook.</summary>
    private XlsFormMessage Locate(DefinitionProblem problem)
    {
        if (problem.Element is { } element)
        {
            var row = _elementRows.GetValueOrDefault(element)
                ?? (element.EndsWith("_other", StringComparison.Ordinal) ? _elementRows.GetValueOrDefault(element[..^6]) : null);
            var column = FindColumn(_survey!, problem.Column);
            return new XlsFormMessage(Survey, row?.Number, column?.Header ?? problem.Column, column?.Letter, problem.Position, problem.Reason);
        }

        if (problem.ChoiceList is { } list && _choices is not null)
        {
            var row = problem.ChoiceCode is { } code ? _choiceRows.GetValueOrDefault((list, code)) : _listRows.GetValueOrDefault(list);
            var column = FindColumn(_choices, problem.Column);
            return new XlsFormMessage(Choices, row?.Number, column?.Header ?? problem.Column, column?.Letter, problem.Position, problem.Reason);
        }

        if (problem.Column is Label or "default_language")
        {
            return new XlsFormMessage(Survey, 1, null, null, null, problem.Reason);
        }

        var setting = FindColumn(_settings!, problem.Column);
        return new XlsFormMessage(Settings, 2, setting?.Header ?? problem.Column, setting?.Letter, problem.Position, problem.Reason);
    }

    /// <summary>The column a finding names; for a translated column the one with German text.</summary>
    private SheetColumn? FindColumn(SheetTable sheet, string? name)
    {
        if (name is null)
        {
            return null;
        }

        var candidates = sheet.ColumnsOf(name).ToList();
        return candidates.FirstOrDefault(c => (c.Name.LanguageCode ?? _defaultLanguage) == Language.DefaultCode) ?? candidates.FirstOrDefault();
    }

    private static decimal? ParseNumber(string text) =>
        decimal.TryParse(text.Replace(',', '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
            CultureInfo.InvariantCulture, out var value) ? value : null;
}
