using System.Text.RegularExpressions;
using Bedarfsanalyse.Core.Questionnaires.Checking;
using Bedarfsanalyse.Core.Questionnaires.Expressions;

namespace Bedarfsanalyse.Core.Questionnaires.Evaluation;

/// <summary>
/// Checks a definition and compiles it: one pass that finds every problem a published version must not have and,
/// when there is none, yields the <see cref="CompiledQuestionnaire"/> that validation and the interview screens run.
/// </summary>
internal sealed partial class QuestionnaireCompiler : ISymbolTable
{
    public const int MaxNameLength = 58; // answers.question is 64 characters and "_other" must still fit
    public const int MaxCodeLength = 64;

    private readonly QuestionnaireDefinition _definition;
    private readonly List<DefinitionProblem> _problems = [];
    private readonly List<CompiledNode> _nodes = [];
    private readonly Dictionary<string, CompiledNode> _byName = new(StringComparer.Ordinal);
    private readonly HashSet<string> _usedLists = new(StringComparer.Ordinal);
    private readonly HashSet<string> _languages = new(StringComparer.Ordinal);
    private int _slots;

    private QuestionnaireCompiler(QuestionnaireDefinition definition) => _definition = definition;

    public static (CompiledQuestionnaire? Compiled, IReadOnlyList<DefinitionProblem> Problems) Run(QuestionnaireDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var compiler = new QuestionnaireCompiler(definition);
        compiler.CheckHeader();
        compiler.CheckChoiceLists();
        compiler.BuildNodes();
        compiler.CompileExpressions();
        compiler.CheckUnusedLists();
        var order = compiler.OrderByDependencies();
        var problems = compiler._problems;
        if (order is null || problems.Any(p => p.Severity == ProblemSeverity.Error))
        {
            return (null, problems);
        }

        return (new CompiledQuestionnaire(definition, compiler._nodes, order, compiler._slots, problems), problems);
    }

    [GeneratedRegex("^[a-z][a-z0-9_-]*$")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_.-]*$")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$")]
    private static partial Regex LanguagePattern();

    private string Key => _definition.Key;

    private void Report(ProblemSeverity severity, string code, string reason, string? element = null, string? column = null,
        int? position = null, string? list = null, string? choice = null, bool isGroup = false) =>
        _problems.Add(new DefinitionProblem(severity, code, Key, element, list, choice, column, position, reason) { ElementIsGroup = isGroup });

    private void Error(string code, string reason, string? element = null, string? column = null, string? list = null,
        string? choice = null, bool isGroup = false) =>
        Report(ProblemSeverity.Error, code, reason, element, column, null, list, choice, isGroup);

    private void CheckHeader()
    {
        if (string.IsNullOrEmpty(Key) || Key.Length > 60 || !KeyPattern().IsMatch(Key))
        {
            Error("invalid_key", "Der Schlüssel muss mit einem Kleinbuchstaben beginnen, darf nur Kleinbuchstaben, Ziffern, „_“ und „-“ enthalten und höchstens 60 Zeichen lang sein.", column: "form_id");
        }

        if (string.IsNullOrWhiteSpace(_definition.Title))
        {
            Error("missing_title", "Der Fragebogen braucht einen Titel.", column: "form_title");
        }
        else if (_definition.Title.Length > QuestionnaireDefinition.MaxTitleLength)
        {
            Error("title_too_long", $"Der Titel ist zu lang (höchstens {QuestionnaireDefinition.MaxTitleLength} Zeichen).", column: "form_title");
        }

        if (_definition.RespondentGroups.IsEmpty)
        {
            Error("no_respondent_group", "Geben Sie an, für welche Befragtengruppe(n) der Fragebogen gilt (" + string.Join(", ", RespondentGroups.All) + ").", column: "respondent_groups");
        }

        var seenGroups = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in _definition.RespondentGroups)
        {
            if (!RespondentGroups.All.Contains(group))
            {
                Error("unknown_respondent_group", $"Die Befragtengruppe „{group}“ gibt es nicht; möglich sind {string.Join(", ", RespondentGroups.All)}.", column: "respondent_groups");
            }
            else if (!seenGroups.Add(group))
            {
                Error("duplicate_respondent_group", $"Die Befragtengruppe „{group}“ ist doppelt angegeben.", column: "respondent_groups");
            }
        }

        if (_definition.Languages.IsEmpty || _definition.Languages[0].Code != Language.DefaultCode)
        {
            Error("german_first", "Die erste Sprache eines Fragebogens ist Deutsch (de); weitere Sprachen sind Übersetzungen.", column: "default_language");
        }

        foreach (var language in _definition.Languages)
        {
            if (!LanguagePattern().IsMatch(language.Code) || string.IsNullOrWhiteSpace(language.Name))
            {
                Error("invalid_language", $"„{language.Name} ({language.Code})“ ist keine gültige Sprachangabe; schreiben Sie z. B. „English (en)“.", column: "label");
            }
            else if (!_languages.Add(language.Code))
            {
                Error("duplicate_language", $"Die Sprache „{language.Code}“ ist doppelt angegeben.", column: "label");
            }
        }
    }

    private void CheckChoiceLists()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var list in _definition.ChoiceLists)
        {
            if (!NamePattern().IsMatch(list.Name))
            {
                Error("invalid_list_name", "Der Name einer Auswahlliste muss mit einem Buchstaben oder „_“ beginnen und darf nur Buchstaben, Ziffern, „_“, „-“ und „.“ enthalten.", list: list.Name, column: "list_name");
            }
            else if (!seen.Add(list.Name))
            {
                Error("duplicate_list", "Die Auswahlliste ist doppelt definiert.", list: list.Name, column: "list_name");
                continue;
            }

            if (list.Choices.IsEmpty)
            {
                Error("empty_list", "Die Auswahlliste hat keine Einträge.", list: list.Name, column: "list_name");
            }

            var codes = new HashSet<string>(StringComparer.Ordinal);
            foreach (var choice in list.Choices)
            {
                if (string.IsNullOrEmpty(choice.Code) || choice.Code.Length > MaxCodeLength || choice.Code.Any(char.IsWhiteSpace))
                {
                    Error("invalid_code", $"Ein Code muss 1 bis {MaxCodeLength} Zeichen lang sein und darf keine Leerzeichen enthalten.", list: list.Name, choice: choice.Code, column: "name");
                }
                else if (!codes.Add(choice.Code))
                {
                    Error("duplicate_code", "Der Code kommt in der Liste doppelt vor.", list: list.Name, choice: choice.Code, column: "name");
                }

                CheckText(choice.Label, "label", required: true, list: list.Name, choice: choice.Code);
                foreach (var property in choice.Properties.Keys)
                {
                    if (!NamePattern().IsMatch(property) || property is "name" or "label" || ReservedChoiceColumns.Contains(property))
                    {
                        Error("invalid_property", $"„{property}“ kann keine Zusatzspalte einer Auswahlliste sein.", list: list.Name, choice: choice.Code, column: property);
                    }
                }
            }
        }
    }

    /// <summary>Choice columns the XLSForm mapping uses itself; a filter property cannot have these names.</summary>
    public static readonly HashSet<string> ReservedChoiceColumns = new(StringComparer.Ordinal) { "list_name", "non_substantive", "image", "audio", "video", "media" };

    /// <summary>Checks a text: German present when required, translations present, no language the questionnaire does not declare.</summary>
    private void CheckText(LocalizedText? text, string column, bool required, string? element = null, string? list = null,
        string? choice = null, bool isGroup = false)
    {
        if (text is null)
        {
            if (required)
            {
                Error("missing_label", "Es fehlt der deutsche Text.", element, column, list, choice, isGroup);
            }

            return;
        }

        if (text.Translation(Language.DefaultCode) is null)
        {
            Error("missing_label", "Es fehlt der deutsche Text (es gibt nur Übersetzungen).", element, column, list, choice, isGroup);
        }

        foreach (var language in text.Texts.Keys)
        {
            if (!_languages.Contains(language))
            {
                Error("undeclared_language", $"Der Text hat eine Übersetzung in „{language}“, einer Sprache, die der Fragebogen nicht angibt.", element, column, list, choice, isGroup);
            }
        }

        foreach (var language in _languages)
        {
            if (text.Translation(language) is null)
            {
                Report(ProblemSeverity.Warning, "missing_translation", $"Die Übersetzung in „{language}“ fehlt; angezeigt wird der deutsche Text.", element, column, null, list, choice, isGroup);
            }
        }
    }

    private void BuildNodes()
    {
        if (_definition.Pages.IsEmpty)
        {
            Error("no_pages", "Der Fragebogen hat keine Seiten (Gruppen auf oberster Ebene).");
            return;
        }

        for (var page = 0; page < _definition.Pages.Count; page++)
        {
            AddGroup(_definition.Pages[page], null, page);
        }

        if (!_nodes.Any(n => n.IsAnswerable))
        {
            Error("no_questions", "Der Fragebogen hat keine Frage, die beantwortet werden kann.");
        }
    }

    private CompiledNode AddNode(Element element, NodeKind kind, CompiledNode? parent, int page, CompiledNode? owner = null)
    {
        var node = new CompiledNode { Index = _nodes.Count, Kind = kind, Element = element, Parent = parent, PageIndex = page, Owner = owner };
        _nodes.Add(node);
        parent?.Children.Add(node);
        var isGroup = kind == NodeKind.Group;
        if (!NamePattern().IsMatch(element.Name) || element.Name.Length > MaxNameLength)
        {
            Error("invalid_name", $"„{element.Name}“ ist kein gültiger Name: er muss mit einem Buchstaben oder „_“ beginnen, darf nur Buchstaben, Ziffern, „_“, „-“ und „.“ enthalten und höchstens {MaxNameLength} Zeichen lang sein.", element.Name, "name", isGroup: isGroup);
        }
        else if (!_byName.TryAdd(element.Name, node))
        {
            var specifyOwner = kind == NodeKind.Specify ? owner : _byName[element.Name].Owner;
            var reason = specifyOwner is not null
                ? $"Der Name „{element.Name}“ ist für die Angabe zu „Sonstiges“ der Frage „{specifyOwner.Name}“ reserviert."
                : $"Der Name „{element.Name}“ kommt mehrfach vor; Namen müssen im ganzen Fragebogen eindeutig sein.";
            Error("duplicate_name", reason, element.Name, "name", isGroup: isGroup);
        }

        return node;
    }

    private void AddGroup(Group group, CompiledNode? parent, int page)
    {
        var node = AddNode(group, NodeKind.Group, parent, page);
        CheckText(group.Label, "label", required: false, group.Name, isGroup: true);
        CheckText(group.Hint, "hint", required: false, group.Name, isGroup: true);
        if (group.Elements.IsEmpty)
        {
            Error("empty_group", parent is null ? "Die Seite enthält keine Fragen." : "Die Gruppe enthält keine Fragen.", group.Name, isGroup: true);
        }

        foreach (var element in group.Elements)
        {
            switch (element)
            {
                case Group child:
                    AddGroup(child, node, page);
                    break;
                case Question question:
                    AddQuestion(question, node, page);
                    break;
            }
        }
    }

    private void AddQuestion(Question question, CompiledNode parent, int page)
    {
        var node = AddNode(question, NodeKind.Question, parent, page);
        var name = question.Name;
        CheckText(question.Label, "label", required: question is not CalculatedQuestion, name);
        CheckText(question.Hint, "hint", required: false, name);
        CheckText(question.ConstraintMessage, "constraint_message", required: false, name);
        if (question.ConstraintMessage is not null && question.Constraint is null)
        {
            Report(ProblemSeverity.Warning, "not_applicable", "Es gibt eine Meldung zur Prüfbedingung, aber keine Prüfbedingung.", name, "constraint_message");
        }

        if (question is NoteQuestion or CalculatedQuestion or MatrixQuestion && question.Constraint is not null)
        {
            Error("not_applicable", "Eine Prüfbedingung (constraint) gibt es nur für Fragen mit einem einzelnen Wert, nicht für Hinweise, Matrixfragen und berechnete Werte.", name, "constraint");
        }

        if (question is NoteQuestion or CalculatedQuestion && question.Required is not null)
        {
            Error("not_applicable", "Hinweise und berechnete Werte können nicht Pflicht sein.", name, "required");
        }

        if (question is not NoteQuestion)
        {
            node.Slot = _slots++;
        }

        switch (question)
        {
            case ChoiceQuestion choice:
                AddChoiceQuestion(node, choice);
                break;
            case MatrixQuestion matrix:
                node.List = FindList(matrix.RowListName, name, "matrix_rows");
                node.ScaleList = FindList(matrix.ScaleListName, name, "type");
                break;
            case NumberQuestion number:
                node.ValueType = StaticType.Number;
                CheckText(number.Unit, "unit", required: false, name);
                if (number.Min > number.Max)
                {
                    Error("min_above_max", "Der Mindestwert ist größer als der Höchstwert.", name, "min");
                }

                if (number is IntegerQuestion && (number.Min is { } min && min != decimal.Truncate(min) || number.Max is { } max && max != decimal.Truncate(max)))
                {
                    Error("fractional_bound", "Eine ganze Zahl braucht ganzzahlige Grenzen.", name, number.Min is { } m && m != decimal.Truncate(m) ? "min" : "max");
                }

                break;
            case ShortTextQuestion or LongTextQuestion:
                node.ValueType = StaticType.Text;
                break;
            case DateQuestion:
                node.ValueType = StaticType.Date;
                break;
        }
    }

    private void AddChoiceQuestion(CompiledNode node, ChoiceQuestion question)
    {
        var list = FindList(question.ListName, question.Name, "type");
        node.List = list;
        node.ValueType = new StaticType(question is MultipleChoiceQuestion or RankingQuestion ? DataKind.ChoiceSet : DataKind.Choice, list);
        node.Other = question switch
        {
            SingleChoiceQuestion s => s.Other,
            MultipleChoiceQuestion m => m.Other,
            _ => null,
        };
        if (list is null)
        {
            return;
        }

        var substantive = list.Choices.Where(c => !c.NonSubstantive).Select(c => c.Code).ToList();
        switch (question)
        {
            case YesNoQuestion when !(substantive.Count == 2 && substantive.Contains(YesNoQuestion.Yes) && substantive.Contains(YesNoQuestion.No)):
                Error("invalid_yes_no_list", $"Eine Ja/Nein-Frage braucht eine Liste mit den Codes „{YesNoQuestion.Yes}“ und „{YesNoQuestion.No}“; weitere Einträge müssen als nicht inhaltlich (z. B. „weiß nicht“) markiert sein.", question.Name, "type", list.Name);
                break;
            case LikertQuestion when substantive.Count < 2:
                Error("invalid_likert_list", "Eine Likert-Skala braucht mindestens zwei inhaltliche Stufen.", question.Name, "type", list.Name);
                break;
            case RankingQuestion when substantive.Count < 2 || substantive.Count != list.Choices.Count:
                Error("invalid_ranking_list", "Eine Rangfolge braucht mindestens zwei Einträge und keine nicht inhaltlichen wie „weiß nicht“.", question.Name, "type", list.Name);
                break;
        }

        if (node.Other is { } other)
        {
            CheckText(other.Label, "other_label", required: true, question.Name);
            if (list.Find(OtherOption.Code) is not null)
            {
                Error("other_code_clash", $"Die Liste enthält schon einen Code „{OtherOption.Code}“; „Sonstiges, bitte angeben“ (or_other) fügt ihn selbst hinzu.", question.Name, "type", list.Name);
            }

            var specify = new ShortTextQuestion
            {
                Name = OtherOption.SpecifyName(question.Name),
                Label = other.Label,
                Required = "true()",
            };
            var specifyNode = AddNode(specify, NodeKind.Specify, node.Parent, node.PageIndex, node);
            specifyNode.Slot = _slots++;
            specifyNode.ValueType = StaticType.Text;
        }
    }

    private ChoiceList? FindList(string name, string element, string column)
    {
        _usedLists.Add(name);
        var list = _definition.FindChoiceList(name);
        if (list is null)
        {
            Error("unknown_list", $"Die Auswahlliste „{name}“ gibt es nicht.", element, column);
        }

        return list;
    }

    private void CheckUnusedLists()
    {
        foreach (var list in _definition.ChoiceLists.Where(l => !_usedLists.Contains(l.Name)))
        {
            Report(ProblemSeverity.Warning, "unused_list", "Die Auswahlliste wird von keiner Frage verwendet.", list: list.Name, column: "list_name");
        }
    }

    private void CompileExpressions()
    {
        foreach (var node in _nodes)
        {
            var isGroup = node.Kind == NodeKind.Group;
            if (node.Kind != NodeKind.Specify)
            {
                node.Relevant = CompileCondition(node, node.Element.Relevant, "relevant", new ExpressionContext(this), isGroup);
            }

            if (node.Question is not { } question || node.Kind == NodeKind.Specify)
            {
                continue;
            }

            node.Required = CompileCondition(node, question.Required, "required", new ExpressionContext(this), false);
            if (question.Constraint is not null && node.HasValue && question is not (CalculatedQuestion or MatrixQuestion))
            {
                node.Constraint = CompileCondition(node, question.Constraint, "constraint", new ExpressionContext(this, node.ValueType), false);
            }

            var filter = question switch
            {
                ChoiceQuestion c => c.ChoiceFilter,
                MatrixQuestion m => m.ChoiceFilter,
                _ => null,
            };
            if (filter is not null && node.List is { } list)
            {
                node.ChoiceFilter = CompileCondition(node, filter, "choice_filter", new ExpressionContext(this, FilteredList: list), false);
            }

            if (question is CalculatedQuestion)
            {
                EnsureCalculation(node);
            }
        }
    }

    private CompiledExpression? CompileCondition(CompiledNode node, string? text, string column, ExpressionContext context, bool isGroup)
    {
        var compiled = CompileExpression(node, text, column, context, isGroup);
        if (compiled is not null && compiled.Type.Kind is not (DataKind.Boolean or DataKind.Unknown))
        {
            Report(ProblemSeverity.Error, "wrong_result_type", $"Die Bedingung muss wahr oder falsch ergeben, ergibt aber {compiled.Type.Describe()} (z. B. ${{frage}} = 'code' statt ${{frage}}).", node.Name, column, 1, isGroup: isGroup);
        }

        return compiled;
    }

    private CompiledExpression? CompileExpression(CompiledNode node, string? text, string column, ExpressionContext context, bool isGroup)
    {
        if (text is null)
        {
            return null;
        }

        SyntaxNode root;
        try
        {
            root = ExpressionParser.Parse(text);
        }
        catch (ExpressionSyntaxException e)
        {
            Report(ProblemSeverity.Error, "syntax_error", e.Reason, node.Name, column, e.Position, isGroup: isGroup);
            return null;
        }

        var problems = new List<ExpressionProblem>();
        var compiled = ExpressionCompiler.Compile(root, context, problems);
        foreach (var problem in problems)
        {
            Report(ProblemSeverity.Error, problem.Code, problem.Message, node.Name, column, problem.Position, isGroup: isGroup);
        }

        return problems.Count == 0 ? compiled : compiled with { Type = StaticType.Unknown };
    }

    private void EnsureCalculation(CompiledNode node)
    {
        if (node.CalculationState != 0)
        {
            return;
        }

        node.CalculationState = 1;
        var calculation = ((CalculatedQuestion)node.Question!).Calculation;
        var compiled = CompileExpression(node, calculation, "calculation", new ExpressionContext(this), false);
        node.Calculation = compiled;
        if (compiled is not null)
        {
            if (compiled.Type.Kind is DataKind.Empty or DataKind.ChoiceSet)
            {
                Report(ProblemSeverity.Error, "wrong_result_type", $"Eine Berechnung muss eine Zahl, einen Text, ein Datum oder einen Wahrheitswert ergeben, nicht {compiled.Type.Describe()}.", node.Name, "calculation", 1);
            }
            else
            {
                node.ValueType = compiled.Type;
            }
        }

        node.CalculationState = 2;
    }

    public Symbol? Resolve(string name, out string? problem)
    {
        problem = null;
        if (!_byName.TryGetValue(name, out var node))
        {
            return null;
        }

        if (node.Kind == NodeKind.Group)
        {
            problem = $"„{name}“ ist eine Gruppe und hat keinen Wert.";
            return null;
        }

        switch (node.Type)
        {
            case QuestionType.Note:
                problem = $"„{name}“ ist ein Hinweis und hat keinen Wert.";
                return null;
            case QuestionType.Matrix:
                problem = $"„{name}“ ist eine Matrixfrage; ihre Antworten können in Ausdrücken nicht verwendet werden.";
                return null;
            case QuestionType.Calculated:
                // A calculation still being inferred belongs to a cycle, which the dependency check reports.
                EnsureCalculation(node);
                return new Symbol(node.Slot, node.CalculationState == 2 ? node.ValueType : StaticType.Unknown);
            default:
                return new Symbol(node.Slot, node.ValueType);
        }
    }

    /// <summary>
    /// Orders the nodes so that everything a relevance or calculation reads comes before it (document order where
    /// free); reports cycles and returns null when there is one.
    /// </summary>
    private int[]? OrderByDependencies()
    {
        var dependencies = _nodes.Select(DependenciesOf).ToList();
        var cycles = StronglyConnected(dependencies).Where(c => c.Count > 1 || dependencies[c[0]].Contains(c[0])).ToList();
        foreach (var cycle in cycles)
        {
            var names = cycle.Order().Select(i => $"„{_nodes[i].Name}“").ToList();
            var first = _nodes[cycle.Min()];
            var reason = names.Count == 1
                ? "Die Bedingung (relevant) oder Berechnung hängt von ihrem eigenen Wert ab."
                : $"Zirkelbezug: {string.Join(", ", names)} hängen über relevant oder calculation voneinander ab.";
            Error("cycle", reason, first.Name, first.Type == QuestionType.Calculated ? "calculation" : "relevant", isGroup: first.Kind == NodeKind.Group);
        }

        if (cycles.Count > 0)
        {
            return null;
        }

        var remaining = dependencies.Select(d => d.Count).ToArray();
        var dependents = _nodes.Select(_ => new List<int>()).ToList();
        for (var i = 0; i < dependencies.Count; i++)
        {
            foreach (var dependency in dependencies[i])
            {
                dependents[dependency].Add(i);
            }
        }

        var ready = new PriorityQueue<int, int>();
        for (var i = 0; i < remaining.Length; i++)
        {
            if (remaining[i] == 0)
            {
                ready.Enqueue(i, i);
            }
        }

        var order = new List<int>(_nodes.Count);
        while (ready.TryDequeue(out var next, out _))
        {
            order.Add(next);
            foreach (var dependent in dependents[next])
            {
                if (--remaining[dependent] == 0)
                {
                    ready.Enqueue(dependent, dependent);
                }
            }
        }

        return [.. order];
    }

    private HashSet<int> DependenciesOf(CompiledNode node)
    {
        var result = new HashSet<int>();
        if (node.Parent is { } parent)
        {
            result.Add(parent.Index);
        }

        if (node.Owner is { } owner)
        {
            result.Add(owner.Index);
        }

        foreach (var expression in new[] { node.Relevant, node.Calculation })
        {
            foreach (var name in expression?.References ?? [])
            {
                if (_byName.TryGetValue(name, out var referenced))
                {
                    result.Add(referenced.Index);
                }
            }
        }

        return result;
    }

    /// <summary>Tarjan's strongly connected components, without recursion so that long chains cannot exhaust the stack.</summary>
    private static List<List<int>> StronglyConnected(List<HashSet<int>> edges)
    {
        var count = edges.Count;
        var index = new int[count];
        var low = new int[count];
        var onStack = new bool[count];
        Array.Fill(index, -1);
        var stack = new Stack<int>();
        var components = new List<List<int>>();
        var next = 0;
        var adjacency = edges.Select(e => e.ToArray()).ToArray();
        for (var start = 0; start < count; start++)
        {
            if (index[start] >= 0)
            {
                continue;
            }

            var work = new Stack<(int Node, int Edge)>();
            work.Push((start, 0));
            index[start] = low[start] = next++;
            stack.Push(start);
            onStack[start] = true;
            while (work.Count > 0)
            {
                var (node, edge) = work.Pop();
                if (edge < adjacency[node].Length)
                {
                    work.Push((node, edge + 1));
                    var target = adjacency[node][edge];
                    if (index[target] < 0)
                    {
                        index[target] = low[target] = next++;
                        stack.Push(target);
                        onStack[target] = true;
                        work.Push((target, 0));
                    }
                    else if (onStack[target])
                    {
                        low[node] = Math.Min(low[node], index[target]);
                    }

                    continue;
                }

                if (low[node] == index[node])
                {
                    var component = new List<int>();
                    int member;
                    do
                    {
                        member = stack.Pop();
                        onStack[member] = false;
                        component.Add(member);
                    }
                    while (member != node);
                    components.Add(component);
                }

                if (work.Count > 0)
                {
                    var parent = work.Peek().Node;
                    low[parent] = Math.Min(low[parent], low[node]);
                }
            }
        }

        return components;
    }
}
