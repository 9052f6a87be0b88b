namespace Bedarfsanalyse.Reports.Templates;

/// <summary>
/// The report's wording outside the sections' running texts (Berichtstexte): cover lines, the short report, captions,
/// notes, key-message sentences. Each is a Liquid text under "texts" in template.json; a network's file may replace
/// any of them. The composer only chooses which text to render and fills in its values.
/// </summary>
public sealed class ReportTexts
{
    public const string PdfTitle = "pdf_title";
    public const string Subject = "subject";
    public const string Keywords = "keywords";
    public const string HeaderLeft = "header_left";
    public const string HeaderRight = "header_right";
    public const string FooterLeft = "footer_left";
    public const string CoverTitle = "cover_title";
    public const string CoverNetwork = "cover_network";
    public const string CoverFor = "cover_for";
    public const string CoverNote = "cover_note";
    public const string PageNumber = "page_number";
    public const string NoDataHeading = "no_data_heading";
    public const string NoData = "no_data";
    public const string TooFewHeading = "too_few_heading";
    public const string TooFew = "too_few";
    public const string DataAsOf = "data_as_of";
    public const string NoEmployees = "no_employees";
    public const string FigureCaption = "figure_caption";
    public const string TableCaption = "table_caption";
    public const string Continued = "continued";
    public const string PercentAxis = "percent_axis";
    public const string SymbolNote = "symbol_note";
    public const string SymbolsCaption = "symbols_caption";
    public const string SymbolSecret = "symbol_secret";
    public const string SymbolNotReliable = "symbol_not_reliable";
    public const string SymbolLimited = "symbol_limited";
    public const string SymbolNothing = "symbol_nothing";
    public const string SymbolProvisional = "symbol_provisional";
    public const string SymbolRevised = "symbol_revised";
    public const string KeyFigureEmployers = "key_figure_employers";
    public const string KeyFigureEmployees = "key_figure_employees";
    public const string KeyFigureTarget = "key_figure_target";
    public const string KeyFigureTopNeed = "key_figure_top_need";
    public const string KeyFigureBase = "key_figure_base";
    public const string MessageNetworkSecured = "message_network_secured";
    public const string MessageNetworkNotSecured = "message_network_not_secured";
    public const string MessageTopNeed = "message_top_need";
    public const string MessageLargestChange = "message_largest_change";
    public const string MessageNoSecuredChange = "message_no_secured_change";
    public const string MessageNone = "message_none";
    public const string MessageFieldWork = "message_field_work";
    public const string MessageFieldWorkWithoutTarget = "message_field_work_without_target";
    public const string FieldTargetsNone = "field_targets_none";
    public const string FieldTargetsCaption = "field_targets_caption";
    public const string FieldTargetsNote = "field_targets_note";
    public const string FieldTargetsTotal = "field_targets_total";
    public const string FieldTargetsTotalPlanned = "field_targets_total_planned";
    public const string IndicatorsCaption = "indicators_caption";
    public const string IndicatorQuestion = "indicator_question";
    public const string NumbersCaption = "numbers_caption";
    public const string NumberQuestion = "number_question";
    public const string NumbersNoteEmployers = "numbers_note_employers";
    public const string NumbersNoteEmployees = "numbers_note_employees";
    public const string NoAnswers = "no_answers";
    public const string MatrixNote = "matrix_note";
    public const string BarsNote = "bars_note";
    public const string HeatMapColumn = "heat_map_column";
    public const string HeatMapNote = "heat_map_note";
    public const string ComparisonCaption = "comparison_caption";
    public const string ComparisonNote = "comparison_note";
    public const string RegionalNetwork = "regional_network";
    public const string RegionalOwnDistrict = "regional_own_district";
    public const string RegionalNote = "regional_note";
    public const string TrendNone = "trend_none";
    public const string TrendQuarterly = "trend_quarterly";
    public const string TrendRolling = "trend_rolling";
    public const string TrendNote = "trend_note";
    public const string FieldTargetTile = "field_target_tile";
    public const string FieldTargetTileWithoutTarget = "field_target_tile_without_target";
    public const string ChangeToPreviousYear = "change_to_previous_year";
    public const string ChangeToPreviousQuarter = "change_to_previous_quarter";
    public const string TableNote = "table_note";
    public const string ColumnGroup = "column_group";
    public const string ColumnTarget = "column_target";
    public const string ColumnDone = "column_done";
    public const string ColumnReached = "column_reached";
    public const string ColumnInterviews = "column_interviews";
    public const string ColumnFigure = "column_figure";
    public const string ColumnShare = "column_share";
    public const string ColumnInterval = "column_interval";
    public const string ColumnN = "column_n";
    public const string ColumnSum = "column_sum";
    public const string ColumnMean = "column_mean";
    public const string ColumnMedian = "column_median";
    public const string ColumnTopic = "column_topic";
    public const string ColumnEmployers = "column_employers";
    public const string ColumnEmployees = "column_employees";
    public const string ColumnArea = "column_area";
    public const string ColumnQuarter = "column_quarter";
    public const string ColumnRolling = "column_rolling";
    public const string ColumnRollingN = "column_rolling_n";
    public const string ColumnSymbol = "column_symbol";
    public const string ColumnMeaning = "column_meaning";
    public const string ColumnAnswer = "column_answer";

    /// <summary>Every text the report needs, with the placeholders it may use besides <see cref="ReportTextVariables.All"/>.</summary>
    internal static IReadOnlyDictionary<string, string[]> Placeholders { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [PdfTitle] = [],
        [Subject] = [],
        [Keywords] = [],
        [HeaderLeft] = [],
        [HeaderRight] = [],
        [FooterLeft] = [],
        [CoverTitle] = [],
        [CoverNetwork] = [],
        [CoverFor] = [],
        [CoverNote] = [],
        [PageNumber] = ["seite", "seiten"],
        [NoDataHeading] = [],
        [NoData] = [],
        [TooFewHeading] = [],
        [TooFew] = ["interviews", "mindestzahl"],
        [DataAsOf] = [],
        [NoEmployees] = [],
        [FigureCaption] = ["nummer", "titel"],
        [TableCaption] = ["nummer", "titel"],
        [Continued] = [],
        [PercentAxis] = [],
        [SymbolNote] = ["vorlaeufig", "berichtigt"],
        [SymbolsCaption] = [],
        [SymbolSecret] = [],
        [SymbolNotReliable] = [],
        [SymbolLimited] = [],
        [SymbolNothing] = [],
        [SymbolProvisional] = [],
        [SymbolRevised] = [],
        [KeyFigureEmployers] = [],
        [KeyFigureEmployees] = [],
        [KeyFigureTarget] = ["soll", "ohne"],
        [KeyFigureTopNeed] = ["thema"],
        [KeyFigureBase] = ["n", "ki"],
        [MessageNetworkSecured] = ["titel", "anteil", "anteil_verbund", "differenz", "hoeher"],
        [MessageNetworkNotSecured] = ["titel", "anteil", "anteil_verbund"],
        [MessageTopNeed] = ["betriebe", "thema", "anteil", "n", "weitere"],
        [MessageLargestChange] = ["vorjahresquartal", "titel", "veraenderung", "vorher", "jetzt"],
        [MessageNoSecuredChange] = ["vorjahresquartal"],
        [MessageNone] = [],
        [MessageFieldWork] = ["ist", "soll", "erreicht", "ohne_soll", "gruppen_ohne_soll"],
        [MessageFieldWorkWithoutTarget] = ["interviews"],
        [FieldTargetsNone] = [],
        [FieldTargetsCaption] = [],
        [FieldTargetsNote] = [],
        [FieldTargetsTotal] = [],
        [FieldTargetsTotalPlanned] = [],
        [IndicatorsCaption] = [],
        [IndicatorQuestion] = ["titel", "frage", "antwort"],
        [NumbersCaption] = [],
        [NumberQuestion] = ["titel", "frage"],
        [NumbersNoteEmployers] = ["fragen", "zeichen"],
        [NumbersNoteEmployees] = ["fragen", "zeichen"],
        [NoAnswers] = ["titel"],
        [MatrixNote] = ["zeichen", "vorlaeufig", "berichtigt"],
        [BarsNote] = ["mehrfach", "zeichen"],
        [HeatMapColumn] = ["gruppe", "n"],
        [HeatMapNote] = ["zeichen"],
        [ComparisonCaption] = [],
        [ComparisonNote] = ["zeichen"],
        [RegionalNetwork] = [],
        [RegionalOwnDistrict] = ["name"],
        [RegionalNote] = ["zeichen"],
        [TrendNone] = ["titel"],
        [TrendQuarterly] = [],
        [TrendRolling] = [],
        [TrendNote] = ["vorlaeufig", "berichtigt"],
        [FieldTargetTile] = ["soll", "erreicht"],
        [FieldTargetTileWithoutTarget] = [],
        [ChangeToPreviousYear] = ["veraenderung", "ki"],
        [ChangeToPreviousQuarter] = ["veraenderung", "ki"],
        [TableNote] = ["frage", "mehrfach", "zeichen"],
        [ColumnGroup] = [],
        [ColumnTarget] = [],
        [ColumnDone] = [],
        [ColumnReached] = [],
        [ColumnInterviews] = [],
        [ColumnFigure] = [],
        [ColumnShare] = [],
        [ColumnInterval] = [],
        [ColumnN] = [],
        [ColumnSum] = [],
        [ColumnMean] = [],
        [ColumnMedian] = [],
        [ColumnTopic] = [],
        [ColumnEmployers] = [],
        [ColumnEmployees] = [],
        [ColumnArea] = [],
        [ColumnQuarter] = [],
        [ColumnRolling] = [],
        [ColumnRollingN] = [],
        [ColumnSymbol] = [],
        [ColumnMeaning] = [],
        [ColumnAnswer] = [],
    };

    private readonly IReadOnlyDictionary<string, LiquidText> _texts;

    internal ReportTexts(IReadOnlyDictionary<string, LiquidText> texts)
    {
        _texts = texts;
    }

    /// <summary>These texts with some of them replaced (a network's own wording).</summary>
    internal ReportTexts With(IReadOnlyDictionary<string, LiquidText> replacements) =>
        new(_texts.Concat(replacements).GroupBy(t => t.Key).ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal));

    /// <summary>The text with its values filled in.</summary>
    public string Render(string name, IReadOnlyDictionary<string, object?> values) =>
        _texts.TryGetValue(name, out var text)
            ? text.Render(values)
            : throw new ArgumentException($"The template has no text \"{name}\"; add it to ReportTexts.Placeholders.", nameof(name));
}
