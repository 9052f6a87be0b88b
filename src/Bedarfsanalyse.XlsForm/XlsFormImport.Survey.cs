using Group = Bedarfsanalyse.Core.Questionnaires.Group;
using System.Text.RegularExpressions;
using Bedarfsanalyse.Core.Questionnaires;
using static Bedarfsanalyse.XlsForm.XlsFormColumns;

namespace Bedarfsanalyse.XlsForm;

internal sealed partial class XlsFormImport
{
    private static readonly HashSet<string> UnsupportedTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "geopoint", "geotrace", "geoshape", "image", "audio", "video", "file", "barcode", "background-audio", "background-geopoint",
        "time", "datetime", "dateTime", "acknowledge", "range", "trigger", "hidden", "xml-external", "csv-external", "osm",
        "select_one_from_file", "select_multiple_from_file", "select_one_external", "start-geopoint",
    };

    private static readonly HashSet<string> MetadataTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "start", "end", "today", "deviceid", "subscriberid", "simserial", "phonenumber", "username", "email", "audit",
    };

    private sealed class GroupBuilder(string name, LocalizedText? label, LocalizedText? hint, string? relevant, SheetRow row)
    {
        public string Name { get; } = name;

        public SheetRow Row { get; } = row;

        public List<Element> Elements { get; } = [];

        public Group Build() => new() { Name = Name, Label = label, Hint = hint, Relevant = relevant, Elements = [.. Elements] };
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    private ValueList<Group> ReadSurvey(SheetTable survey)
    {
        var typeColumn = survey.Column(TypeColumn)!;
        var nameColumn = survey.Column(Name);
        var usedNames = survey.Rows.Select(r => r[nameColumn]).ToHashSet(StringComparer.Ordinal);
        var pages = new List<Group>();
        var open = new Stack<GroupBuilder>();
        GroupBuilder? loosePage = null;
        foreach (var row in survey.Rows)
        {
            var type = Whitespace().Replace(row[typeColumn], " ");
            var keyword = type.ToLowerInvariant().Replace('_', ' ');
            if (type.Length == 0)
            {
                Error(survey, row, typeColumn, "Die Zeile hat Inhalt, aber keinen Typ (type).", TypeColumn);
                continue;
            }

            if (keyword is "begin group" or "begin repeat")
            {
                if (keyword == "begin repeat")
                {
                    Error(survey, row, typeColumn, "Wiederholungsgruppen (begin repeat) werden nicht unterstützt.");
                }

                var name = row[nameColumn];
                if (name.Length == 0)
                {
                    Error(survey, row, nameColumn, "Die Gruppe hat keinen Namen (name).", Name);
                }

                foreach (var appearance in Appearances(row, survey).Where(a => a != FieldList))
                {
                    Warning(survey, row, survey.Column(Appearance), $"Die Darstellung „{appearance}“ einer Gruppe wird nicht übernommen.");
                }

                if (open.Count == 0 && loosePage is not null)
                {
                    pages.Add(loosePage.Build());
                    loosePage = null;
                }

                _elementRows.TryAdd(name, row);
                open.Push(new GroupBuilder(name, Text(survey, row, Label), Text(survey, row, Hint), NonEmpty(row[survey.Column(Relevant)]), row));
                ReportGroupColumns(survey, row);
                continue;
            }

            if (keyword is "end group" or "end repeat")
            {
                if (open.Count == 0)
                {
                    Error(survey, row, typeColumn, "Zu diesem „end group“ gibt es kein „begin group“.");
                    continue;
                }

                var builder = open.Pop();
                var name = row[nameColumn];
                if (name.Length > 0 && name != builder.Name)
                {
                    Error(survey, row, nameColumn, $"„end group {name}“ schließt die Gruppe „{builder.Name}“ aus Zeile {builder.Row.Number}; die Namen passen nicht zusammen.");
                }

                var group = builder.Build();
                if (open.Count == 0)
                {
                    pages.Add(group);
                }
                else
                {
                    open.Peek().Elements.Add(group);
                }

                continue;
            }

            if (ReadQuestion(survey, row, type) is not { } question)
            {
                continue;
            }

            _elementRows.TryAdd(question.Name, row);
            if (open.Count > 0)
            {
                open.Peek().Elements.Add(question);
                continue;
            }

            // Questions outside any group form a page of their own, named so that no name clashes (ADR 0007).
            loosePage ??= new GroupBuilder(ImplicitPageName(usedNames), null, null, null, row);
            loosePage.Elements.Add(question);
        }

        foreach (var unclosed in open)
        {
            Error(survey, unclosed.Row, typeColumn, $"Die Gruppe „{unclosed.Name}“ wird nicht mit „end group“ geschlossen.");
        }

        if (loosePage is not null)
        {
            pages.Add(loosePage.Build());
        }

        return [.. pages];
    }

    private string ImplicitPageName(HashSet<string> used)
    {
        string name;
        do
        {
            name = $"seite_{++_implicitPages}";
        }
        while (!used.Add(name));
        return name;
    }

    private void ReportGroupColumns(SheetTable survey, SheetRow row)
    {
        foreach (var column in new[] { RequiredColumn, Constraint, Calculation, ChoiceFilter, Min, Max, MatrixRows })
        {
            if (survey.Column(column) is { } found && row[found].Length > 0)
            {
                Error(survey, row, found, $"Eine Gruppe hat keine Angabe „{column}“.");
            }
        }
    }

    private List<string> Appearances(SheetRow row, SheetTable survey) =>
        [.. row[survey.Column(Appearance)].ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries)];

    private static string? NonEmpty(string text) => text.Length == 0 ? null : text;

    private Question? ReadQuestion(SheetTable survey, SheetRow row, string type)
    {
        var typeColumn = survey.Column(TypeColumn);
        var parts = type.Split(' ');
        var kind = parts[0].ToLowerInvariant();
        var rest = parts.Skip(1).ToList();
        if (kind == "select" && rest.Count > 0 && rest[0].Equals("one", StringComparison.OrdinalIgnoreCase))
        {
            (kind, rest) = ("select_one", rest.Skip(1).ToList());
        }
        else if (type.StartsWith("select all that apply ", StringComparison.OrdinalIgnoreCase))
        {
            (kind, rest) = ("select_multiple", parts.Skip(4).ToList());
        }

        if (MetadataTypes.Contains(kind))
        {
            Warning(survey, row, typeColumn, $"Das Metadatenfeld „{kind}“ wird nicht übernommen; Zeitpunkt und Interviewende erfasst die Anwendung selbst.");
            return null;
        }

        if (UnsupportedTypes.Contains(kind))
        {
            Error(survey, row, typeColumn, $"Der Fragetyp „{kind}“ wird nicht unterstützt.");
            return null;
        }

        var name = row[survey.Column(Name)];
        if (name.Length == 0)
        {
            Error(survey, row, survey.Column(Name), "Die Frage hat keinen Namen (name).", Name);
            return null;
        }

        var isChoice = kind is "select_one" or "select_multiple" or "rank";
        var listName = isChoice && rest.Count > 0 ? rest[0] : null;
        var orOther = isChoice && rest.Count == 2 && rest[1].Equals("or_other", StringComparison.OrdinalIgnoreCase);
        if (isChoice && (listName is null || rest.Count > 2 || (rest.Count == 2 && !orOther)))
        {
            Error(survey, row, typeColumn, $"„{type}“: nach „{kind}“ steht genau der Name einer Auswahlliste, höchstens gefolgt von „or_other“.");
            return null;
        }

        if (!isChoice && rest.Count > 0 || kind is not ("select_one" or "select_multiple" or "rank" or "integer" or "int" or "decimal" or "text" or "string" or "date" or "note" or "calculate"))
        {
            Error(survey, row, typeColumn, $"„{type}“ ist kein bekannter Fragetyp.");
            return null;
        }

        var appearances = Appearances(row, survey);
        var matrixRows = NonEmpty(row[survey.Column(MatrixRows)]);
        var choiceFilter = NonEmpty(row[survey.Column(ChoiceFilter)]);
        var (min, max) = (Number(survey, row, Min), Number(survey, row, Max));
        var unit = Text(survey, row, Unit);
        var otherLabel = Text(survey, row, OtherLabel);
        var other = orOther ? new OtherOption(otherLabel ?? OtherOption.Default.Label) : null;
        var calculation = NonEmpty(row[survey.Column(Calculation)]);

        Question question = kind switch
        {
            "select_one" when matrixRows is not null => new MatrixQuestion { Name = name, RowListName = matrixRows, ScaleListName = listName!, ChoiceFilter = choiceFilter },
            "select_multiple" when matrixRows is not null => new MatrixQuestion { Name = name, RowListName = matrixRows, ScaleListName = listName!, ChoiceFilter = choiceFilter, MultipleAnswers = true },
            "select_one" when appearances.Contains(Likert) => new LikertQuestion { Name = name, ListName = listName!, ChoiceFilter = choiceFilter },
            "select_one" when appearances.Contains(YesNo) => new YesNoQuestion { Name = name, ListName = listName!, ChoiceFilter = choiceFilter },
            "select_one" => new SingleChoiceQuestion { Name = name, ListName = listName!, ChoiceFilter = choiceFilter, Other = other },
            "select_multiple" => new MultipleChoiceQuestion { Name = name, ListName = listName!, ChoiceFilter = choiceFilter, Other = other },
            "rank" => new RankingQuestion { Name = name, ListName = listName!, ChoiceFilter = choiceFilter },
            "integer" or "int" => new IntegerQuestion { Name = name, Min = min, Max = max, Unit = unit },
            "decimal" => new DecimalQuestion { Name = name, Min = min, Max = max, Unit = unit },
            "text" or "string" when appearances.Contains(Multiline) => new LongTextQuestion { Name = name },
            "text" or "string" => new ShortTextQuestion { Name = name },
            "date" => new DateQuestion { Name = name },
            "note" => new NoteQuestion { Name = name },
            _ => new CalculatedQuestion { Name = name, Calculation = calculation ?? "" },
        };

        ReportMisplaced(survey, row, question, kind, appearances, orOther);
        return question with
        {
            Label = Text(survey, row, Label),
            Hint = Text(survey, row, Hint),
            Relevant = NonEmpty(row[survey.Column(Relevant)]),
            Required = Required(row[survey.Column(RequiredColumn)]),
            Constraint = NonEmpty(row[survey.Column(Constraint)]),
            ConstraintMessage = Text(survey, row, ConstraintMessage),
        };
    }

    /// <summary>yes/true/1 mean always, no/false/0 or nothing never; anything else is a condition.</summary>
    private static string? Required(string text) => text.ToLowerInvariant() switch
    {
        "" or "no" or "false" or "false()" or "0" or "nein" => null,
        "yes" or "true" or "true()" or "1" or "ja" => "true()",
        _ => text,
    };

    private decimal? Number(SheetTable survey, SheetRow row, string columnName)
    {
        var column = survey.Column(columnName);
        var text = row[column];
        if (text.Length == 0)
        {
            return null;
        }

        var value = ParseNumber(text);
        if (value is null)
        {
            Error(survey, row, column, $"„{text}“ ist keine Zahl.");
        }

        return value;
    }

    /// <summary>Extension columns and appearances only make sense for some types; elsewhere they are errors or warnings, never dropped unnoticed.</summary>
    private void ReportMisplaced(SheetTable survey, SheetRow row, Question question, string kind, List<string> appearances, bool orOther)
    {
        void Misplaced(string columnName, string reason)
        {
            if (survey.ColumnsOf(columnName).FirstOrDefault(c => row[c].Length > 0) is { } column)
            {
                Error(survey, row, column, reason);
            }
        }

        if (question is not NumberQuestion)
        {
            Misplaced(Min, "Einen Mindestwert (min) gibt es nur bei integer und decimal.");
            Misplaced(Max, "Einen Höchstwert (max) gibt es nur bei integer und decimal.");
            Misplaced(Unit, "Eine Einheit (unit) gibt es nur bei integer und decimal.");
        }

        if (kind is not ("select_one" or "select_multiple"))
        {
            Misplaced(MatrixRows, "Matrixzeilen (matrix_rows) gibt es nur bei select_one und select_multiple.");
        }

        if (question is not CalculatedQuestion)
        {
            Misplaced(Calculation, "Eine Berechnung (calculation) gibt es nur beim Typ calculate; dynamische Vorgabewerte werden nicht unterstützt.");
        }
        else if (((CalculatedQuestion)question).Calculation.Length == 0)
        {
            Error(survey, row, survey.Column(Calculation), "Der Typ calculate braucht eine Berechnung (calculation).", Calculation);
        }

        if (question is not (ChoiceQuestion or MatrixQuestion))
        {
            Misplaced(ChoiceFilter, "Einen Auswahlfilter (choice_filter) gibt es nur bei Auswahlfragen.");
        }

        if (orOther && question is not (SingleChoiceQuestion or MultipleChoiceQuestion))
        {
            Error(survey, row, survey.Column(TypeColumn), "„or_other“ gibt es nur bei einfacher und mehrfacher Auswahl, nicht bei Likert, Ja/Nein, Matrix oder Rangfolge.");
        }

        if (!orOther && survey.ColumnsOf(OtherLabel).FirstOrDefault(c => row[c].Length > 0) is { } otherLabel)
        {
            Warning(survey, row, otherLabel, "„other_label“ wirkt nur zusammen mit „or_other“ und wird hier nicht übernommen.");
        }

        if (appearances.Contains(Likert) && appearances.Contains(YesNo))
        {
            Error(survey, row, survey.Column(Appearance), "Eine Frage ist entweder Likert-Skala oder Ja/Nein-Frage.");
        }

        var understood = question switch
        {
            LikertQuestion => [Likert],
            YesNoQuestion => [YesNo],
            LongTextQuestion => [Multiline],
            _ => Array.Empty<string>(),
        };
        foreach (var appearance in appearances.Where(a => !understood.Contains(a)))
        {
            Warning(survey, row, survey.Column(Appearance), $"Die Darstellung „{appearance}“ wird nicht übernommen.");
        }
    }
}
