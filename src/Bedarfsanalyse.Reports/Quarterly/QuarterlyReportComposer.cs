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
    /// <summary>The symbols of official statistics, explained on every report that could show them.</summary>
    public static readonly IReadOnlyList<(string Symbol, string Meaning)> Symbols =
    [
        (".", "geheim: weniger als drei Befragte oder aus Gründen der Geheimhaltung nicht ausgewiesen"),
        ("/", "keine Angabe, da Zahlenwert nicht sicher genug (Basis unter zehn Befragten)"),
        ("( )", "Aussagewert eingeschränkt, da der Wert statistisch relativ unsicher ist (Basis 10 bis 29 Befragte)"),
        ("–", "nichts vorhanden"),
        ("p", "vorläufige Zahl"),
        ("r", "berichtigte Zahl"),
    ];

    /// <summary>The secrecy threshold of the symbol "."; below it the report is only a short notice.</summary>
    private const int MinimumInterviews = 3;

    private const string SymbolNote = "„.“ geheim; „/“ nicht sicher genug; „( )“ eingeschränkt aussagefähig; „–“ nichts vorhanden.";

    private readonly IReadOnlyList<QuestionnaireDefinition> _questionnaires;

    public QuarterlyReportComposer(IReadOnlyList<QuestionnaireDefinition>? questionnaires = null)
    {
        _questionnaires = questionnaires ?? NetworkQuestionnaires.All;
    }

    public ReportDocument Compose(IDistrictReportData data, ReportTemplate template)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(template);
        var quarter = data.Quarter.ToGermanLongString();
        var metadata = new PdfMetadata(
            $"{template.Title}: {data.DistrictName} – {quarter}",
            data.NetworkName,
            $"Quartalsbericht für {template.CommitteeAccusative}, {data.DistrictName} ({data.DistrictKey}), {quarter}")
        {
            Keywords = ["Weiterbildung", "Bedarfsanalyse", data.DistrictName, data.Quarter.ToGermanShortString(), data.NetworkName],
        };

        var document = new ReportDocument(metadata)
        {
            Header = page => page.Number == 1 ? PageBand.Empty : new PageBand(Left: $"{template.Title} · {data.DistrictName}", Right: quarter),
            Footer = page => new PageBand(Left: $"{template.Committee} · {data.NetworkName}", Right: page.ToString()),
        };

        var state = new CompositionState(data, template, Values(data, template)) { Questionnaires = _questionnaires };
        document.Add(Cover(state));
        var interviews = data.EmployerInterviews + data.EmployeeInterviews;
        if (interviews < MinimumInterviews)
        {
            // Below the secrecy threshold every figure would be "." anyway: pages of symbols tell the reader nothing.
            document.Add(new HeadingBlock(interviews == 0 ? "Keine Daten" : "Zu wenige Interviews"));
            document.Add(new ParagraphBlock(interviews == 0
                ? $"Für {data.DistrictName} liegen für das {quarter} keine abgeschlossenen Interviews vor. " +
                  "Deshalb enthält dieser Bericht keine Ergebnisse, Tabellen oder Diagramme."
                : $"Für {data.DistrictName} liegen für das {quarter} nur " +
                  (interviews == 1 ? "ein abgeschlossenes Interview" : $"{GermanFigureFormat.Count(interviews)} abgeschlossene Interviews") +
                  $" vor. Ergebnisse werden erst ab {MinimumInterviews} Interviews ausgewiesen, damit keine Angaben einzelner " +
                  "Betriebe oder Beschäftigter erkennbar werden. Deshalb enthält dieser Bericht keine Ergebnisse, Tabellen oder Diagramme."));
            document.Add(new ParagraphBlock($"Stand der Daten: {GermanFigureFormat.Date(data.AsOf)}.") { Style = ParagraphStyle.Note });
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
                        document.Add(new ParagraphBlock(
                            $"Für {data.DistrictName} liegen im {quarter} keine Interviews mit Beschäftigten vor; Ergebnisse der Beschäftigtengruppen können deshalb nicht ausgewiesen werden."));
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
    };

    private static IEnumerable<Block> Cover(CompositionState state)
    {
        var data = state.Data;
        yield return new SpacerBlock(150f);
        yield return new HeadingBlock(state.Template.Title);
        yield return new HeadingBlock($"{data.DistrictName} – {data.Quarter.ToGermanLongString()}", 2);
        yield return new ParagraphBlock($"Bericht für {state.Template.CommitteeAccusative}");
        yield return new ParagraphBlock($"{data.NetworkName}");
        yield return new ParagraphBlock($"Kreisschlüssel {data.DistrictKey} · Stand: {GermanFigureFormat.Date(data.AsOf)}") { Style = ParagraphStyle.Note };
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
            new(GermanFigureFormat.Count(data.EmployerInterviews), "befragte Betriebe", TargetNote(targets, employers: true)),
            new(GermanFigureFormat.Count(data.EmployeeInterviews), "befragte Beschäftigte", TargetNote(targets, employers: false)),
        };

        foreach (var block in state.Template.Sections.SelectMany(s => s.Blocks).Where(b => b.Kind == BlockKind.Indicator).Take(1))
        {
            var share = state.Data.Share(block.Questionnaire!, block.Question!, block.Value!);
            figures.Add(new KeyFigure(share.Text, block.Title ?? state.Label(block), IntervalNote(share)));
        }

        foreach (var block in state.Template.Sections.SelectMany(s => s.Blocks).Where(b => b.Kind == BlockKind.Bars).Take(1))
        {
            var top = Ranked(state.Data.Shares(block.Questionnaire!, block.Question!)).FirstOrDefault();
            if (top is not null && top.ShownPercent is not null)
            {
                figures.Add(new KeyFigure(top.Text, $"häufigster Bedarf: {top.Label}", IntervalNote(top)));
            }
        }

        yield return new KeyFigureBlock(figures);
    }

    private static string? TargetNote(IReadOnlyList<FieldTargetLine> targets, bool employers)
    {
        var lines = targets.Where(t => IsEmployerGroup(t.Group) == employers && t.Target is not null).ToList();
        return lines.Count == 0 ? null : "Soll: " + GermanFigureFormat.Count(lines.Sum(t => t.Target!.Value));
    }

    private static bool IsEmployerGroup(string group) => group.Contains("Betrieb", StringComparison.OrdinalIgnoreCase);

    private static string IntervalNote(ShareFigure share) =>
        share.IntervalText.Length > 0 ? $"n = {share.NText}; 95-%-KI {share.IntervalText}" : $"n = {share.NText}";

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
                    ? $"{title}: in {data.DistrictName} {share.Text}, im Verbund {network.Text}. {data.DistrictName} liegt damit statistisch gesichert " +
                      $"{GermanFigureFormat.Number(Math.Abs(point) * 100.0, 1)} Prozentpunkte {(point > 0 ? "über" : "unter")} dem Verbund."
                    : $"{title}: in {data.DistrictName} {share.Text}, im Verbund {network.Text}; ein Unterschied zum Verbund ist statistisch nicht gesichert.");
            }
        }

        if (blocks.FirstOrDefault(b => b.Kind == BlockKind.Bars) is { } bars)
        {
            var top = Ranked(data.Shares(bars.Questionnaire!, bars.Question!)).Where(s => s.ShownPercent is not null).Take(3).ToList();
            if (top.Count > 0)
            {
                var who = bars.Questionnaire == NetworkQuestionnaires.EmployerKey ? "der Betriebe" : "der Beschäftigten";
                var rest = top.Skip(1).Select(t => $"„{t.Label}“ ({t.Text})").ToList();
                messages.Add($"Häufigster Weiterbildungsbedarf {who}: „{top[0].Label}“ ({top[0].Text}; n = {top[0].NText})" +
                             (rest.Count > 0 ? $", danach {string.Join(" und ", rest)}." : "."));
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
            messages.Add($"Größte gesicherte Veränderung gegenüber dem {previousQuarter}: {largest.Title} " +
                         $"{GermanFigureFormat.Change(secured.Change!)} (von {secured.Previous.Text} auf {secured.Current.Text}).");
        }
        else if (changes.Count > 0)
        {
            messages.Add($"Gegenüber dem {previousQuarter} hat sich keine der Kennzahlen statistisch gesichert verändert.");
        }

        if (messages.Count == 0)
        {
            messages.Add("Zu den Ergebnissen lassen sich in diesem Quartal wegen zu weniger Befragter keine gesicherten Kernaussagen treffen.");
        }

        messages.Add(FieldWorkMessage(data));

        foreach (var message in messages.Take(5))
        {
            yield return new ParagraphBlock("• " + message);
        }
    }

    private static string FieldWorkMessage(IDistrictReportData data)
    {
        var quarter = data.Quarter.ToGermanLongString();
        var targets = data.FieldTargets;
        var planned = targets.Where(t => t.Target is > 0).ToList();
        var unplanned = targets.Where(t => t.Target is not > 0 && t.Interviews > 0).ToList();
        if (planned.Count == 0)
        {
            return $"Feldarbeit im {quarter}: {GermanFigureFormat.Count(data.EmployerInterviews + data.EmployeeInterviews)} abgeschlossene Interviews; ein Soll ist nicht hinterlegt.";
        }

        var done = planned.Sum(t => t.Interviews);
        var target = planned.Sum(t => t.Target!.Value);
        var extra = unplanned.Count == 0
            ? ""
            : $" Dazu kommen {GermanFigureFormat.Count(unplanned.Sum(t => t.Interviews))} Interviews in Gruppen ohne Soll ({string.Join(", ", unplanned.Select(t => t.Group))}).";
        return $"Feldarbeit im {quarter}: {GermanFigureFormat.Count(done)} von {GermanFigureFormat.Count(target)} geplanten Interviews " +
               $"({GermanFigureFormat.Number(100.0 * done / target, 0)} % des Solls).{extra}";
    }

    private static IEnumerable<Block> FieldTargets(CompositionState state)
    {
        var rows = state.Data.FieldTargets
            .Select(t => new TableRow([
                t.Group,
                t.Target is { } target ? GermanFigureFormat.Count(target) : "–",
                GermanFigureFormat.Count(t.Interviews),
                t.Target is > 0 ? GermanFigureFormat.Number(100.0 * t.Interviews / t.Target.Value, 0) + " %" : "–",
            ]))
            .ToList();
        if (rows.Count == 0)
        {
            yield return new ParagraphBlock("Für dieses Quartal sind keine Feldziele hinterlegt.");
            yield break;
        }

        yield return new KeyFigureBlock(state.Data.FieldTargets.Select(FieldTargetTile).ToList(), tilesPerRow: 3);

        yield return new TableBlock(
            [new TableColumn("Befragtengruppe", Weight: 3), TableColumn.Numeric("Soll"), TableColumn.Numeric("Ist"), TableColumn.Numeric("Erreicht")],
            rows)
        {
            Caption = state.NextTable("Interviews nach Befragtengruppe: Soll und Ist"),
            Note = "Ist: abgeschlossene, nicht zurückgezogene Interviews im Quartal. „–“ kein Soll hinterlegt.",
        };
    }

    /// <summary>
    /// One tile per respondent group: Ist as the big figure, "von 40 · 95 % des Solls" below the group; without a target
    /// only Ist. (The big figure's size leaves no room for "38 von 40" in a third of the page.)
    /// </summary>
    private static KeyFigure FieldTargetTile(FieldTargetLine line) => new(
        GermanFigureFormat.Count(line.Interviews),
        line.Group,
        line.Target is > 0 and var target
            ? $"von {GermanFigureFormat.Count(target)} · {GermanFigureFormat.Percent((double)line.Interviews / target, 0)} des Solls"
            : "kein Soll hinterlegt");

    private static IEnumerable<Block> Distribution(CompositionState state, TemplateBlock block)
    {
        var counts = state.Data.Distribution(block.Questionnaire!, block.Question!);
        yield return new TableBlock(
            [new TableColumn(state.Label(block), Weight: 3), TableColumn.Numeric("Interviews")],
            counts.Select(c => new TableRow([c.Label, c.Text])).ToList())
        {
            Caption = state.NextTable(block.Title ?? state.Label(block)),
            Note = SymbolNote,
        };
    }

    private static IEnumerable<Block> Indicator(CompositionState state, TemplateBlock block) => Indicators(state, [block]);

    private static IEnumerable<Block> Indicators(CompositionState state, IReadOnlyList<TemplateBlock> blocks)
    {
        var rows = blocks.Select(block =>
        {
            var share = state.Data.Share(block.Questionnaire!, block.Question!, block.Value!);
            return new TableRow([block.Title ?? state.Label(block), share.Text, share.IntervalText, share.NText]);
        }).ToList();
        var questions = string.Join(" ", blocks.Select(block =>
            $"{(blocks.Count > 1 ? (block.Title ?? state.Label(block)) + ": " : "")}Frage „{state.QuestionText(block)}“, Anteil der Antwort „{state.ChoiceLabel(block, block.Value!)}“."));
        yield return new TableBlock(
            [new TableColumn("Kennzahl", Weight: 3), TableColumn.Numeric("Anteil"), TableColumn.Numeric("95-%-KI"), TableColumn.Numeric("n")],
            rows)
        {
            Caption = state.NextTable(blocks.Count == 1 ? blocks[0].Title ?? state.Label(blocks[0]) : "Kennzahlen"),
            Note = $"{questions} {SymbolNote}",
        };
    }

    private static IEnumerable<Block> Numbers(CompositionState state, IReadOnlyList<TemplateBlock> blocks)
    {
        var rows = blocks.Select(block =>
        {
            var figure = state.Data.Number(block.Questionnaire!, block.Question!);
            return new TableRow([block.Title ?? state.Label(block), figure.SumText, figure.MeanText, figure.MeanIntervalText, figure.MedianText, figure.NText]);
        }).ToList();
        var questions = string.Join(" ", blocks.Select(block =>
            $"{(blocks.Count > 1 ? (block.Title ?? state.Label(block)) + ": " : "")}Frage „{state.QuestionText(block)}“."));
        yield return new TableBlock(
            [
                new TableColumn("Kennzahl", Weight: 3), TableColumn.Numeric("Summe"), TableColumn.Numeric("Mittelwert"),
                TableColumn.Numeric("95-%-KI"), TableColumn.Numeric("Median"), TableColumn.Numeric("n"),
            ],
            rows)
        {
            Caption = state.NextTable(blocks.Count == 1 ? blocks[0].Title ?? state.Label(blocks[0]) : "Kennzahlen in Zahlen"),
            Note = blocks[0].Questionnaire == NetworkQuestionnaires.EmployerKey
                ? $"{questions} Summe über die befragten Betriebe mit Angabe; Mittelwert und Median je Betrieb; n: Betriebe mit Angabe. " +
                  $"Summen, die von ein oder zwei Betrieben bestimmt werden, sind geheim („.“). {SymbolNote}"
                : $"{questions} Summe über die Befragten mit Angabe; Mittelwert und Median je Person; n: Befragte mit Angabe. {SymbolNote}",
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
            yield return new ParagraphBlock($"{block.Title ?? state.Label(block)}: keine Angaben.");
            yield break;
        }

        yield return new StackedBarChartBlock(state.NextFigure(block.Title ?? state.Label(block)), matrix.Scale, rows.Select(r => r.ToStackedBar()).ToList())
        {
            Note = $"Anteil in % der Befragten, die das Thema genannt haben (n je Zeile). Eine Zeile mit einem nicht ausweisbaren Anteil zeigt nur das Zeichen. {SymbolNote}",
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
            yield return new ParagraphBlock($"{block.Title ?? state.Label(block)}: keine Angaben.");
            yield break;
        }

        yield return new BarChartBlock(state.NextFigure(block.Title ?? state.Label(block)), shares.Select(s => s.ToBar()).ToList())
        {
            Note = $"Anteil in %{(state.IsMultipleChoice(block) ? ", Mehrfachnennungen möglich" : "")}; Linien: 95-%-Konfidenzintervall. {SymbolNote}",
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
            yield return new ParagraphBlock($"{block.Title ?? state.Label(block)}: keine Angaben.");
            yield break;
        }

        yield return new HeatMapBlock(
            state.NextFigure(block.Title ?? state.Label(block)),
            matrix.Groups.Select(g => $"{g.Label} (n = {GermanFigureFormat.Count(g.N)})").ToList(),
            matrix.Rows.Select(r => new HeatMapRow(r.Label, r.Cells.Select(c => c.ToHeatMapCell()).ToList())).ToList())
        {
            Note = $"Anteil der Befragten der Gruppe in %. {SymbolNote}",
        };
    }

    private static IEnumerable<Block> Comparison(CompositionState state, TemplateBlock block)
    {
        var lines = state.Data.Compare(block.Question!, block.CompareWith!);
        yield return new TableBlock(
            [new TableColumn("Thema", Weight: 3), TableColumn.Numeric("Betriebe"), TableColumn.Numeric("n"), TableColumn.Numeric("Beschäftigte"), TableColumn.Numeric("n")],
            lines.Select(l => new TableRow([l.Label, l.Employers.Text, l.Employers.NText, l.Employees.Text, l.Employees.NText])).ToList())
        {
            Caption = state.NextTable(block.Title ?? "Betriebe und Beschäftigte im Vergleich"),
            Note = $"Anteil der Betriebe bzw. der Beschäftigten, die Bedarf zu dem Thema sehen; Mehrfachnennungen möglich. {SymbolNote}",
        };
    }

    private static IEnumerable<Block> Regional(CompositionState state, TemplateBlock block)
    {
        var regional = state.Data.Regional(block.Questionnaire!, block.Question!, block.Value!);
        var items = new List<BarChartItem> { regional.Network.ToBar($"{state.Data.NetworkName} insgesamt") };
        items.AddRange(regional.Districts.Select(d => d.Share.ToBar(d.IsReportDistrict ? d.DistrictName + " (dieser Bericht)" : d.DistrictName)));
        yield return new BarChartBlock(state.NextFigure(block.Title ?? state.Label(block)), items)
        {
            Note = $"Anteil in %; Linien: 95-%-Konfidenzintervall. Ausgewiesen nach den Regeln der Geheimhaltung. {SymbolNote}",
        };
        yield return new TableBlock(
            [new TableColumn("Gebiet", Weight: 3), TableColumn.Numeric("Anteil"), TableColumn.Numeric("95-%-KI"), TableColumn.Numeric("n")],
            [
                new TableRow([$"{state.Data.NetworkName} insgesamt", regional.Network.Text, regional.Network.IntervalText, regional.Network.NText], IsTotal: true),
                .. regional.Districts.Select(d => new TableRow(
                    [d.IsReportDistrict ? d.DistrictName + " (dieser Bericht)" : d.DistrictName, d.Share.Text, d.Share.IntervalText, d.Share.NText],
                    IsEmphasised: d.IsReportDistrict)),
            ])
        {
            Caption = state.NextTable(block.Title ?? state.Label(block)),
            Note = SymbolNote,
        };
    }

    private static IEnumerable<Block> Trend(CompositionState state, TemplateBlock block)
    {
        var trend = state.Data.Trend(block.Questionnaire!, block.Question!, block.Value!);
        if (trend.Points.Count == 0 || trend.Points.All(p => p.Quarterly.ShownPercent is null && p.Rolling?.ShownPercent is null))
        {
            // An empty chart only looks like a failure; say in one sentence why there is none.
            yield return new ParagraphBlock($"{block.Title ?? state.Label(block)}: Für {state.Data.DistrictName} liegt in keinem der Quartale ein ausweisbarer Wert vor.");
            yield break;
        }

        var title = block.Title ?? state.Label(block);
        var marked = trend.Points.Any(p => p.Quarterly.Revision != FigureRevision.Final || p.Rolling?.Revision is FigureRevision.Provisional or FigureRevision.Revised);
        yield return new LineChartBlock(
            state.NextFigure(title),
            trend.Points.Select(p => GermanFigureFormat.WithRevision(p.Quarter.ToGermanShortString(), p.Quarterly.Revision)).ToList(),
            [
                new LineSeries("Quartalswert", trend.Points.Select(p => p.Quarterly.ShownPercent).ToList()),
                new LineSeries("gleitender Wert über vier Quartale", trend.Points.Select(p => p.Rolling?.ShownPercent).ToList()),
            ])
        {
            PeriodN = trend.Points.Select(p => p.Quarterly.Estimate.UnweightedN).ToList(),
            Note = "Anteil in %. Lücken: kein ausweisbarer Wert." + (marked ? " n: Befragte im Quartal; „p“ vorläufige, „r“ berichtigte Zahl." : " n: Befragte im Quartal."),
        };

        yield return new TableBlock(
            [new TableColumn("Quartal", Weight: 2), TableColumn.Numeric("Anteil"), TableColumn.Numeric("95-%-KI"), TableColumn.Numeric("n"), TableColumn.Numeric("gleitend")],
            trend.Points.Select(p => new TableRow([p.Quarter.ToGermanShortString(), p.Quarterly.MarkedText, p.Quarterly.IntervalText, p.Quarterly.NText, p.Rolling?.MarkedText ?? "–"])).ToList())
        {
            Caption = state.NextTable(title),
            Note = SymbolNote,
        };

        yield return new ParagraphBlock(Change("gegenüber dem Vorjahresquartal", trend.ChangeToSameQuarterPreviousYear));
        yield return new ParagraphBlock(Change("gegenüber dem Vorquartal", trend.ChangeToPreviousQuarter));
    }

    private static string Change(string against, Core.Statistics.DifferenceEstimate? change)
    {
        if (change is not { HasData: true })
        {
            return $"Veränderung {against}: kein Vergleichswert.";
        }

        var interval = change.Interval is { } i ? $"; 95-%-KI {GermanFigureFormat.PercentagePointInterval(i)}" : "";
        return $"Veränderung {against}: {GermanFigureFormat.Change(change)}{interval}.";
    }

    private static IEnumerable<Block> SymbolTable(CompositionState state)
    {
        yield return new TableBlock(
            [new TableColumn("Zeichen"), new TableColumn("Bedeutung", Weight: 5)],
            Symbols.Select(s => new TableRow([s.Symbol, s.Meaning])).ToList())
        {
            Caption = state.NextTable("Zeichenerklärung"),
        };
    }

    private static IEnumerable<Block> Table(CompositionState state, TemplateBlock block)
    {
        var shares = state.Data.Shares(block.Questionnaire!, block.Question!);
        yield return new TableBlock(
            [new TableColumn("Antwort", Weight: 3), TableColumn.Numeric("Anteil"), TableColumn.Numeric("95-%-KI"), TableColumn.Numeric("n")],
            shares.Select(s => new TableRow([s.Label, s.Text, s.IntervalText, s.NText])).ToList())
        {
            Caption = state.NextTable(block.Title ?? state.Label(block)),
            Note = $"Frage: „{state.QuestionText(block)}“{(state.IsMultipleChoice(block) ? " Mehrfachnennungen möglich." : "")} {SymbolNote}",
        };
    }

    /// <summary>What one composition carries from block to block: the data, the texts' values, the caption numbers.</summary>
    private sealed class CompositionState(IDistrictReportData data, ReportTemplate template, IReadOnlyDictionary<string, object?> values)
    {
        private int _figures;
        private int _tables;

        public IDistrictReportData Data { get; } = data;

        public ReportTemplate Template { get; } = template;

        public IReadOnlyDictionary<string, object?> Values { get; } = values;

        public IReadOnlyList<QuestionnaireDefinition> Questionnaires { get; init; } = NetworkQuestionnaires.All;

        public string NextFigure(string title) => $"Abbildung {++_figures}: {title}";

        public string NextTable(string title) => $"Tabelle {++_tables}: {title}";

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
