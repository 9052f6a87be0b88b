namespace Bedarfsanalyse.Reports.Templates;

/// <summary>
/// The quarterly report as data (Berichtsvorlage): sections in order, the blocks of each section and the committee's
/// name, after a network's override has been applied. Built only by <see cref="ReportTemplateLoader"/>, so it is valid.
/// </summary>
public sealed record ReportTemplate(string Version, string Title, string Committee, IReadOnlyList<TemplateSection> Sections)
{
    /// <summary>The grammatical gender of the committee's name ("Steuerkreis" m, "Lenkungsgruppe" f), from the template data.</summary>
    public CommitteeGender CommitteeGender { get; init; } = CommitteeGender.Masculine;

    /// <summary>The wording outside the sections' running texts, after the network's replacements.</summary>
    public required ReportTexts Texts { get; init; }

    /// <summary>"den Steuerkreis MehrWert", "die Lenkungsgruppe …": for "Bericht für …".</summary>
    public string CommitteeAccusative => CommitteeGender switch
    {
        CommitteeGender.Feminine => "die ",
        CommitteeGender.Neuter => "das ",
        _ => "den ",
    } + Committee;

    /// <summary>"dem Steuerkreis MehrWert", "der Lenkungsgruppe …".</summary>
    public string CommitteeDative => (CommitteeGender == CommitteeGender.Feminine ? "der " : "dem ") + Committee;
}

/// <summary>Gender of the committee's head noun; the article of every case follows from it.</summary>
public enum CommitteeGender
{
    Masculine,
    Feminine,
    Neuter,
}

public sealed record TemplateSection(SectionKind Kind, string Title, IReadOnlyList<TemplateBlock> Blocks);

/// <summary>
/// One block of a section. <paramref name="Question"/> names a question of the network questionnaires
/// (<paramref name="Questionnaire"/> says which); <paramref name="Value"/> is the answer code an indicator counts
/// ("ja"); <paramref name="Text"/> is the parsed Liquid text of a text block; <paramref name="Label"/> is the German
/// name of the question in column headers, needed where the question has none (calculated a_wirtschaftsgruppe).
/// </summary>
public sealed record TemplateBlock(
    BlockKind Kind,
    string? Title = null,
    string? Questionnaire = null,
    string? Question = null,
    string? CompareWith = null,
    string? Value = null,
    int? Top = null,
    LiquidText? Text = null,
    string? Label = null);

public enum SectionKind
{
    Summary,
    FieldReport,
    EmployerResults,
    EmployeeGroups,
    RegionalComparison,
    Trend,
    Methods,
    Appendix,
}

public enum BlockKind
{
    /// <summary>Running text from a .liquid file.</summary>
    Text,

    /// <summary>Key-figure tiles.</summary>
    KeyFigures,

    /// <summary>The 3–5 key messages.</summary>
    KeyMessages,

    /// <summary>Interviews against targets (Soll/Ist).</summary>
    FieldTargets,

    /// <summary>How the interviews spread over the answers of a question (sector, size class).</summary>
    Distribution,

    /// <summary>One share (a yes answer) with its interval.</summary>
    Indicator,

    /// <summary>Sum, mean and median of a number question (vacancies, apprenticeship contracts), with n.</summary>
    Numeric,

    /// <summary>Horizontal bars with interval whiskers, one per answer, optionally only the top N.</summary>
    Bars,

    /// <summary>A matrix question (urgency per topic) as stacked bars, one bar per row.</summary>
    Matrix,

    /// <summary>Topic × employee group.</summary>
    HeatMap,

    /// <summary>The same topic list asked of employers and of employees.</summary>
    Comparison,

    /// <summary>The district beside the network and the other districts.</summary>
    Regional,

    /// <summary>Quarterly and rolling values of one share.</summary>
    Trend,

    /// <summary>The table of symbols.</summary>
    Symbols,

    /// <summary>A full table of a question's answers (appendix).</summary>
    Table,
}
