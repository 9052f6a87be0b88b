using System.Data;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Bedarfsanalyse.Core.Analysis;
using Bedarfsanalyse.Core.Establishments;
using Bedarfsanalyse.Core.Formatting;
using Bedarfsanalyse.Core.Periods;
using Bedarfsanalyse.Core.Questionnaires.Answers;
using Bedarfsanalyse.Core.Questionnaires.Tabular;
using Bedarfsanalyse.Core.Weighting;
using Bedarfsanalyse.Data;
using Bedarfsanalyse.Data.Interviews;
using Bedarfsanalyse.Data.Questionnaires;
using Bedarfsanalyse.Data.ReferenceData;
using Bedarfsanalyse.Reports.Export;
using Bedarfsanalyse.Reports.Quarterly;
using Bedarfsanalyse.Web.Features.Analysis;
using Bedarfsanalyse.Web.Features.Questionnaires;
using Bedarfsanalyse.Web.Features.Reports;
using Bedarfsanalyse.Reports.Templates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Bedarfsanalyse.Web.Features.Exports;

/// <summary>
/// The analyst export of one network and period (ADR 0020): plans the workbook (cover, codebook, one data set per
/// questionnaire in the flat layout the interview import reads back, the report's figures per district, network and
/// over time) and writes it, or the CSV and SPSS files. Interview rows are streamed from PostgreSQL while they are
/// written. Applies no user scope: callers that act for a user check it first.
/// </summary>
public sealed class NetworkExport(
    BedarfsanalyseDb db, CompiledQuestionnaires questionnaires, QuarterWeights weights, ReportTemplates templates, IServiceScopeFactory scopes,
    IOptions<AnalysisOptions> analysisOptions, TimeProvider clock)
{
    /// <summary>The longest period one export covers.</summary>
    public const int MaxQuarters = 20;

    /// <summary>Plans the export; the rows are read only when the workbook or the CSV is written.</summary>
    /// <exception cref="ReportRequestException">Unknown network or a period that is not one (German message).</exception>
    public async Task<PlannedExport> PlanAsync(string networkKey, Quarter first, Quarter last, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        if (last < first)
        {
            throw new ReportRequestException($"Das letzte Quartal ({last}) liegt vor dem ersten ({first}).");
        }

        if (QuarterCount(first, last) > MaxQuarters)
        {
            throw new ReportRequestException($"Ein Export umfasst höchstens {MaxQuarters} Quartale; gewählt sind {QuarterCount(first, last)}.");
        }

        var network = await db.Networks.AsNoTracking()
            .Where(n => n.Key == networkKey)
            .Select(n => new { n.Id, n.Key, n.Name, n.SteeringCommitteeName, Districts = n.Districts.Select(d => new { d.DistrictKey, d.District!.Name }).ToList() })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new ReportRequestException($"Einen Verbund mit dem Schlüssel „{networkKey}“ gibt es nicht.");
        var from = first.FirstDay;
        var to = last.NextFirstDay;
        var districtNames = await db.Districts.AsNoTracking().ToDictionaryAsync(d => d.Key, d => d.Name, cancellationToken);

        var used = await db.Interviews.AsNoTracking()
            .Where(i => i.NetworkId == network.Id && i.Status == Interview.Completed && i.ConductedOn >= from && i.ConductedOn < to)
            .GroupBy(i => i.QuestionnaireVersionId)
            .Select(g => new { VersionId = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var published = await db.QuestionnaireVersions.AsNoTracking()
            .Where(v => v.Status == QuestionnaireVersion.Published || used.Select(u => u.VersionId).Contains(v.Id))
            .Select(v => new { v.Id, v.Number, v.Questionnaire!.Key, v.Questionnaire.Title })
            .ToListAsync(cancellationToken);

        var quarters = Enumerable.Range(0, QuarterCount(first, last)).Select(first.AddQuarters).ToList();
        var quarterWeights = await weights.ForQuartersAsync(network.Id, quarters, cancellationToken);
        var labels = await InterviewLabelsAsync(network.Districts.Select(d => (d.DistrictKey, d.Name)), cancellationToken);

        var dataSets = new List<QuestionnaireDataSet>();
        var counts = new List<(string Title, int Interviews, IReadOnlyList<int> Versions)>();
        var stem = FileStem(network.Key, first, last);
        foreach (var group in published.GroupBy(v => v.Key).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var inPeriod = group.Where(v => used.Any(u => u.VersionId == v.Id)).ToList();
            // A questionnaire without interviews in the period still gets its newest version's columns.
            var versions = inPeriod.Count > 0 ? inPeriod : [group.MaxBy(v => v.Number)!];
            var definitions = new List<(int Version, Core.Questionnaires.QuestionnaireDefinition Definition)>();
            foreach (var version in versions)
            {
                var compiled = await questionnaires.GetAsync(version.Id, cancellationToken)
                    ?? throw new InvalidOperationException($"Version {version.Id} could not be loaded.");
                definitions.Add((version.Number, compiled.Definition));
            }

            var layout = FlatLayout.For(definitions);
            var versionIds = inPeriod.Select(v => v.Id).ToArray();
            var numbers = versions.Select(v => v.Number).Order().ToList();
            var title = group.First().Title;
            counts.Add((title, used.Where(u => versionIds.Contains(u.VersionId)).Sum(u => u.Count), inPeriod.Select(v => v.Number).Order().ToList()));
            dataSets.Add(new QuestionnaireDataSet(group.Key, title, "Daten " + group.Key, $"{stem}-{group.Key}", numbers, layout,
                ct => RowsAsync(network.Id, versionIds, from, to, layout, districtNames, quarterWeights, ct)) { InterviewLabels = labels });
        }

        var template = templates.QuarterlyReport(network.Key, network.SteeringCommitteeName);
        var districts = network.Districts.OrderBy(d => d.DistrictKey, StringComparer.Ordinal).ToList();
        var settings = analysisOptions.Value.ToSettings();
        var lastText = last.ToGermanLongString();
        var rangeNote = first == last ? null : $"Für den Zeitraum {PeriodText(first, last)} wie im Quartalsbericht die Zahlen für das {lastText}; frühere Quartale im Blatt „Zeitverlauf“.";
        var districtKeys = districts.Select(d => d.DistrictKey).ToList();
        Task<IReadOnlyList<FigureSheet>> FigureSheets(CancellationToken ct) => FigureSheetsAsync(network.Key, districtKeys, last, template, rangeNote, ct);
        var lastWeights = quarterWeights[last];
        var periodText = PeriodText(first, last);
        var total = counts.Sum(c => c.Interviews);
        var disclosure = settings.Disclosure;
        var cover = new List<CoverLine>
        {
            new("Verbund", $"{network.Name} ({network.Key})"),
            new("Zeitraum", $"{periodText} ({GermanFigureFormat.Date(from)} bis {GermanFigureFormat.Date(to.AddDays(-1))})"),
            new("Erstellt am", GermanTime.Format(clock.GetUtcNow())),
        };
        if (total == 0)
        {
            cover.Add(new("Hinweis", "Im Zeitraum gibt es keine abgeschlossenen Interviews. Die Datenblätter enthalten nur die Spaltenköpfe."));
        }

        cover.AddRange(counts.Select(c => new CoverLine(c.Title,
            $"{GermanFigureFormat.Count(c.Interviews)} abgeschlossene Interviews" + (c.Versions.Count > 0 ? $", Fragebogenversion {string.Join(", ", c.Versions)}" : ""))));
        cover.Add(new("Landkreise", string.Join(", ", districts.Select(d => $"{d.DistrictKey} {d.Name}"))));
        cover.Add(new("Kennzahlen",
            $"Blätter „Verbund“, „Kreis …“ und „Zeitverlauf“: die Zahlen des Quartalsberichts für das {lastText}, {(lastWeights.EstablishmentsWeighted || lastWeights.EmployeesWeighted ? "gewichtet" : "ungewichtet")}" +
            (first == last ? "." : $"; für die früheren Quartale des Zeitraums nur, soweit der Zeitverlauf des Berichts sie zeigt ({last.AddQuarters(1 - settings.TrendQuarters).ToGermanShortString()} bis {last.ToGermanShortString()}).")));
        cover.Add(new("Geheimhaltung",
            $"Zellen mit weniger als {disclosure.MinimumCases} Befragten werden nicht gezeigt („.“); Anteile erst ab einer ungewichteten Basis von {disclosure.MinimumShareBase}, " +
            $"Basis {disclosure.MinimumShareBase} bis {disclosure.FullReliabilityBase - 1} in Klammern; Dominanzregel ({disclosure.DominanceContributors}, {GermanFigureFormat.Number(disclosure.DominancePercent, 0)} %); " +
            "Sekundärsperrung, damit keine gesperrte Zahl aus Summen zurückgerechnet werden kann. " +
            "Die Datenblätter sind Einzeldaten und nur für die Auswertung bestimmt: nicht veröffentlichen."));
        cover.Add(new("Datenschutz", "Betriebe erscheinen nur mit ihrem Pseudonym; Namen, Anschriften und Ansprechpersonen sind nicht enthalten."));
        cover.Add(new("Gewichte", WeightsText(quarters, quarterWeights)));
        cover.Add(new("Aufbau", "Codebuch: jede Variable mit Frage, Fragetyp, Codes und Versionen. Datenblätter: eine Zeile je abgeschlossenem Interview, Mehrfachantworten als 0/1-Spalten."));

        var snapshot = JsonSerializer.Serialize(new
        {
            network = network.Key,
            first = first.ToString(),
            last = last.ToString(),
            questionnaires = counts.Select(c => new { title = c.Title, interviews = c.Interviews, versions = c.Versions }),
            template = template.Version,
            weighted = quarters.Where(q => quarterWeights[q].EstablishmentsWeighted || quarterWeights[q].EmployeesWeighted).Select(q => q.ToString()),
        });
        progress?.Report(10);
        return new PlannedExport(
            new AnalystWorkbookModel($"Analysedaten {network.Name}: {periodText}", cover, dataSets, FigureSheets),
            stem, used.Select(u => u.VersionId).Order().ToList(), total, snapshot, template.Version);
    }

    /// <summary>
    /// The figure sheets from the engine's model of the last quarter (one model for every district: the quarterly
    /// report's figures, counted once), in a scope of their own, so that they can be computed while the rows are read.
    /// </summary>
    private async Task<IReadOnlyList<FigureSheet>> FigureSheetsAsync(
        string networkKey, IReadOnlyList<string> districtKeys, Quarter last, ReportTemplate template, string? rangeNote, CancellationToken cancellationToken)
    {
        if (districtKeys.Count == 0)
        {
            return [];
        }

        await using var scope = scopes.CreateAsyncScope();
        AnalysisModel model;
        try
        {
            model = await scope.ServiceProvider.GetRequiredService<AnalysisModels>().ForQuarterAsync(networkKey, last, cancellationToken);
        }
        catch (AnalysisException e)
        {
            throw new ReportRequestException(e.Message);
        }

        var districtData = districtKeys.Select(key => (IDistrictReportData)new ModelDistrictData(model, key)).ToList();
        var sheets = new List<FigureSheet> { ExportFigureSheets.Network(districtData[0], template, rangeNote) };
        foreach (var data in districtData)
        {
            cancellationToken.ThrowIfCancellationRequested();
            sheets.Add(ExportFigureSheets.District(data, template, rangeNote));
        }

        sheets.Add(ExportFigureSheets.Trends(districtData, template, last.ToGermanLongString()));
        return sheets;
    }

    /// <summary>What the cover says about the weight column: per quarter whether and how the engine weighted.</summary>
    private static string WeightsText(IReadOnlyList<Quarter> quarters, IReadOnlyDictionary<Quarter, PeriodWeights> weights)
    {
        var lines = quarters.Select(q => (Quarter: q, Weights: weights.GetValueOrDefault(q, PeriodWeights.Unweighted))).ToList();
        if (lines.All(l => l.Weights is { EstablishmentsWeighted: false, EmployeesWeighted: false, Problem: null }))
        {
            return "Ungewichtet: Für den Verbund ist keine Grundgesamtheit hinterlegt (oder die Gewichtung ist abgeschaltet); die Spalte „gewicht“ ist 1.";
        }

        var parts = lines.Select(l =>
        {
            var w = l.Weights;
            var establishments = w.EstablishmentsWeighted
                ? $"Betriebe {(w.Method == WeightingMethod.Raking ? "Randanpassung (Raking)" : "Designgewichte")}, effektive Fallzahl {GermanFigureFormat.Number(w.EffectiveN, 0)} von {GermanFigureFormat.Count(w.UnweightedN)}" +
                  (w.CappedWeights > 0 ? $", {GermanFigureFormat.Count(w.CappedWeights)} Gewichte gekappt" : "")
                : "Betriebe ungewichtet" + (w.Problem is { } problem ? $" ({problem})" : "");
            var employees = w.EmployeesWeighted ? "Beschäftigte je Kreis" : "Beschäftigte ungewichtet";
            return $"{l.Quarter.ToGermanShortString()}: {establishments}; {employees}";
        });
        return "Spalte „gewicht“: das Gewicht der Analyse für das Quartal des Interviews (1 = ungewichtet; Summe je Quartal = Grundgesamtheit). " + string.Join(". ", parts) + ".";
    }

    /// <summary>German labels of the codes in the leading columns: the network's districts and the reference data.</summary>
    private async Task<IReadOnlyDictionary<string, IReadOnlyList<ValueLabel>>> InterviewLabelsAsync(
        IEnumerable<(string Key, string Name)> districts, CancellationToken cancellationToken)
    {
        var groups = await db.RespondentGroups.AsNoTracking().OrderBy(g => g.IsEstablishment ? 0 : 1).ThenBy(g => g.Code)
            .Select(g => new ValueLabel(g.Code, g.Name)).ToListAsync(cancellationToken);
        var sizes = await db.SizeClasses.AsNoTracking().OrderBy(c => c.SortOrder).Select(c => new ValueLabel(c.Code, c.Label)).ToListAsync(cancellationToken);
        var sectors = await db.Sectors.AsNoTracking().Where(c => c.Classification == Sector.Wz2008).OrderBy(c => c.Code)
            .Select(c => new ValueLabel(c.Code, c.Name)).ToListAsync(cancellationToken);
        return new Dictionary<string, IReadOnlyList<ValueLabel>>
        {
            ["kreis"] = districts.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => new ValueLabel(d.Key, d.Name)).ToList(),
            ["befragtengruppe"] = groups,
            ["wirtschaftszweig"] = sectors,
            ["groessenklasse"] = sizes,
        };
    }

    /// <summary>"3. Quartal 2026" or "1. Quartal 2025 bis 4. Quartal 2026".</summary>
    public static string PeriodText(Quarter first, Quarter last) =>
        first == last ? first.ToGermanLongString() : $"{first.ToGermanLongString()} bis {last.ToGermanLongString()}";

    /// <summary>"analysedaten-mehrwert-2026-Q3" or "analysedaten-mehrwert-2025-Q1-2026-Q4".</summary>
    public static string FileStem(string networkKey, Quarter first, Quarter last) =>
        first == last ? $"analysedaten-{networkKey}-{first}" : $"analysedaten-{networkKey}-{first}-{last}";

    /// <summary>PostgreSQL orders uuids by their bytes in big-endian order; .NET's Guid comparison differs.</summary>
    private static int CompareAsPostgres(Guid left, Guid right)
    {
        Span<byte> a = stackalloc byte[16];
        Span<byte> b = stackalloc byte[16];
        left.TryWriteBytes(a, bigEndian: true, out _);
        right.TryWriteBytes(b, bigEndian: true, out _);
        return a.SequenceCompareTo(b);
    }

    private static int QuarterCount(Quarter first, Quarter last) => (last.Year - first.Year) * 4 + last.Number - first.Number + 1;

    /// <summary>
    /// The completed interviews of the versions, in interview id order: their facts first (small, held in memory),
    /// then the answers streamed in the same order and merged, one interview at a time.
    /// </summary>
    private async IAsyncEnumerable<InterviewRow> RowsAsync(
        int networkId, int[] versionIds, DateOnly from, DateOnly to, FlatLayout layout, IReadOnlyDictionary<string, string> districtNames,
        IReadOnlyDictionary<Quarter, PeriodWeights> quarterWeights, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (versionIds.Length == 0)
        {
            yield break;
        }

        var interviews = await db.Interviews.AsNoTracking()
            .Where(i => i.NetworkId == networkId && i.Status == Interview.Completed && versionIds.Contains(i.QuestionnaireVersionId) && i.ConductedOn >= from && i.ConductedOn < to)
            .OrderBy(i => i.Id)
            .Select(i => new
            {
                i.Id, i.QuestionnaireVersion!.Number, i.DistrictKey, i.RespondentGroupCode, i.ConductedOn,
                Pseudonym = i.Establishment!.Pseudonym, Sector = i.Establishment.SectorCode, Headcount = i.Establishment.Headcount,
            })
            .ToListAsync(cancellationToken);

        // A variable that a version does not have stays empty for its interviews (not 0 for an option never offered).
        var absent = interviews.Select(i => i.Number).Distinct().ToDictionary(v => v, v => layout.Columns.Select((c, index) => (c, index))
            .Where(x => !x.c.Versions.Contains(v)).Select(x => x.index).ToArray());

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var opened = connection.State != ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(cancellationToken);
        }

        try
        {
            // The answers of exactly these interviews: an index scan over their ids reads only this questionnaire's
            // answers (a join read every answer of the network's period, those of the other questionnaire too).
            await using var command = new NpgsqlCommand(
                """
                SELECT a.interview_id, a.question, a.item, a.position, a.code, a.number, a.text, a.date
                FROM answers a
                WHERE a.interview_id = ANY(@ids)
                ORDER BY a.interview_id, a.question, a.item, a.position
                """, connection);
            command.Parameters.AddWithValue("ids", interviews.Select(i => i.Id).ToArray());
            command.CommandTimeout = 0;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var pending = await reader.ReadAsync(cancellationToken);
            var rows = new List<AnswerRow>(64);
            var mapper = new AnswerCellMapper(layout);
            foreach (var interview in interviews)
            {
                rows.Clear();
                // Answers of an interview completed after the list above was read come before or between; skip them.
                while (pending && CompareAsPostgres(reader.GetGuid(0), interview.Id) < 0)
                {
                    pending = await reader.ReadAsync(cancellationToken);
                }

                while (pending && reader.GetGuid(0) == interview.Id)
                {
                    rows.Add(new AnswerRow(
                        reader.GetString(1), reader.GetString(2), reader.GetInt16(3),
                        reader.IsDBNull(4) ? null : reader.GetString(4),
                        reader.IsDBNull(5) ? null : reader.GetDecimal(5),
                        reader.IsDBNull(6) ? null : reader.GetString(6),
                        reader.IsDBNull(7) ? null : reader.GetFieldValue<DateOnly>(7)));
                    pending = await reader.ReadAsync(cancellationToken);
                }

                var cells = mapper.Cells(rows);
                foreach (var index in absent[interview.Number])
                {
                    cells[index] = null;
                }

                // The establishment's facts as the interview gave them, the stratum the engine weights by; the
                // registered establishment only where an interview lacks them.
                var stratum = InterviewStratum.Of(rows);
                var quarter = Quarter.Of(interview.ConductedOn);
                var weight = quarterWeights.TryGetValue(quarter, out var periodWeights)
                    ? periodWeights.Weight(interview.RespondentGroupCode, interview.DistrictKey, stratum.SizeClass ?? "", stratum.SectorGroup ?? "")
                    : 1.0;
                yield return new InterviewRow(
                    interview.Id, interview.Number, interview.DistrictKey, districtNames.GetValueOrDefault(interview.DistrictKey, ""),
                    interview.RespondentGroupCode, interview.ConductedOn, quarter.ToString(), interview.Pseudonym,
                    stratum.Sector ?? interview.Sector, stratum.SizeClass ?? (interview.Headcount is { } h ? SizeClass.Of(h)?.Code : null), weight, cells);
            }
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }
    }
}

/// <summary>A planned export: the workbook model, the file name stem and what the archive records about it.</summary>
public sealed record PlannedExport(
    AnalystWorkbookModel Workbook, string FileStem, IReadOnlyList<int> QuestionnaireVersionIds, int Interviews, string ModelSnapshotJson, string TemplateVersion)
{
    public string WorkbookFileName => FileStem + ".xlsx";
}
