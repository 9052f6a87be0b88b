using Bedarfsanalyse.Core.Formatting;
using Bedarfsanalyse.Core.Questionnaires;
using Bedarfsanalyse.Core.Questionnaires.Network;
using Bedarfsanalyse.Reports.Pdf;
using Bedarfsanalyse.Reports.Pdf.Charts;
using Bedarfsanalyse.Reports.Templates;

namespace Bedarfsanalyse.Reports.Quarterly;

/// <summary>
/// Turns the analysis engine's figures for one district and quarter into the document of the quarterly
/// steering-committee report, section by section as the template says. It formats and arranges; it computes no
/// statistic: every share, interval, n and symbol is the model's.
/// </summary>
public sealed class QuarterlyReportComposer
{
    /// <summary>The symbols of official statistics with the template text that explains each, on every report that could show them.</summary>
    public static readonly IReadOnlyList<(string Symbol, string Meaning)> Symbols =
    [
        (".", ReportTexts.SymbolSecret),
        ("/", ReportTexts.SymbolNotReliable),
        ("( )", ReportTexts.SymbolLimited),
        ("–", ReportTexts.SymbolNothing),
        ("p", ReportTexts.SymbolProvisional),
        ("r", ReportTexts.SymbolRevised),
    ];

    /// <summary>The secrecy threshold of the symbol "."; below it the report is only a short notice.</summary>
    private const int MinimumInterviews = 3;

    private readonly IReadOnlyList<QuestionnaireDefinition> _questionnaires;

    public QuarterlyReportComposer(IReadOnlyList<QuestionnaireDefinition>? questionnaires = null)
    {
        _questionnaires = questionnaires ?? NetworkQuestionnaires.All;
    }

    public ReportDocument Compose(IDistrictReportData data, ReportTemplate template)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(template);
        var state = new CompositionState(data, template, Values(data, template)) { Questionnaires = _questionnaires };
        var metadata = new PdfMetadata(state.Text(ReportTexts.PdfTitle), data.NetworkName, state.Text(ReportTexts.Subject))
        {
            Keywords = state.Text(ReportTexts.Keywords).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
        };

        var header = new PageBand(Left: state.Text(ReportTexts.HeaderLeft), Right: state.Text(ReportTexts.HeaderRight));
        var footerLeft = state.Text(ReportTexts.FooterLeft);
        var document = new ReportDocument(metadata)
        {
            Header = page => page.Number == 1 ? PageBand.Empty : header,
            Footer = page => new PageBand(Left: footerLeft, Right: state.Text(ReportTexts.PageNumber, ("seite", page.Number), ("seiten", page.Count))),
        };

        document.Add(Cover(state));
        var interviews = data.EmployerInterviews + data.EmployeeInterviews;
        if (interviews < MinimumInterviews)
        {
            // Below the secrecy threshold every figure would be "." anyway: pages of symbols tell the reader nothing.
            document.Add(new HeadingBlock(state.Text(interviews == 0 ? ReportTexts.NoDataHeading : ReportTexts.TooFewHeading)));
            document.Add(new ParagraphBlock(interviews == 0
                ? state.Text(ReportTexts.NoData)
                : state.Text(ReportTexts.TooFew, ("interviews", interviews), ("mindestzahl", MinimumInterviews))));
            document.Add(new ParagraphBlock(state.Text(ReportTexts.DataAsOf)) { Style = ParagraphStyle.Note });
            return document;
        }

        document.Add(new PageBreakBlock());
        var number = 0;
        foreach (var section in template.Sections)
        {
            number++;
            document.Add(new HeadingBlock($"{number} {section.Title}"));
            var saidNoEmployees = false;
            for (var i = 0; i < section.Blocks.Count; i++)
            {
                // Without employee interviews a heat map of dashes says nothing: one sentence instead, once per section.
                if (data.EmployeeInterviews == 0 && IsEmployeeBlock(section.Blocks[i]))
                {
                    if (!saidNoEmployees)
                    {
                        document.Add(new ParagraphBlock(state.Text(ReportTexts.NoEmployees)));
                        saidNoEmployees = true;
                    }

                    continue;
                }

                // Indicators (or numbers) that follow each other share one table: one row per figure reads better than a table each.
                var kind = section.Blocks[i].Kind;
                var run = kind is BlockKind.Indicator or BlockKind.Numeric ? section.Blocks.Skip(i).TakeWhile(b => b.Kind == kind).ToList() : [];
                if (run.Count > 1)
                {
                    document.Add(kind == BlockKind.Indicator ? Indicators(state, run) : Numbers(state, run));
                    i += run.Count - 1;
                    continue;
                }

                document.Add(Blocks(state, section, section.Blocks[i]));
            }
        }

        return document;
    }

    private static bool IsEmployeeBlock(TemplateBlock block) =>
        block.Kind is BlockKind.HeatMap or BlockKind.Comparison || block.Questionnaire == NetworkQuestionnaires.EmployeeKey;

    /// <summary>The values of the template's placeholders (<see cref="ReportTextVariables"/>).</summary>
    public static IReadOnlyDictionary<string, object?> Values(IDistrictReportData data, ReportTemplate template) => new Dictionary<string, object?>
    {
        [ReportTextVariables.ReportTitle] = template.Title,
        [ReportTextVariables.District] = data.DistrictName,
        [ReportTextVariables.DistrictKey] = data.DistrictKey,
        [ReportTextVariables.Network] = data.NetworkName,
        [ReportTextVariables.Committee] = template.Committee,
        [ReportTextVariables.CommitteeAccusative] = template.CommitteeAccusative,
        [ReportTextVariables.CommitteeDative] = template.CommitteeDative,
        [ReportTextVariables.Quarter] = data.Quarter.ToGermanLongString(),
        [ReportTextVariables.QuarterShort] = data.Quarter.ToGermanShortString(),
        [ReportTextVariables.Date] = GermanFigureFormat.Date(data.AsOf),
        [ReportTextVariables.EmployerInterviews] = GermanFigureFormat.Count(data.EmployerInterviews),
        [ReportTextVariables.EmployeeInterviews] = GermanFigureFormat.Count(data.EmployeeInterviews),
        [ReportTextVariables.Weighted] = data.IsWeighted,
        [ReportTextVariables.MinimumCases] = data.Disclosure.MinimumCases,
        [ReportTextVariables.MinimumShareBase] = data.Disclosure.MinimumShareBase,
        [ReportTextVariables.FullReliabilityBase] = data.Disclosure.FullReliabilityBase,
        [ReportTextVariables.DominanceContributors] = data.Disclosure.DominanceContributors,
        [ReportTextVariables.DominancePercent] = GermanFigureFormat.Exact(data.Disclosure.DominancePercent),
    };

    private static IEnumerable<Block> Cover(CompositionState state)
    {
        yield return new SpacerBlock(150f);
        yield return new HeadingBlock(state.Template.Title);
        yield return new HeadingBlock(state.Text(ReportTexts.CoverTitle), 2);
        yield return new ParagraphBlock(state.Text(ReportTexts.CoverFor));
        yield return new ParagraphBlock(state.Text(ReportTexts.CoverNetwork));
        yield return new ParagraphBlock(state.Text(ReportTexts.CoverNote)) { Style = ParagraphStyle.Note };
    }

    private IEnumerable<Block> Blocks(CompositionState state, TemplateSection section, TemplateBlock block) => block.Kind switch
    {
        BlockKind.Text => block.Text!.RenderParagraphs(state.Values).Select(p => (Block)new ParagraphBlock(p)),
        BlockKind.KeyFigures => KeyFigures(state),
        BlockKind.KeyMessages => KeyMessages(state),
        BlockKind.FieldTargets => FieldTargets(state),
        BlockKind.Distribution => Distribution(state, block),
        BlockKind.Indicator => Indicator(state, block),
        BlockKind.Numeric => Numbers(state, [block]),
        BlockKind.Matrix => Matrix(state, block),
        BlockKind.Bars => Bars(state, block),
        BlockKind.HeatMap => HeatMap(state, block),
        BlockKind.Comparison => Comparison(state, block),
        BlockKind.Regional => Regional(state, block),
        BlockKind.Trend => Trend(state, block),
        BlockKind.Symbols => SymbolTable(state),
        BlockKind.Table => Table(state, block),
        _ => throw new InvalidOperationException($"Baustein {block.Kind} in Abschnitt {section.Kind} ist nicht vorgesehen."),
    };

    private static IEnumerable<Block> KeyFigures(CompositionState state)
    {
        var data = state.Data;
        var targets = data.FieldTargets;
        var figures = new List<KeyFigure>
        {
            new(GermanFigureFormat.Count(data.EmployerInterviews), state.Text(ReportTexts.KeyFigureEmployers), TargetNote(state, targets, employers: true)),
            new(GermanFigureFormat.Count(data.EmployeeInterviews), state.Text(ReportTexts.KeyFigureEmployees), TargetNote(state, targets, employers: false)),
        };

        foreach (var block in state.Template.Sections.SelectMany(s => s.Blocks).Where(b => b.Kind == BlockKind.Indicator).Take(1))
        {
            var share = state.Data.Share(block.Questionnaire!, block.Question!, block.Value!);
            figures.Add(new KeyFigure(share.Text, block.Title ?? state.Label(block), IntervalNote(state, share)));
        }

        foreach (var block in state.Template.Sections.SelectMany(s => s.Blocks).Where(b => b.Kind == BlockKind.Bars).Take(1))
        {
            var top = Ranked(state.Data.Shares(block.Questionnaire!, block.Question!)).FirstOrDefault();
            if (top is not null && top.ShownPercent is not null)
            {
                figures.Add(new KeyFigure(top.Text, state.Text(ReportTexts.KeyFigureTopNeed, ("thema", top.Label)), IntervalNote(state, top)));
            }
        }

        yield return new KeyFigureBlock(figures);
    }

    private static string? TargetNote(CompositionState state, IReadOnlyList<FieldTargetLine> targets, bool employers)
    {
        // The tile counts every interview of its kind; groups interviewed without a target are named, since their
        // interviews stand in the figure above the Soll but not in it.
        var lines = targets.Where(t => t.IsEmployers == employers && HasTarget(t)).ToList();
        var unplanned = targets.Where(t => t.IsEmployers == employers && IsInterviewedWithoutTarget(t)).Select(t => t.Group).ToList();
        return lines.Count == 0 ? null : state.Text(ReportTexts.KeyFigureTarget, ("soll", GermanFigureFormat.Count(lines.Sum(t => t.Target!.Value))),
            ("ohne", unplanned.Count == 0 ? null : string.Join(", ", unplanned)));
    }

    private static string IntervalNote(CompositionState state, ShareFigure share) =>
        state.Text(ReportTexts.KeyFigureBase, ("n", share.NText), ("ki", share.IntervalText.Length > 0 ? share.IntervalText : null));

    /// <summary>
    /// 3–5 sentences a committee member reads first, each computed from the model: the district against the network
    /// (a difference only where it is statistically secured), the top need, the largest secured change against the
    /// same quarter a year earlier, the field work against its target. The template's first indicator and first bar
    /// block say which figures; hidden figures never lead a message.
    /// </summary>
    private static IEnumerable<Block> KeyMessages(CompositionState state)
    {
        var data = state.Data;
        var blocks = state.Template.Sections.SelectMany(s => s.Blocks).ToList();
        var messages = new List<string>();

        if (blocks.FirstOrDefault(b => b.Kind == BlockKind.Indicator) is { } indicator)
        {
            var share = data.Share(indicator.Questionnaire!, indicator.Question!, indicator.Value!);
            var network = data.Regional(indicator.Questionnaire!, indicator.Question!, indicator.Value!).Network;
            var difference = data.CompareWithNetwork(indicator.Questionnaire!, indicator.Question!, indicator.Value!);
            if (share.ShownPercent is not null && network.ShownPercent is not null)
            {
                var title = indicator.Title ?? state.Label(indicator);
                messages.Add(difference is { IsStatisticallySecured: true, Point: { } point }
                    ? state.Text(ReportTexts.MessageNetworkSecured, ("titel", title), ("anteil", share.Text), ("anteil_verbund", network.Text),
                        ("differenz", GermanFigureFormat.Number(Math.Abs(point) * 100.0, 1)), ("hoeher", point > 0))
                    : state.Text(ReportTexts.MessageNetworkNotSecured, ("titel", title), ("anteil", share.Text), ("anteil_verbund", network.Text)));
            }
        }

        if (blocks.FirstOrDefault(b => b.Kind == BlockKind.Bars) is { } bars)
        {
            var top = Ranked(data.Shares(bars.Questionnaire!, bars.Question!)).Where(s => s.ShownPercent is not null).Take(3).ToList();
            if (top.Count > 0)
            {
                var rest = top.Skip(1).Select(t => DotLiquid.Hash.FromDictionary(new Dictionary<string, object> { ["thema"] = t.Label, ["anteil"] = t.Text })).ToList();
                messages.Add(state.Text(ReportTexts.MessageTopNeed, ("betriebe", bars.Questionnaire == NetworkQuestionnaires.EmployerKey),
                    ("thema", top[0].Label), ("anteil", top[0].Text), ("n", top[0].NText), ("weitere", rest)));
            }
        }

        var changes = blocks.Where(b => b.Kind is BlockKind.Indicator or BlockKind.Trend)
            .Select(b => (b.Questionnaire, b.Question, b.Value, Title: b.Title ?? state.Label(b)))
            .DistinctBy(b => (b.Questionnaire, b.Question, b.Value))
            .Select(b => (b.Title, Figures: data.YearOnYear(b.Questionnaire!, b.Question!, b.Value!)))
            .Where(c => c.Figures.Change is { HasData: true })
            .ToList();
        var previousQuarter = data.Quarter.SameQuarterPreviousYear().ToGermanLongString();
        var largest = changes.Where(c => c.Figures.Change!.IsStatisticallySecured).OrderByDescending(c => Math.Abs(c.Figures.Change!.Point!.Value)).FirstOrDefault();
        if (largest.Figures is { } secured)
        {
            messages.Add(state.Text(ReportTexts.MessageLargestChange, ("vorjahresquartal", previousQuarter), ("titel", largest.Title),
                ("veraenderung", GermanFigureFormat.Change(secured.Change!)), ("vorher", secured.Previous.Text), ("jetzt", secured.Current.Text)));
        }
        else if (changes.Count > 0)
        {
            messages.Add(state.Text(ReportTexts.MessageNoSecuredChange, ("vorjahresquartal", previousQuarter)));
        }

        if (messages.Count == 0)
        {
            messages.Add(state.Text(ReportTexts.MessageNone));
        }

        messages.Add(FieldWorkMessage(state));

        foreach (var message in messages.Take(5))
        {
            yield return new ParagraphBlock("• " + message);
        }
    }

    private static string FieldWorkMessage(CompositionState state)
    {
        var data = state.Data;
        var targets = data.FieldTargets;
        var planned = targets.Where(HasTarget).ToList();
        var unplanned = targets.Where(IsInterviewedWithoutTarget).ToList();
        if (planned.Count == 0)
        {
            return state.Text(ReportTexts.MessageFieldWorkWithoutTarget, ("interviews", GermanFigureFormat.Count(data.EmployerInterviews + data.EmployeeInterviews)));
        }

        var done = planned.Sum(t => t.Interviews);
        var target = planned.Sum(t => t.Target!.Value);
        return state.Text(ReportTexts.MessageFieldWork, ("ist", GermanFigureFormat.Count(done)), ("soll", GermanFigureFormat.Count(target)),
            ("erreicht", GermanFigureFormat.Number(100.0 * done / target, 0)),
            ("ohne_soll", GermanFigureFormat.Count(unplanned.Sum(t => t.Interviews))),
            ("gruppen_ohne_soll", unplanned.Count == 0 ? null : string.Join(", ", unplanned.Select(t => t.Group))));
    }

    private static IEnumerable<Block> FieldTargets(CompositionState state)
    {
        var lines = state.Data.FieldTargets;
        if (lines.Count == 0)
        {
            yield return new ParagraphBlock(state.Text(ReportTexts.FieldTargetsNone));
            yield break;
        }

        var rows = lines.Select(t => FieldTargetRow(t.Group, t.Target, t.Interviews)).ToList();

        // The total: where groups without a target were interviewed too, first the groups with one (their Ist against
        // the Soll, as the key message has it), then all interviews without a share of a Soll they are not part of.
        var planned = lines.Where(HasTarget).ToList();
        var target = planned.Count == 0 ? (int?)null : planned.Sum(t => t.Target!.Value);
        var all = lines.Sum(t => t.Interviews);
        if (planned.Count > 0 && lines.Any(IsInterviewedWithoutTarget))
        {
            rows.Add(FieldTargetRow(state.Text(ReportTexts.FieldTargetsTotalPlanned), target, planned.Sum(t => t.Interviews)) with { IsTotal = true });
            rows.Add(FieldTargetRow(state.Text(ReportTexts.FieldTargetsTotal), null, all) with { IsTotal = true });
        }
        else
        {
            rows.Add(FieldTargetRow(state.Text(ReportTexts.FieldTargetsTotal), target, all) with { IsTotal = true });
        }

        yield return new KeyFigureBlock(state.Data.FieldTargets.Select(l => FieldTargetTile(state, l)).ToList(), tilesPerRow: 3);

        yield return new TableBlock(
            [
                new TableColumn(state.Text(ReportTexts.ColumnGroup), Weight: 3),
                TableColumn.Numeric(state.Text(ReportTexts.ColumnTarget)),
                TableColumn.Numeric(state.Text(ReportTexts.ColumnDone)),
                TableColumn.Numeric(state.Text(ReportTexts.ColumnReached)),
            ],
            rows)
        {
            Caption = state.NextTable(state.Text(ReportTexts.FieldTargetsCaption)),
            Note = state.Text(ReportTexts.FieldTargetsNote),
        };
    }

    /// <summary>A group with a Soll; one without (none set, or 0) is not counted against any.</summary>
    private static bool HasTarget(FieldTargetLine line) => line.Target is > 0;

    /// <summary>A group interviewed without a Soll: its interviews stand beside the Soll, never in its share.</summary>
    private static bool IsInterviewedWithoutTarget(FieldTargetLine line) => !HasTarget(line) && line.Interviews > 0;

    private static TableRow FieldTargetRow(string label, int? target, int interviews) => new([
        label,
        target is { } soll ? GermanFigureFormat.Count(soll) : "–",
        GermanFigureFormat.Count(interviews),
        target is > 0 ? GermanFigureFormat.Number(100.0 * interviews / target.Value, 0) + " %" : "–",
    ]);

    /// <summary>
    /// One tile per respondent group: Ist as the big figure, "von 40 · 95 % des Solls" below the group; without a target
    /// only Ist. (The big figure's size leaves no room for "38 von 40" in a third of the page.)
    /// </summary>
    private static KeyFigure FieldTargetTile(CompositionState state, FieldTargetLine line) => new(
        GermanFigureFormat.Count(line.Interviews),
        line.Group,
        line.Target is > 0 and var target
            ? state.Text(ReportTexts.FieldTargetTile,
                ("soll", GermanFigureFormat.Count(target)), ("erreicht", GermanFigureFormat.Percent((double)line.Interviews / target, 0)))
            : state.Text(ReportTexts.FieldTargetTileWithoutTarget));

    private static IEnumerable<Block> Distribution(CompositionState state, TemplateBlock block)
    {
        var counts = state.Data.Distribution(block.Questionnaire!, block.Question!);
        yield return new TableBlock(
            [new TableColumn(state.Label(block), Weight: 3), TableColumn.Numeric(state.Text(ReportTexts.ColumnInterviews))],
            counts.Select(c => new TableRow([c.Label, c.Text])).ToList())
        {
            Caption = state.NextTable(block.Title ?? state.Label(block)),
            Note = state.SymbolNote([]),
        };
    }

    private static IEnumerable<Block> Indicator(CompositionState state, TemplateBlock block) => Indicators(state, [block]);

    private static IEnumerable<Block> Indicators(CompositionState state, IReadOnlyList<TemplateBlock> blocks)
    {
        var shares = blocks.Select(block => state.Data.Share(block.Questionnaire!, block.Question!, block.Value!)).ToList();
        var rows = blocks.Zip(shares, (block, share) => new TableRow([block.Title ?? state.Label(block), share.Text, share.IntervalCellText, share.NText])).ToList();
        var questions = string.Join(" ", blocks.Select(block => state.Text(ReportTexts.IndicatorQuestion,
            ("titel", blocks.Count > 1 ? block.Title ?? state.Label(block) : null), ("frage", state.QuestionText(block)), ("antwort", state.ChoiceLabel(block, block.Value!)))));
        yield return new TableBlock(
            [
                new TableColumn(state.Text(ReportTexts.ColumnFigure), Weight: 3),
                TableColumn.Numeric(state.Text(ReportTexts.ColumnShare)),
                TableColumn.Numeric(state.Text(ReportTexts.ColumnInterval)),
                TableColumn.Numeric(state.Text(ReportTexts.ColumnN)),
            ],
            rows)
        {
            Caption = state.NextTable(blocks.Count == 1 ? blocks[0].Title ?? state.Label(blocks[0]) : state.Text(ReportTexts.IndicatorsCaption)),
            Note = $"{questions} {state.SymbolNote(shares.Select(s => s.ShownRevision))}",
        };
    }

    private static IEnumerable<Block> Numbers(CompositionState state, IReadOnlyList<TemplateBlock> blocks)
    {
        var figures = blocks.Select(block => state.Data.Number(block.Questionnaire!, block.Question!)).ToList();
        var rows = blocks.Zip(figures, (block, figure) =>
            new TableRow([block.Title ?? state.Label(block), figure.SumText, figure.MeanText, figure.MeanIntervalCellText, figure.MedianText, figure.NText])).ToList();
        var questions = string.Join(" ", blocks.Select(block => state.Text(ReportTexts.NumberQuestion,
            ("titel", blocks.Count > 1 ? block.Title ?? state.Label(block) : null), ("frage", state.QuestionText(block)))));
        yield return new TableBlock(
            [
                new TableColumn(state.Text(ReportTexts.ColumnFigure), Weight: 3),
                TableColumn.Numeric(state.Text(ReportTexts.ColumnSum)),
                TableColumn.Numeric(state.Text(ReportTexts.ColumnMean)),
                TableColumn.Numeric(state.Text(ReportTexts.ColumnInterval)),
                TableColumn.Numeric(state.Text(ReportTexts.ColumnMedian)),
                TableColumn.Numeric(state.Text(ReportTexts.ColumnN)),
            ],
            rows)
        {
            Caption = state.NextTable(blocks.Count == 1 ? blocks[0].Title ?? state.Label(blocks[0]) : state.Text(ReportTexts.NumbersCaption)),
            Note = state.Text(
                blocks[0].Questionnaire == NetworkQuestionnaires.EmployerKey ? ReportTexts.NumbersNoteEmployers : ReportTexts.NumbersNoteEmployees,
                ("fragen", questions), ("zeichen", state.SymbolNote(figures.Select(f => f.ShownRevision)))),
        };
    }

    private static IEnumerable<Block> Matrix(CompositionState state, TemplateBlock block)
    {
        var matrix = state.Data.Matrix(block.Questionnaire!, block.Question!);

        // Rows nobody answered (topics no establishment named) say nothing; the most urgent first, hidden rows last.
        var rows = matrix.Rows.Where(r => r.N > 0)
            .Select((row, index) => (row, index, first: row.ToStackedBar().Values is { Count: > 0 } values ? values[0] : (double?)null))
            .OrderBy(r => r.first is null)
            .ThenByDescending(r => r.first ?? 0)
            .ThenBy(r => r.index)
            .Select(r => r.row)
            .ToList();
        if (block.Top is { } top)
        {
            rows = rows.Take(top).ToList();
        }

        if (rows.Count == 0 || matrix.Scale.Count == 0)
        {
            yield return new ParagraphBlock(state.Text(ReportTexts.NoAnswers, ("titel", block.Title ?? state.Label(block))));
            yield break;
        }

        var shown = rows.Where(r => r.HiddenShare is null).SelectMany(r => r.Shares).Select(s => s.ShownRevision).ToHashSet();
        yield return new StackedBarChartBlock(state.NextFigure(block.Title ?? state.Label(block)), matrix.Scale, rows.Select(r => r.ToStackedBar()).ToList())
        {
            // The segments have no room for a mark: the note says whether the shares are provisional or revised.
            Note = state.Text(ReportTexts.MatrixNote, ("zeichen", state.SymbolNote([])),
                ("vorlaeufig", shown.Contains(FigureRevision.Provisional)), ("berichtigt", shown.Contains(FigureRevision.Revised))),
            AxisLabel = state.Text(ReportTexts.PercentAxis),
        };
    }

    private static IEnumerable<Block> Bars(CompositionState state, TemplateBlock block)
    {
        var shares = Ranked(state.Data.Shares(block.Questionnaire!, block.Question!));
        if (block.Top is { } top)
        {
            shares = shares.Take(top).ToList();
        }

        if (shares.Count == 0)
        {
            yield return new ParagraphBlock(state.Text(ReportTexts.NoAnswers, ("titel", block.Title ?? state.Label(block))));
            yield break;
        }

        yield return new BarChartBlock(state.NextFigure(block.Title ?? state.Label(block)), shares.Select(s => s.ToBar()).ToList())
        {
            Note = state.Text(ReportTexts.BarsNote, ("mehrfach", state.IsMultipleChoice(block)), ("zeichen", state.SymbolNote(shares.Select(s => s.ShownRevision)))),
            AxisLabel = state.Text(ReportTexts.PercentAxis),
            ContinuationSuffix = state.Text(ReportTexts.Continued),
        };
    }

    /// <summary>Largest shown share first; shares that may not be shown keep their list order after them.</summary>
    private static List<ShareFigure> Ranked(IReadOnlyList<ShareFigure> shares) =>
        shares.Select((share, index) => (share, index))
            .OrderBy(s => s.share.ShownPercent is null)
            .ThenByDescending(s => s.share.ShownPercent ?? 0)
            .ThenBy(s => s.index)
            .Select(s => s.share)
            .ToList();

    private static IEnumerable<Block> HeatMap(CompositionState state, TemplateBlock block)
    {
        var matrix = state.Data.ByEmployeeGroup(block.Question!);
        if (matrix.Rows.Count == 0 || matrix.Groups.Count == 0)
        {
            yield return new ParagraphBlock(state.Text(ReportTexts.NoAnswers, ("titel", block.Title ?? state.Label(block))));
            yield break;
        }

        yield return new HeatMapBlock(
            state.NextFigure(block.Title ?? state.Label(block)),
            matrix.Groups.Select(g => state.Text(ReportTexts.HeatMapColumn, ("gruppe", g.Label), ("n", GermanFigureFormat.Count(g.N)))).ToList(),
            matrix.Rows.Select(r => new HeatMapRow(r.Label, r.Cells.Select(c => c.ToHeatMapCell()).ToList())).ToList())
        {
            Note = state.Text(ReportTexts.HeatMapNote, ("zeichen", state.SymbolNote(matrix.Rows.SelectMany(r => r.Cells).Select(c => c.ShownRevision)))),
            ContinuationSuffix = state.Text(ReportTexts.Continued),
        };
    }

    private static IEnumerable<Block> Comparison(CompositionState state, TemplateBlock block)
    {
        var lines = state.Data.Compare(block.Question!, block.CompareWith!);
        yield return new TableBlock(
            [
                new TableColumn(state.Text(ReportTexts.ColumnTopic), Weight: 3),
                TableColumn.Numeric(state.Text(ReportTexts.ColumnEmployers)),
                TableColumn.Numeric(state.Text(ReportTexts.ColumnN)),
                TableColumn.Numeric(state.Text(ReportTexts.ColumnEmployees)),
                TableColumn.Numeric(state.Text(ReportTexts.ColumnN)),
            ],
            lines.Select(l => new TableRow([l.Label, l.Employers.Text, l.Employers.NText, l.Employees.Text, l.Employees.NText])).ToList())
        {
            Caption = state.NextTable(block.Title ?? state.Text(ReportTexts.ComparisonCaption)),
            Note = state.Text(ReportTexts.ComparisonNote, ("zeichen", state.SymbolNote(lines.SelectMany(l => new[] { l.Employers.ShownRevision, l.Employees.ShownRevision })))),
        };
    }

    private static IEnumerable<Block> Regional(CompositionState state, TemplateBlock block)
    {
        var regional = state.Data.Regional(block.Questionnaire!, block.Question!, block.Value!);
        var networkLabel = state.Text(ReportTexts.RegionalNetwork);
        var symbolNote = state.SymbolNote(regional.Districts.Select(d => d.Share.ShownRevision).Append(regional.Network.ShownRevision));
        var items = new List<BarChartItem> { regional.Network.ToBar(networkLabel) };
        items.AddRange(regional.Districts.Select(d => d.Share.ToBar(d.IsReportDistrict ? state.Text(ReportTexts.RegionalOwnDistrict, ("name", d.DistrictName)) : d.DistrictName)));
        yield return new BarChartBlock(state.NextFigure(block.Title ?? state.Label(block)), items)
        {
            Note = state.Text(ReportTexts.RegionalNote, ("zeichen", symbolNote)),
            AxisLabel = state.Text(ReportTexts.PercentAxis),
            ContinuationSuffix = state.Text(ReportTexts.Continued),
        };
        yield return new TableBlock(
            [
                new TableColumn(state.Text(ReportTexts.ColumnArea), Weight: 3),
                TableColumn.Numeric(state.Text(ReportTexts.ColumnShare)),
                TableColumn.Numeric(state.Text(ReportTexts.ColumnInterval)),
                TableColumn.Numeric(state.Text(ReportTexts.ColumnN)),
            ],
            [
                new TableRow([networkLabel, regional.Network.Text, regional.Network.IntervalCellText, regional.Network.NText], IsTotal: true),
                .. regional.Districts.Select(d => new TableRow(
                    [d.IsReportDistrict ? state.Text(ReportTexts.RegionalOwnDistrict, ("name", d.DistrictName)) : d.DistrictName, d.Share.Text, d.Share.IntervalCellText, d.Share.NText],
                    IsEmphasised: d.IsReportDistrict)),
            ])
        {
            Caption = state.NextTable(block.Title ?? state.Label(block)),
            Note = symbolNote,
        };
    }

    private static IEnumerable<Block> Trend(CompositionState state, TemplateBlock block)
    {
        var trend = state.Data.Trend(block.Questionnaire!, block.Question!, block.Value!);
        if (trend.Points.Count == 0 || trend.Points.All(p => p.Quarterly.ShownPercent is null && p.Rolling?.ShownPercent is null))
        {
            // An empty chart only looks like a failure; say in one sentence why there is none.
            yield return new ParagraphBlock(state.Text(ReportTexts.TrendNone, ("titel", block.Title ?? state.Label(block))));
            yield break;
        }

        var title = block.Title ?? state.Label(block);
        var revisions = trend.Points.SelectMany(p => new[] { p.Quarterly.Revision, p.Rolling?.Revision ?? FigureRevision.Final }).ToHashSet();
        yield return new LineChartBlock(
            state.NextFigure(title),
            trend.Points.Select(p => GermanFigureFormat.WithRevision(p.Quarter.ToGermanShortString(), p.Quarterly.Revision)).ToList(),
            [
                new LineSeries(state.Text(ReportTexts.TrendQuarterly), trend.Points.Select(p => p.Quarterly.ShownPercent).ToList()),
                new LineSeries(state.Text(ReportTexts.TrendRolling), trend.Points.Select(p => p.Rolling?.ShownPercent).ToList()),
            ])
        {
            PeriodN = trend.Points.Select(p => p.Quarterly.Estimate.UnweightedN).ToList(),
            Note = state.Text(ReportTexts.TrendNote,
                ("vorlaeufig", revisions.Contains(FigureRevision.Provisional)), ("berichtigt", revisions.Contains(FigureRevision.Revised))),
            AxisLabel = state.Text(ReportTexts.PercentAxis),
        };

        yield return new TableBlock(
            [
                new TableColumn(state.Text(ReportTexts.ColumnQuarter), Weight: 2),
                TableColumn.Numeric(state.Text(ReportTexts.ColumnShare)),
                TableColumn.Numeric(state.Text(ReportTexts.ColumnInterval)),
                TableColumn.Numeric(state.Text(ReportTexts.ColumnN)),
                TableColumn.Numeric(state.Text(ReportTexts.ColumnRolling)),
                TableColumn.Numeric(state.Text(ReportTexts.ColumnRollingN)),
            ],
            trend.Points.Select(p => new TableRow(
                [p.Quarter.ToGermanShortString(), p.Quarterly.Text, p.Quarterly.IntervalCellText, p.Quarterly.NText, p.Rolling?.Text ?? "–", p.Rolling?.NText ?? "–"])).ToList())
        {
            Caption = state.NextTable(title),
            Note = state.SymbolNote(trend.Points.SelectMany(p => new[] { p.Quarterly.ShownRevision, p.Rolling?.ShownRevision ?? FigureRevision.Final })),
        };

        yield return new ParagraphBlock(Change(state, ReportTexts.ChangeToPreviousYear, trend.ChangeToSameQuarterPreviousYear));
        yield return new ParagraphBlock(Change(state, ReportTexts.ChangeToPreviousQuarter, trend.ChangeToPreviousQuarter));
    }

    /// <summary>"Veränderung gegenüber …" with the change and its interval, or the text's words for no comparison value.</summary>
    private static string Change(CompositionState state, string text, Core.Statistics.DifferenceEstimate? change) =>
        change is not { HasData: true }
            ? state.Text(text, ("veraenderung", null), ("ki", null))
            : state.Text(text, ("veraenderung", GermanFigureFormat.Change(change)),
                ("ki", change.Interval is { } interval ? GermanFigureFormat.PercentagePointInterval(interval) : null));

    private static IEnumerable<Block> SymbolTable(CompositionState state)
    {
        yield return new TableBlock(
            [new TableColumn(state.Text(ReportTexts.ColumnSymbol)), new TableColumn(state.Text(ReportTexts.ColumnMeaning), Weight: 5)],
            Symbols.Select(s => new TableRow([s.Symbol, state.Text(s.Meaning)])).ToList())
        {
            Caption = state.NextTable(state.Text(ReportTexts.SymbolsCaption)),
        };
    }

    private static IEnumerable<Block> Table(CompositionState state, TemplateBlock block)
    {
        var shares = state.Data.Shares(block.Questionnaire!, block.Question!);
        yield return new TableBlock(
            [
                new TableColumn(state.Text(ReportTexts.ColumnAnswer), Weight: 3),
                TableColumn.Numeric(state.Text(ReportTexts.ColumnShare)),
                TableColumn.Numeric(state.Text(ReportTexts.ColumnInterval)),
                TableColumn.Numeric(state.Text(ReportTexts.ColumnN)),
            ],
            shares.Select(s => new TableRow([s.Label, s.Text, s.IntervalCellText, s.NText])).ToList())
        {
            Caption = state.NextTable(block.Title ?? state.Label(block)),
            Note = state.Text(ReportTexts.TableNote, ("frage", state.QuestionText(block)), ("mehrfach", state.IsMultipleChoice(block)),
                ("zeichen", state.SymbolNote(shares.Select(s => s.ShownRevision)))),
        };
    }

    /// <summary>What one composition carries from block to block: the data, the texts' values, the caption numbers.</summary>
    private sealed class CompositionState(IDistrictReportData data, ReportTemplate template, IReadOnlyDictionary<string, object?> values)
    {
        private int _figures;
        private int _tables;
        private readonly string?[] _symbolNotes = new string?[4];

        public IDistrictReportData Data { get; } = data;

        public ReportTemplate Template { get; } = template;

        public IReadOnlyDictionary<string, object?> Values { get; } = values;

        public IReadOnlyList<QuestionnaireDefinition> Questionnaires { get; init; } = NetworkQuestionnaires.All;

        /// <summary>
        /// The short explanation of the symbols that ends most notes; it names "p" and "r" where the block shows a
        /// provisional or revised figure.
        /// </summary>
        public string SymbolNote(IEnumerable<FigureRevision> shown)
        {
            bool provisional = false, revised = false;
            foreach (var revision in shown)
            {
                provisional |= revision == FigureRevision.Provisional;
                revised |= revision == FigureRevision.Revised;
            }

            var key = (provisional ? 1 : 0) + (revised ? 2 : 0);
            return _symbolNotes[key] ??= Text(ReportTexts.SymbolNote, ("vorlaeufig", provisional), ("berichtigt", revised));
        }

        public string NextFigure(string title) => Text(ReportTexts.FigureCaption, ("nummer", ++_figures), ("titel", title));

        public string NextTable(string title) => Text(ReportTexts.TableCaption, ("nummer", ++_tables), ("titel", title));

        /// <summary>A text of the template with the report's placeholders and the given ones filled in.</summary>
        public string Text(string name, params (string Name, object? Value)[] values)
        {
            if (values.Length == 0)
            {
                return Template.Texts.Render(name, Values);
            }

            var all = new Dictionary<string, object?>(Values, StringComparer.Ordinal);
            foreach (var (key, value) in values)
            {
                all[key] = value;
            }

            return Template.Texts.Render(name, all);
        }

        public Question? Question(TemplateBlock block) =>
            Questionnaires.FirstOrDefault(q => q.Key == block.Questionnaire)?.Questions().FirstOrDefault(q => q.Name == block.Question);

        public string QuestionText(TemplateBlock block) => Question(block)?.Label?.Default ?? block.Question ?? "";

        public string Label(TemplateBlock block) => block.Label ?? QuestionText(block);

        public bool IsMultipleChoice(TemplateBlock block) => Question(block) is MultipleChoiceQuestion;

        public string ChoiceLabel(TemplateBlock block, string code) =>
            Question(block) is ChoiceQuestion choice
                ? Questionnaires.First(q => q.Key == block.Questionnaire).FindChoiceList(choice.ListName)?.Find(code)?.Label.Default ?? code
                : code;
    }
}
