using Bedarfsanalyse.Core.Questionnaires.Answers;

namespace Bedarfsanalyse.Core.Questionnaires.Evaluation;

/// <summary>
/// What the interview screens show for the current answers, decided by the same engine that validates: which pages,
/// groups and questions are relevant, the options each choice filter leaves, and the progress.
/// </summary>
public sealed class InterviewState
{
    private readonly Dictionary<string, ElementState> _elements;

    private InterviewState(IReadOnlyList<PageState> pages, IReadOnlyDictionary<string, AnswerValue> answers)
    {
        Pages = pages;
        Answers = answers;
        _elements = new Dictionary<string, ElementState>(StringComparer.Ordinal);
        foreach (var page in pages)
        {
            Index(page.Elements);
        }

        RelevantPages = [.. pages.Where(p => p.IsRelevant)];
        var relevant = RelevantPages;
        Progress = new InterviewProgress(
            relevant.Count,
            relevant.Count(p => p.IsComplete),
            relevant.Sum(p => p.QuestionCount),
            relevant.Sum(p => p.AnsweredCount),
            relevant.Sum(p => p.MissingRequiredCount));
    }

    /// <summary>Every page in order, relevant or not.</summary>
    public IReadOnlyList<PageState> Pages { get; }

    /// <summary>The pages an interviewer steps through.</summary>
    public IReadOnlyList<PageState> RelevantPages { get; }

    /// <summary>The relevant answers, normalised, including calculated values (e.g. the derived size class).</summary>
    public IReadOnlyDictionary<string, AnswerValue> Answers { get; }

    public InterviewProgress Progress { get; }

    public PageState Page(string name) =>
        Pages.FirstOrDefault(p => p.Name == name) ?? throw new ArgumentException($"Eine Seite „{name}“ gibt es in diesem Fragebogen nicht.", nameof(name));

    /// <summary>A question, group or "Sonstiges" field by name; null if the questionnaire has none of that name.</summary>
    public ElementState? Find(string name) => _elements.GetValueOrDefault(name);

    /// <summary>Whether a page, group, question or "Sonstiges" field is shown; false for names the questionnaire does not have.</summary>
    public bool IsRelevant(string name) => Find(name)?.IsRelevant ?? Pages.FirstOrDefault(p => p.Name == name)?.IsRelevant ?? false;

    /// <summary>The options a choice filter leaves (for a matrix: the rows), in list order.</summary>
    public IReadOnlyList<Choice> ChoicesFor(string question) => Find(question)?.Choices ?? [];

    /// <summary>The next relevant page after <paramref name="page"/>, or null at the end.</summary>
    public PageState? NextPage(string page) => Step(page, +1);

    public PageState? PreviousPage(string page) => Step(page, -1);

    private PageState? Step(string page, int direction)
    {
        var index = Pages.ToList().FindIndex(p => p.Name == page);
        if (index < 0)
        {
            throw new ArgumentException($"Eine Seite „{page}“ gibt es in diesem Fragebogen nicht.", nameof(page));
        }

        for (var i = index + direction; i >= 0 && i < Pages.Count; i += direction)
        {
            if (Pages[i].IsRelevant)
            {
                return Pages[i];
            }
        }

        return null;
    }

    private void Index(IEnumerable<ElementState> elements)
    {
        foreach (var element in elements)
        {
            _elements[element.Name] = element;
            Index(element.Elements);
        }
    }

    internal static InterviewState From(CompiledQuestionnaire questionnaire, InterviewRun run)
    {
        var pageNumber = 0;
        var relevantPages = questionnaire.Pages.Count(p => run.Relevant[p.Index]);
        var pages = new List<PageState>();
        foreach (var page in questionnaire.Pages)
        {
            var relevant = run.Relevant[page.Index];
            var elements = page.Children.Select(c => ElementOf(run, c)).ToList();
            var questions = Flatten(elements).Where(e => e.IsRelevant && e.IsAnswerable).ToList();
            pages.Add(new PageState(
                page.Name,
                page.Element.Label,
                relevant,
                relevant ? ++pageNumber : null,
                relevantPages,
                elements,
                relevant ? questions.Count : 0,
                relevant ? questions.Count(q => q.IsAnswered) : 0,
                relevant ? questions.Count(q => q.IsRequired && !q.IsComplete) : 0));
        }

        return new InterviewState(pages, run.NormalisedAnswers());
    }

    private static IEnumerable<ElementState> Flatten(IEnumerable<ElementState> elements) =>
        elements.SelectMany(e => e.Elements.Count == 0 ? [e] : Flatten(e.Elements).Prepend(e));

    private static ElementState ElementOf(InterviewRun run, CompiledNode node)
    {
        var relevant = run.Relevant[node.Index];
        var answer = run.AnswerOf(node);
        var choices = relevant && node.List is not null ? run.AvailableChoices(node) : [];
        var complete = answer switch
        {
            null => false,
            MatrixAnswer matrix => choices.All(c => matrix.Rows.ContainsKey(c.Code)),
            _ => true,
        };
        return new ElementState(
            node.Element,
            relevant,
            relevant && node.IsAnswerable && run.IsRequired(node),
            node.IsAnswerable,
            answer is not null,
            complete,
            choices,
            node.ScaleList?.Choices ?? [],
            [.. node.Children.Select(c => ElementOf(run, c))]);
    }
}

/// <summary>A page (top-level group) for the current answers.</summary>
/// <param name="Number">1-based among the relevant pages ("Seite 3 von 7"); null when the page is skipped.</param>
/// <param name="QuestionCount">Relevant questions a respondent answers (not notes or calculations).</param>
public sealed record PageState(
    string Name,
    LocalizedText? Label,
    bool IsRelevant,
    int? Number,
    int RelevantPageCount,
    IReadOnlyList<ElementState> Elements,
    int QuestionCount,
    int AnsweredCount,
    int MissingRequiredCount)
{
    /// <summary>Nothing required is missing.</summary>
    public bool IsComplete => IsRelevant && MissingRequiredCount == 0;
}

/// <summary>A group, question or "Sonstiges" field for the current answers.</summary>
/// <param name="Element">Its definition (for a "Sonstiges" field, a short text question named <c>{question}_other</c>).</param>
/// <param name="IsRequired">Relevant and required as things stand.</param>
/// <param name="IsAnswerable">A respondent answers it (not a group, note or calculation).</param>
/// <param name="IsComplete">Answered; for a matrix, every row it asks.</param>
/// <param name="Choices">Options the choice filter leaves (for a matrix: its rows); empty for other elements and when not relevant.</param>
/// <param name="Scale">A matrix's scale; empty otherwise.</param>
/// <param name="Elements">A group's elements.</param>
public sealed record ElementState(
    Element Element,
    bool IsRelevant,
    bool IsRequired,
    bool IsAnswerable,
    bool IsAnswered,
    bool IsComplete,
    IReadOnlyList<Choice> Choices,
    IReadOnlyList<Choice> Scale,
    IReadOnlyList<ElementState> Elements)
{
    public string Name => Element.Name;
}

/// <summary>How far an interview has got, over its relevant pages.</summary>
public sealed record InterviewProgress(int RelevantPages, int CompletedPages, int RelevantQuestions, int AnsweredQuestions, int MissingRequired)
{
    /// <summary>Answered share of the relevant questions, 0–100.</summary>
    public int Percent => RelevantQuestions == 0 ? 100 : (int)Math.Round(100.0 * AnsweredQuestions / RelevantQuestions);
}
