using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Bedarfsanalyse.Core.Questionnaires;
using Bedarfsanalyse.Core.Questionnaires.Network;

namespace Bedarfsanalyse.Reports.Templates;

/// <summary>
/// Reads a report template from reports-templates/: quartalsbericht/template.json with its .liquid texts, and a
/// network's override networks/&lt;key&gt;.json. Everything is checked at load (section and block kinds, questions
/// against the questionnaires, placeholders, Liquid syntax); all problems are reported together, each with its file
/// and line, and nothing is returned unless the template is valid.
/// </summary>
public sealed partial class ReportTemplateLoader
{
    public const string QuarterlyReport = "quartalsbericht";

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private static readonly Dictionary<string, SectionKind> SectionKinds = Enum.GetValues<SectionKind>()
        .ToDictionary(kind => JsonNamingPolicy.SnakeCaseLower.ConvertName(kind.ToString()), StringComparer.Ordinal);

    private static readonly Dictionary<string, BlockKind> BlockKinds = Enum.GetValues<BlockKind>()
        .ToDictionary(kind => JsonNamingPolicy.SnakeCaseLower.ConvertName(kind.ToString()), StringComparer.Ordinal);

    private readonly string _root;
    private readonly IReadOnlyList<QuestionnaireDefinition> _questionnaires;

    /// <param name="root">The reports-templates folder.</param>
    /// <param name="questionnaires">The questionnaires the template's question names must come from.</param>
    public ReportTemplateLoader(string root, IReadOnlyList<QuestionnaireDefinition> questionnaires)
    {
        _root = root;
        _questionnaires = questionnaires;
    }

    /// <summary>The reports-templates folder this loader reads.</summary>
    public string Root => _root;

    /// <summary>The reports-templates folder beside the application (copied there at build), else the one of the repository.</summary>
    public static string FindRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, "reports-templates");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new DirectoryNotFoundException("Der Ordner „reports-templates“ mit den Berichtsvorlagen wurde nicht gefunden.");
    }

    /// <summary>The quarterly report template, with the override of the network if it has one.</summary>
    /// <param name="networkKey">The network whose networks/&lt;key&gt;.json applies, if there is one.</param>
    /// <param name="committee">
    /// The committee's name as the network's settings give it; the override file's "committee" wins over it, and it wins
    /// over the template's default.
    /// </param>
    /// <param name="templateName">The folder of the template.</param>
    /// <exception cref="TemplateValidationException">The template or the override has errors.</exception>
    public ReportTemplate Load(string? networkKey = null, string? committee = null, string templateName = QuarterlyReport)
    {
        var errors = new List<TemplateError>();
        var folder = Path.Combine(_root, templateName);
        var file = Path.Combine(templateName, "template.json");
        var raw = Read<RawTemplate>(Path.Combine(_root, file), file, errors, out var lines);
        if (raw is null)
        {
            throw new TemplateValidationException(errors);
        }

        var sections = new List<TemplateSection>();
        var seen = new HashSet<SectionKind>();
        var rawSections = raw.Sections ?? [];
        if (rawSections.Count == 0)
        {
            errors.Add(new TemplateError(file, 1, "Die Vorlage hat keine Abschnitte („sections“)."));
        }

        for (var i = 0; i < rawSections.Count; i++)
        {
            var section = rawSections[i];
            var path = $"sections[{i}]";
            if (section.Kind is null || !SectionKinds.TryGetValue(section.Kind, out var kind))
            {
                errors.Add(new TemplateError(file, lines!.LineOf(path + ".kind"),
                    $"Unbekannte Abschnittsart „{section.Kind}“. Erlaubt sind: {string.Join(", ", SectionKinds.Keys)}."));
                continue;
            }

            if (!seen.Add(kind))
            {
                errors.Add(new TemplateError(file, lines!.LineOf(path + ".kind"), $"Der Abschnitt „{section.Kind}“ steht zweimal in der Vorlage."));
            }

            if (string.IsNullOrWhiteSpace(section.Title))
            {
                errors.Add(new TemplateError(file, lines!.LineOf(path), $"Der Abschnitt „{section.Kind}“ hat keinen Titel („title“)."));
            }

            var blocks = new List<TemplateBlock>();
            var rawBlocks = section.Blocks ?? [];
            for (var j = 0; j < rawBlocks.Count; j++)
            {
                var block = Block(rawBlocks[j], folder, templateName, file, lines!, $"{path}.blocks[{j}]", errors);
                if (block is not null)
                {
                    blocks.Add(block);
                }
            }

            sections.Add(new TemplateSection(kind, section.Title ?? "", blocks));
        }

        var template = new ReportTemplate(
            raw.Version ?? "", raw.Title ?? "", string.IsNullOrWhiteSpace(committee) ? raw.Committee ?? "Steuerkreis" : committee, sections)
        {
            CommitteeGender = Gender(raw.CommitteeGender, file, lines!, errors) ?? CommitteeGender.Masculine,
            Texts = new ReportTexts(ReadTexts(raw.Texts, file, lines!, complete: true, errors)),
        };
        if (string.IsNullOrWhiteSpace(raw.Version))
        {
            errors.Add(new TemplateError(file, 1, "Die Vorlage hat keine Fassung („version“)."));
        }

        if (networkKey is not null)
        {
            template = ApplyNetwork(template, networkKey, folder, templateName, errors);
        }

        if (errors.Count > 0)
        {
            throw new TemplateValidationException(errors);
        }

        return template;
    }

    private ReportTemplate ApplyNetwork(ReportTemplate template, string networkKey, string folder, string templateName, List<TemplateError> errors)
    {
        if (!NetworkKey().IsMatch(networkKey))
        {
            errors.Add(new TemplateError("networks", 0, $"„{networkKey}“ ist kein gültiger Verbundschlüssel."));
            return template;
        }

        var file = Path.Combine("networks", networkKey + ".json");
        if (!File.Exists(Path.Combine(_root, file)))
        {
            return template;
        }

        var raw = Read<RawNetworkOverride>(Path.Combine(_root, file), file, errors, out var lines);
        if (raw is null)
        {
            return template;
        }

        var sections = template.Sections.ToList();
        if (raw.Order is { } order)
        {
            var reordered = new List<TemplateSection>();
            for (var i = 0; i < order.Count; i++)
            {
                var section = FindSection(sections, order[i], file, lines!.LineOf($"order[{i}]"), errors);
                if (section is not null && reordered.Contains(section))
                {
                    errors.Add(new TemplateError(file, lines.LineOf($"order[{i}]"), $"Der Abschnitt „{order[i]}“ steht zweimal in „order“."));
                }
                else if (section is not null)
                {
                    reordered.Add(section);
                }
            }

            sections = reordered;
        }

        for (var i = 0; i < (raw.Drop ?? []).Count; i++)
        {
            var section = FindSection(sections, raw.Drop![i], file, lines!.LineOf($"drop[{i}]"), errors);
            if (section is not null)
            {
                sections.Remove(section);
            }
        }

        for (var i = 0; i < (raw.Add ?? []).Count; i++)
        {
            var addition = raw.Add![i];
            var section = FindSection(sections, addition.Section, file, lines!.LineOf($"add[{i}].section"), errors);
            if (addition.Block is null)
            {
                errors.Add(new TemplateError(file, lines!.LineOf($"add[{i}]"), "Der Zusatz nennt keinen Baustein („block“)."));
                continue;
            }

            var block = Block(addition.Block, folder, templateName, file, lines!, $"add[{i}].block", errors);
            if (section is not null && block is not null)
            {
                sections[sections.IndexOf(section)] = section with { Blocks = [.. section.Blocks, block] };
            }
        }

        foreach (var (name, title) in raw.Titles ?? [])
        {
            var line = lines!.LineOf("titles." + name);
            var section = FindSection(sections, name, file, line, errors);
            if (section is not null && string.IsNullOrWhiteSpace(title))
            {
                errors.Add(new TemplateError(file, line, $"Der Titel für den Abschnitt „{name}“ ist leer."));
            }
            else if (section is not null)
            {
                sections[sections.IndexOf(section)] = section with { Title = title };
            }
        }

        return template with
        {
            Texts = template.Texts.With(ReadTexts(raw.Texts, file, lines!, complete: false, errors)),
            Committee = string.IsNullOrWhiteSpace(raw.Committee) ? template.Committee : raw.Committee,
            CommitteeGender = Gender(raw.CommitteeGender, file, lines!, errors) ?? template.CommitteeGender,
            Title = string.IsNullOrWhiteSpace(raw.Title) ? template.Title : raw.Title,
            Sections = sections,
        };
    }

    /// <summary>
    /// The texts under "texts", each checked against the placeholders it may use. The template must have every text the
    /// report needs (<paramref name="complete"/>); a network's file replaces only those it names.
    /// </summary>
    private static Dictionary<string, LiquidText> ReadTexts(Dictionary<string, string>? raw, string file, JsonLineMap lines, bool complete, List<TemplateError> errors)
    {
        var texts = new Dictionary<string, LiquidText>(StringComparer.Ordinal);
        foreach (var (name, source) in raw ?? [])
        {
            // A text is one JSON string, so every problem inside it is on the line of its name.
            var line = lines.LineOf("texts." + name);
            if (!ReportTexts.Placeholders.TryGetValue(name, out var placeholders))
            {
                errors.Add(new TemplateError(file, line, $"Unbekannter Text „{name}“ unter „texts“. Bekannt sind: {string.Join(", ", ReportTexts.Placeholders.Keys)}."));
                continue;
            }

            if (string.IsNullOrWhiteSpace(source))
            {
                errors.Add(new TemplateError(file, line, $"Der Text „{name}“ ist leer."));
                continue;
            }

            var problems = LiquidCheck.Check(file, source, new HashSet<string>([.. ReportTextVariables.All, .. placeholders], StringComparer.Ordinal));
            errors.AddRange(problems.Select(problem => problem with { Line = line, Message = $"Text „{name}“: {problem.Message}" }));
            if (problems.Count == 0)
            {
                texts[name] = new LiquidText(file, source, line);
            }
        }

        if (complete)
        {
            foreach (var name in ReportTexts.Placeholders.Keys.Where(name => !texts.ContainsKey(name) && raw?.ContainsKey(name) != true))
            {
                errors.Add(new TemplateError(file, lines.LineOf("texts"), $"Der Text „{name}“ fehlt unter „texts“; der Bericht braucht ihn."));
            }
        }

        return texts;
    }

    private static readonly Dictionary<string, CommitteeGender> Genders = new(StringComparer.Ordinal)
    {
        ["m"] = CommitteeGender.Masculine,
        ["f"] = CommitteeGender.Feminine,
        ["n"] = CommitteeGender.Neuter,
    };

    private static CommitteeGender? Gender(string? value, string file, JsonLineMap lines, List<TemplateError> errors)
    {
        if (value is null)
        {
            return null;
        }

        if (Genders.TryGetValue(value, out var gender))
        {
            return gender;
        }

        errors.Add(new TemplateError(file, lines.LineOf("committee_gender"),
            $"„committee_gender“ ist „{value}“; erlaubt sind „m“ (der Steuerkreis), „f“ (die Lenkungsgruppe) und „n“ (das Gremium)."));
        return null;
    }

    private static TemplateSection? FindSection(List<TemplateSection> sections, string? name, string file, int line, List<TemplateError> errors)
    {
        if (name is null || !SectionKinds.TryGetValue(name, out var kind))
        {
            errors.Add(new TemplateError(file, line, $"Unbekannte Abschnittsart „{name}“. Erlaubt sind: {string.Join(", ", SectionKinds.Keys)}."));
            return null;
        }

        var section = sections.FirstOrDefault(s => s.Kind == kind);
        if (section is null)
        {
            errors.Add(new TemplateError(file, line, $"Den Abschnitt „{name}“ gibt es in der Vorlage nicht (mehr)."));
        }

        return section;
    }

    /// <summary>The fields each block kind reads besides "kind"; any other field would be silently ignored, so it is an error.</summary>
    private static readonly Dictionary<BlockKind, string[]> BlockFields = new()
    {
        [BlockKind.Text] = ["file"],
        [BlockKind.KeyFigures] = [],
        [BlockKind.KeyMessages] = [],
        [BlockKind.FieldTargets] = [],
        [BlockKind.Symbols] = [],
        [BlockKind.Distribution] = ["title", "questionnaire", "question", "label"],
        [BlockKind.Indicator] = ["title", "questionnaire", "question", "value", "label"],
        [BlockKind.Numeric] = ["title", "questionnaire", "question", "label"],
        [BlockKind.Bars] = ["title", "questionnaire", "question", "top", "label"],
        [BlockKind.Matrix] = ["title", "questionnaire", "question", "top", "label"],
        [BlockKind.HeatMap] = ["title", "questionnaire", "question", "label"],
        [BlockKind.Comparison] = ["title", "questionnaire", "question", "compare_with", "label"],
        [BlockKind.Regional] = ["title", "questionnaire", "question", "value", "label"],
        [BlockKind.Trend] = ["title", "questionnaire", "question", "value", "label"],
        [BlockKind.Table] = ["title", "questionnaire", "question", "label"],
    };

    private TemplateBlock? Block(RawBlock raw, string folder, string templateName, string file, JsonLineMap lines, string path, List<TemplateError> errors)
    {
        var count = errors.Count;
        if (raw.Kind is null || !BlockKinds.TryGetValue(raw.Kind, out var kind))
        {
            errors.Add(new TemplateError(file, lines.LineOf(path + ".kind"),
                $"Unbekannte Bausteinart „{raw.Kind}“. Erlaubt sind: {string.Join(", ", BlockKinds.Keys)}."));
            return null;
        }

        var allowed = BlockFields[kind];
        foreach (var field in raw.FieldsSet().Where(f => !allowed.Contains(f)))
        {
            errors.Add(new TemplateError(file, lines.LineOf($"{path}.{field}"), allowed.Length == 0
                ? $"Das Feld „{field}“ passt nicht zu einem Baustein „{raw.Kind}“; dieser Baustein hat außer „kind“ keine Felder."
                : $"Das Feld „{field}“ passt nicht zu einem Baustein „{raw.Kind}“; erlaubt sind: {string.Join(", ", allowed)}."));
        }

        if (errors.Count > count)
        {
            return null;
        }

        LiquidText? text = null;
        if (kind == BlockKind.Text)
        {
            text = Text(raw.File, folder, templateName, file, lines.LineOf(path + ".file"), errors);
        }

        var value = raw.Value ?? (kind is BlockKind.Indicator or BlockKind.Regional or BlockKind.Trend ? YesNoQuestion.Yes : null);
        string? questionnaire = null;
        if (allowed.Contains("question"))
        {
            var questionLine = lines.LineOf(path + ".question");
            var question = FindQuestion(raw.Questionnaire, raw.Question, file, questionLine, errors, out questionnaire);
            if (question is not null && question.Label is null && string.IsNullOrWhiteSpace(raw.Label))
            {
                errors.Add(new TemplateError(file, questionLine,
                    $"Die Frage „{question.Name}“ hat keine Beschriftung; bitte „label“ mit dem deutschen Namen angeben (z. B. „Wirtschaftszweig“)."));
            }

            if (question is not null)
            {
                // A default "ja" is checked like a written one: the question must have that answer.
                var valueLine = raw.Value is null ? questionLine : lines.LineOf(path + ".value");
                CheckQuestionFits(kind, raw, value, question, questionnaire!, file, questionLine, valueLine, errors);
            }

            if (kind == BlockKind.Comparison)
            {
                CheckComparedQuestion(raw.CompareWith, file, lines.LineOf(path + (raw.CompareWith is null ? "" : ".compare_with")), errors);
            }
        }

        if (raw.Top is <= 0)
        {
            errors.Add(new TemplateError(file, lines.LineOf(path + ".top"), "„top“ muss eine positive ganze Zahl sein."));
        }

        return errors.Count > count
            ? null
            : new TemplateBlock(kind, raw.Title, questionnaire, raw.Question, raw.CompareWith, value, raw.Top, text, raw.Label);
    }

    /// <summary>The employee side of a comparison: a choice question of the employee survey, asked over the same topics.</summary>
    private void CheckComparedQuestion(string? name, string file, int line, List<TemplateError> errors)
    {
        var employees = NetworkQuestionnaires.EmployeeKey;
        if (string.IsNullOrWhiteSpace(name))
        {
            errors.Add(new TemplateError(file, line, "Ein Vergleich braucht „compare_with“: die Frage der Beschäftigtenbefragung, die neben die Frage der Betriebe gestellt wird."));
            return;
        }

        var question = _questionnaires.FirstOrDefault(q => q.Key == employees)?.Questions().FirstOrDefault(q => q.Name == name);
        if (question is null)
        {
            errors.Add(new TemplateError(file, line, $"„compare_with“ nennt „{name}“; das ist keine Frage der Beschäftigtenbefragung („{employees}“)."));
        }
        else if (question is not ChoiceQuestion)
        {
            errors.Add(new TemplateError(file, line, $"„compare_with“ nennt „{name}“; diese Frage hat keine Antwortliste, ein Vergleich braucht eine Auswahlfrage."));
        }
    }

    private Question? FindQuestion(string? questionnaireKey, string? name, string file, int line, List<TemplateError> errors, out string? questionnaire)
    {
        questionnaire = null;
        if (string.IsNullOrWhiteSpace(name))
        {
            errors.Add(new TemplateError(file, line, "Der Baustein nennt keine Frage („question“)."));
            return null;
        }

        var candidates = _questionnaires.Where(q => questionnaireKey is null || q.Key == questionnaireKey).ToList();
        if (candidates.Count == 0)
        {
            errors.Add(new TemplateError(file, line, $"Unbekannter Fragebogen „{questionnaireKey}“. Bekannt sind: {string.Join(", ", _questionnaires.Select(q => q.Key))}."));
            return null;
        }

        var found = candidates
            .SelectMany(q => q.Questions().Where(question => question.Name == name).Select(question => (q.Key, Question: question)))
            .ToList();
        if (found.Count == 0)
        {
            errors.Add(new TemplateError(file, line, $"Unbekannte Frage „{name}“: Sie steht in keinem der Fragebögen {string.Join(", ", candidates.Select(q => q.Key))}."));
            return null;
        }

        if (found.Count > 1)
        {
            errors.Add(new TemplateError(file, line, $"Die Frage „{name}“ steht in mehreren Fragebögen; bitte „questionnaire“ angeben."));
            return null;
        }

        questionnaire = found[0].Key;
        return found[0].Question;
    }

    private void CheckQuestionFits(BlockKind kind, RawBlock raw, string? value, Question question, string questionnaire, string file, int line, int valueLine, List<TemplateError> errors)
    {
        if (kind == BlockKind.Numeric)
        {
            if (question is not NumberQuestion)
            {
                errors.Add(new TemplateError(file, line,
                    $"Die Frage „{question.Name}“ ist keine Zahlenfrage; ein Baustein „numeric“ zeigt Summe, Mittelwert und Median einer Zahlenfrage."));
            }

            return;
        }

        if (kind == BlockKind.Matrix || question is MatrixQuestion)
        {
            if (kind != BlockKind.Matrix)
            {
                errors.Add(new TemplateError(file, line,
                    $"Die Frage „{question.Name}“ ist eine Matrixfrage; sie wird mit einem Baustein „matrix“ gezeigt, nicht mit „{raw.Kind}“."));
            }
            else if (question is not MatrixQuestion)
            {
                errors.Add(new TemplateError(file, line,
                    $"Die Frage „{question.Name}“ ist keine Matrixfrage; ein Baustein „matrix“ zeigt je Zeile einer Matrixfrage die Antworten ihrer Skala."));
            }

            return;
        }

        var choiceListName = question switch
        {
            ChoiceQuestion choice => choice.ListName,
            _ => null,
        };
        if (choiceListName is null && !(kind == BlockKind.Distribution && question is CalculatedQuestion))
        {
            errors.Add(new TemplateError(file, line,
                $"Die Frage „{question.Name}“ hat keine Antwortliste; ein Baustein „{raw.Kind}“ braucht eine Auswahlfrage."));
            return;
        }

        if (kind == BlockKind.HeatMap && questionnaire != NetworkQuestionnaires.EmployeeKey)
        {
            errors.Add(new TemplateError(file, line, $"Eine Heatmap nach Beschäftigtengruppen braucht eine Frage der Beschäftigtenbefragung, nicht „{question.Name}“."));
        }

        if (kind == BlockKind.Comparison && questionnaire != NetworkQuestionnaires.EmployerKey)
        {
            errors.Add(new TemplateError(file, line,
                $"Ein Vergleich stellt eine Frage der Betriebsbefragung („{NetworkQuestionnaires.EmployerKey}“) neben eine der Beschäftigten; „{question.Name}“ ist keine Frage der Betriebe."));
        }

        if (value is not null && choiceListName is not null)
        {
            var list = _questionnaires.First(q => q.Key == questionnaire).FindChoiceList(choiceListName);
            if (list?.Find(value) is null)
            {
                errors.Add(new TemplateError(file, valueLine, list is null
                    ? $"Die Frage „{question.Name}“ hat keine Antwort „{value}“."
                    : $"Die Frage „{question.Name}“ hat keine Antwort „{value}“. Ihre Antworten sind: {string.Join(", ", list.Choices.Select(c => c.Code))}."));
            }
        }
    }

    private static LiquidText? Text(string? name, string folder, string templateName, string file, int line, List<TemplateError> errors)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Contains("..", StringComparison.Ordinal) || Path.IsPathRooted(name))
        {
            errors.Add(new TemplateError(file, line, "Ein Textbaustein braucht eine Datei („file“) im Ordner der Vorlage, z. B. „feldbericht.liquid“."));
            return null;
        }

        var path = Path.Combine(folder, name);
        if (!File.Exists(path))
        {
            errors.Add(new TemplateError(file, line, $"Die Textdatei „{name}“ gibt es im Ordner „{templateName}“ nicht."));
            return null;
        }

        var textFile = Path.Combine(templateName, name);
        var source = File.ReadAllText(path);
        var problems = LiquidCheck.Check(textFile, source, ReportTextVariables.All);
        errors.AddRange(problems);
        return problems.Count == 0 ? new LiquidText(textFile, source) : null;
    }

    private static T? Read<T>(string path, string file, List<TemplateError> errors, out JsonLineMap? lines)
        where T : class
    {
        lines = null;
        if (!File.Exists(path))
        {
            errors.Add(new TemplateError(file, 0, "Die Datei fehlt."));
            return null;
        }

        var bytes = File.ReadAllBytes(path);
        try
        {
            var value = JsonSerializer.Deserialize<T>(bytes, Options);
            if (value is null)
            {
                errors.Add(new TemplateError(file, 1, "Die Datei ist leer."));
                return null;
            }

            lines = JsonLineMap.Build(bytes);
            return value;
        }
        catch (JsonException e)
        {
            var line = (int)(e.LineNumber ?? 0) + 1;
            var unknown = UnmappedProperty().Match(e.Message);
            errors.Add(new TemplateError(file, line, unknown.Success
                ? $"Unbekanntes Feld „{unknown.Groups[1].Value}“ bei „{e.Path}“; es wäre nicht beachtet worden."
                : $"Kein gültiges JSON oder ein Wert des falschen Typs bei „{e.Path}“."));
            return null;
        }
    }

    // System.Text.Json: "The JSON property 'anzahl' could not be mapped to any .NET member contained in type …".
    [GeneratedRegex("property '([^']*)' could not be mapped")]
    private static partial Regex UnmappedProperty();

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,62}$")]
    private static partial Regex NetworkKey();

    private sealed class RawTemplate
    {
        public string? Version { get; set; }

        public string? Title { get; set; }

        public string? Committee { get; set; }

        public string? CommitteeGender { get; set; }

        public List<RawSection>? Sections { get; set; }

        public Dictionary<string, string>? Texts { get; set; }
    }

    private sealed class RawSection
    {
        public string? Kind { get; set; }

        public string? Title { get; set; }

        public List<RawBlock>? Blocks { get; set; }
    }

    private sealed class RawBlock
    {
        public string? Kind { get; set; }

        public string? Title { get; set; }

        public string? File { get; set; }

        public string? Questionnaire { get; set; }

        public string? Question { get; set; }

        public string? CompareWith { get; set; }

        public string? Value { get; set; }

        public int? Top { get; set; }

        public string? Label { get; set; }

        /// <summary>The fields written in the file besides "kind", by their JSON names.</summary>
        public IEnumerable<string> FieldsSet()
        {
            (string Name, bool IsSet)[] fields =
            [
                ("title", Title is not null), ("file", File is not null), ("questionnaire", Questionnaire is not null),
                ("question", Question is not null), ("compare_with", CompareWith is not null), ("value", Value is not null),
                ("top", Top is not null), ("label", Label is not null),
            ];
            return fields.Where(f => f.IsSet).Select(f => f.Name);
        }
    }

    private sealed class RawNetworkOverride
    {
        public string? Committee { get; set; }

        public string? CommitteeGender { get; set; }

        public string? Title { get; set; }

        public List<string>? Order { get; set; }

        public List<string>? Drop { get; set; }

        public List<RawAddition>? Add { get; set; }

        public Dictionary<string, string>? Titles { get; set; }

        public Dictionary<string, string>? Texts { get; set; }
    }

    private sealed class RawAddition
    {
        public string? Section { get; set; }

        public RawBlock? Block { get; set; }
    }
}
