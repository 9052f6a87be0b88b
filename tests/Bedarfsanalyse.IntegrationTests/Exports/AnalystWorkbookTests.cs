using System.Diagnostics;
using System.Text;
using Bedarfsanalyse.Core.Periods;
using Bedarfsanalyse.Core.Questionnaires.Network;
using Bedarfsanalyse.Data.Establishments;
using Bedarfsanalyse.Data.Interviews;
using Bedarfsanalyse.Data.Reports;
using Bedarfsanalyse.IntegrationTests.Reports;
using Bedarfsanalyse.Reports.Excel;
using Bedarfsanalyse.Reports.Export;
using Bedarfsanalyse.Reports.Quarterly;
using Bedarfsanalyse.Testing;
using Bedarfsanalyse.Web.Features.Exports;
using Bedarfsanalyse.Web.Features.Questionnaires;
using Bedarfsanalyse.Web.Features.ReportRequests;
using Bedarfsanalyse.Web.Features.Reports;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bedarfsanalyse.IntegrationTests.Exports;

/// <summary>The analyst workbook of the report test data, read back with ClosedXML and LibreOffice and compared with the database.</summary>
public sealed class AnalystWorkbookTests(TestDatabase database) : AppTest(database), IDisposable
{
    private const string CompanyName = "Müller Metallbau GmbH";
    private const string Pseudonym = "B-TEST42";
    private const string FormulaText = "=HYPERLINK(\"http://example.invalid\";\"klick\")\u0001\u0007 Ende";
    private static readonly Quarter Q3 = new(2026, 3);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "export-" + Guid.NewGuid().ToString("N")[..8]);
    private Guid _linkedInterview;
    private Guid _registryOnlyInterview;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using (var scope = App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<NetworkQuestionnaireSetup>().EnsurePublishedAsync(CancellationToken.None);
        }

        await using var db = CreateDb();
        await ReportDataset.SeedAsync(db);

        // Two employer interviews belong to a registered establishment with a name (in the registry: sector A, 2,000
        // employees, which none of the interviews says). One carries a formula-like remark and large expenses; the
        // other lost its sector and headcount answers, so only the registry knows them.
        var establishment = new Establishment
        {
            Id = Guid.NewGuid(), NetworkId = 1, DistrictKey = Holzminden, Pseudonym = Pseudonym, SectorClassification = "WZ2008",
            SectorCode = "A", Headcount = 2000, CreatedAt = DateTimeOffset.UtcNow,
            Contact = new EstablishmentContact { Name = CompanyName, City = "Holzminden", UpdatedAt = DateTimeOffset.UtcNow },
        };
        db.Establishments.Add(establishment);
        var interviews = await db.Interviews.Where(i => i.DistrictKey == Holzminden && i.RespondentGroupCode == "establishment" && i.ConductedOn == ReportDataset.Q3Day)
            .OrderBy(i => i.Id).Take(2).ToListAsync();
        interviews.ForEach(i => i.EstablishmentId = establishment.Id);
        db.Answers.Add(new Answer { InterviewId = interviews[0].Id, Question = "f_anmerkungen", Text = FormulaText });
        db.Answers.Add(new Answer { InterviewId = interviews[0].Id, Question = "b_ausgaben", Number = 12345.5m });
        await db.SaveChangesAsync();
        await db.Answers.Where(a => a.InterviewId == interviews[1].Id && (a.Question == "a_wz" || a.Question == "a_groessenklasse")).ExecuteDeleteAsync();
        _linkedInterview = interviews[0].Id;
        _registryOnlyInterview = interviews[1].Id;
    }

    private async Task<PlannedExport> PlanAsync(Quarter first, Quarter? last = null)
    {
        var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NetworkExport>().PlanAsync(Network, first, last ?? first, null, CancellationToken.None);
    }

    private async Task<XLWorkbook> WorkbookAsync(Quarter first, Quarter? last = null)
    {
        var planned = await PlanAsync(first, last);
        var output = new MemoryStream();
        await AnalystWorkbookWriter.WriteAsync(planned.Workbook, output);
        output.Position = 0;
        return new XLWorkbook(output);
    }

    private static List<Dictionary<string, string>> Rows(IXLWorksheet sheet)
    {
        var headers = sheet.Row(1).CellsUsed().Select(c => c.GetString()).ToList();
        return sheet.RowsUsed().Skip(1).Select(r => headers.Select((h, i) => (h, v: r.Cell(i + 1).GetString())).ToDictionary(x => x.h, x => x.v)).ToList();
    }

    // A figure sheet has its title and note above the table; the table starts at the row headed "Abschnitt".
    private static List<Dictionary<string, string>> FigureRows(IXLWorksheet sheet)
    {
        var header = sheet.RowsUsed().First(r => r.Cell(1).GetString() == "Abschnitt");
        var headers = header.CellsUsed().Select(c => c.GetString()).ToList();
        return sheet.RowsUsed().Where(r => r.RowNumber() > header.RowNumber())
            .Select(r => headers.Select((h, i) => (h, v: r.Cell(i + 1).GetString())).ToDictionary(x => x.h, x => x.v)).ToList();
    }

    private async Task<Dictionary<Guid, List<Answer>>> AnswersAsync(string question)
    {
        await using var db = CreateDb();
        return (await db.Answers.AsNoTracking().Where(a => a.Question == question).ToListAsync()).GroupBy(a => a.InterviewId).ToDictionary(g => g.Key, g => g.ToList());
    }

    [Fact]
    public async Task The_workbook_has_cover_codebook_a_data_sheet_per_questionnaire_and_the_figure_sheets_each_a_table_with_frozen_header()
    {
        using var workbook = await WorkbookAsync(Q3);

        workbook.Worksheets.Select(w => w.Name).ShouldBe(
        [
            "Deckblatt", "Codebuch", "Daten arbeitgeber", "Daten beschaeftigte", "Verbund",
            "Kreis 03251", "Kreis 03252", "Kreis 03255", "Kreis 03256", "Kreis 03257", "Kreis 03453", "Kreis 03460", "Zeitverlauf",
        ]);
        foreach (var sheet in workbook.Worksheets)
        {
            sheet.Tables.Count().ShouldBe(1, sheet.Name);
            sheet.Tables.First().ShowAutoFilter.ShouldBeTrue(sheet.Name);
            sheet.SheetView.SplitRow.ShouldBeGreaterThan(0, sheet.Name);
            sheet.Column(1).Width.ShouldBeGreaterThan(5, sheet.Name);
        }

        var cover = workbook.Worksheet("Deckblatt");
        var lines = cover.RowsUsed().ToDictionary(r => r.Cell(1).GetString(), r => r.Cell(2).GetString());
        lines["Verbund"].ShouldBe("Weiterbildungsverbund MehrWert (mehrwert)");
        lines["Zeitraum"].ShouldBe("3. Quartal 2026 (01.07.2026 bis 30.09.2026)");
        lines["Erstellt am"].ShouldMatch(@"^\d\d\.\d\d\.\d{4}, \d\d:\d\d Uhr$");
        lines.Values.ShouldContain(v => v.StartsWith("54 abgeschlossene Interviews, Fragebogenversion 1", StringComparison.Ordinal));
        lines["Geheimhaltung"].ShouldContain("weniger als 3 Befragten");
    }

    [Fact]
    public async Task A_data_sheet_has_one_row_per_completed_interview_with_the_answers_of_the_database_and_multiple_choice_as_0_1()
    {
        using var workbook = await WorkbookAsync(Q3);
        var rows = Rows(workbook.Worksheet("Daten arbeitgeber"));
        var supported = await AnswersAsync("b_gefoerdert");
        var topics = await AnswersAsync("c_themen");

        rows.Count.ShouldBe(ReportDataset.HolzmindenEmployers + 12 + 2);
        rows.Count(r => r["kreis"] == Holzminden && r["b_gefoerdert"] == "ja").ShouldBe(ReportDataset.HolzmindenSupported);
        foreach (var row in rows)
        {
            var id = Guid.Parse(row["interview_id"]);
            row["b_gefoerdert"].ShouldBe(supported[id].Single().Code);
            row["quartal"].ShouldBe("2026-Q3");
            row["einwilligung"].ShouldBe("1");
            var chosen = topics[id].Select(a => a.Code!).ToHashSet();
            foreach (var topic in new[] { "digital_grundlagen", "it_sicherheit", "ki", "fuehrung", "kommunikation", "fachlich" })
            {
                row["c_themen_" + topic].ShouldBe(chosen.Contains(topic) ? "1" : "0", $"{id} {topic}");
            }
        }

        var sheet = workbook.Worksheet("Daten arbeitgeber");
        var datum = sheet.Row(1).CellsUsed().First(c => c.GetString() == "datum").Address.ColumnNumber;
        sheet.Cell(2, datum).GetDateTime().ShouldBe(new DateTime(2026, 8, 12));
        sheet.Cell(2, datum).Style.NumberFormat.Format.ShouldBe("dd\\.mm\\.yyyy");
        Rows(workbook.Worksheet("Daten beschaeftigte")).Count.ShouldBe(24);
    }

    [Fact]
    public async Task Establishments_appear_only_by_pseudonym_never_by_name()
    {
        using var workbook = await WorkbookAsync(Q3);

        var rows = Rows(workbook.Worksheet("Daten arbeitgeber"));
        rows.Where(r => r["pseudonym"] == Pseudonym).Select(r => r["interview_id"]).ShouldBe([_linkedInterview.ToString(), _registryOnlyInterview.ToString()], ignoreOrder: true);
        workbook.Worksheets.SelectMany(w => w.CellsUsed()).ShouldNotContain(c => c.GetString().Contains("Müller", StringComparison.Ordinal));
        rows.Where(r => r["interview_id"] != _linkedInterview.ToString() && r["interview_id"] != _registryOnlyInterview.ToString()).ShouldAllBe(r => r["pseudonym"] == "");
    }

    [Fact]
    public async Task Sector_and_size_class_are_the_interview_s_own_answers_and_the_registry_s_only_where_it_has_none()
    {
        using var workbook = await WorkbookAsync(Q3);
        var sectors = await AnswersAsync("a_wz");
        var sizes = await AnswersAsync("a_groessenklasse");

        var rows = Rows(workbook.Worksheet("Daten arbeitgeber"));

        foreach (var row in rows.Where(r => r["interview_id"] != _registryOnlyInterview.ToString()))
        {
            var id = Guid.Parse(row["interview_id"]);
            row["wirtschaftszweig"].ShouldBe(sectors[id].Single().Code);
            row["groessenklasse"].ShouldBe(sizes[id].Single().Text);
        }

        var linked = rows.Single(r => r["interview_id"] == _linkedInterview.ToString());
        linked["wirtschaftszweig"].ShouldNotBe("A");
        linked["groessenklasse"].ShouldNotBe("250+");
        var registryOnly = rows.Single(r => r["interview_id"] == _registryOnlyInterview.ToString());
        registryOnly["wirtschaftszweig"].ShouldBe("A");
        registryOnly["groessenklasse"].ShouldBe("250+");
        rows.Select(r => r["groessenklasse"]).Distinct().Count().ShouldBeGreaterThan(2);
    }

    [Fact]
    public async Task Text_that_looks_like_a_formula_is_text_without_control_characters()
    {
        using var workbook = await WorkbookAsync(Q3);
        var sheet = workbook.Worksheet("Daten arbeitgeber");
        var column = sheet.Row(1).CellsUsed().First(c => c.GetString() == "f_anmerkungen").Address.ColumnNumber;
        var cell = sheet.Column(column).CellsUsed().Single(c => c.GetString().StartsWith('='));

        cell.HasFormula.ShouldBeFalse();
        cell.DataType.ShouldBe(XLDataType.Text);
        cell.GetString().ShouldBe("=HYPERLINK(\"http://example.invalid\";\"klick\") Ende");

        var planned = await PlanAsync(Q3);
        using var csv = new MemoryStream();
        await DataCsvWriter.WriteAsync(planned.Workbook.DataSets.Single(d => d.Key == NetworkQuestionnaires.EmployerKey), csv);
        Encoding.UTF8.GetString(csv.ToArray()).ShouldContain("\"'=HYPERLINK(\"\"http://example.invalid\"\";\"\"klick\"\") Ende\"");
    }

    [Fact]
    public async Task The_codebook_lists_every_variable_with_question_codes_labels_and_versions()
    {
        using var workbook = await WorkbookAsync(Q3);
        var codebook = workbook.Worksheet("Codebuch");
        var headerRow = codebook.RowsUsed().First(r => r.Cell(1).GetString() == "Fragebogen").RowNumber();
        var variables = codebook.RowsUsed().Where(r => r.RowNumber() > headerRow)
            .ToDictionary(r => (r.Cell(1).GetString(), r.Cell(2).GetString()), r => r);
        var planned = await PlanAsync(Q3);

        foreach (var set in planned.Workbook.DataSets)
        {
            foreach (var column in set.Layout.Columns)
            {
                variables.ShouldContainKey((set.Title, column.Name));
            }

            foreach (var column in InterviewColumns.All)
            {
                variables.ShouldContainKey((set.Title, column.Name));
            }
        }

        var employer = planned.Workbook.DataSets.Single(d => d.Key == NetworkQuestionnaires.EmployerKey).Title;
        var supported = variables[(employer, "b_gefoerdert")];
        supported.Cell(3).GetString().ShouldNotBeEmpty();
        supported.Cell(4).GetString().ShouldBe("Ja/Nein");
        supported.Cell(6).GetString().ShouldContain("ja = Ja");
        supported.Cell(7).GetString().ShouldBe("1");
        variables[(employer, "c_themen_ki")].Cell(6).GetString().ShouldBe("0 = nicht genannt; 1 = genannt");

        // The leading columns are labelled too, from the network and the reference data.
        variables[(employer, "befragtengruppe")].Cell(6).GetString().ShouldStartWith("establishment = Betriebe; ");
        variables[(employer, "befragtengruppe")].Cell(6).GetString().ShouldContain("apprentices = Auszubildende");
        variables[(employer, "groessenklasse")].Cell(6).GetString().ShouldBe("1-9 = 1–9 Beschäftigte; 10-49 = 10–49 Beschäftigte; 50-249 = 50–249 Beschäftigte; 250+ = 250 und mehr Beschäftigte");
        variables[(employer, "wirtschaftszweig")].Cell(6).GetString().ShouldStartWith("A = Land- und Forstwirtschaft, Fischerei; B = ");
        variables[(employer, "kreis")].Cell(6).GetString().ShouldContain("03255 = Holzminden");
        variables[(employer, "einwilligung")].Cell(6).GetString().ShouldBe("1 = ja");
        variables[(employer, "gewicht")].Cell(3).GetString().ShouldContain("1 = ungewichtet");
        codebook.Cell(2, 1).GetString().ShouldContain("Apostroph");
    }

    [Fact]
    public async Task The_district_sheets_show_the_figures_of_the_quarterly_report_with_symbols()
    {
        using var workbook = await WorkbookAsync(Q3);
        IDistrictReportData model;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            model = (await scope.ServiceProvider.GetRequiredService<IDistrictReportSource>().LoadAsync(Network, Holzminden, Q3, CancellationToken.None)).Data;
        }

        var share = model.Share(NetworkQuestionnaires.EmployerKey, "b_gefoerdert", "ja");
        var holzminden = workbook.Worksheet("Kreis 03255");
        var line = holzminden.RowsUsed().First(r => r.Cell(2).GetString() == "Betriebe, die Weiterbildung unterstützt haben");
        line.Cell(4).GetString().ShouldBe(share.Text);
        line.Cell(4).GetString().ShouldBe("42,5 %");
        line.Cell(5).GetString().ShouldBe(share.IntervalText);
        line.Cell(6).GetDouble().ShouldBe(ReportDataset.HolzmindenEmployers);
        line.Cell(7).GetDouble().ShouldBe(42.5);

        var schaumburg = workbook.Worksheet("Kreis 03257").RowsUsed().First(r => r.Cell(2).GetString() == "Betriebe, die Weiterbildung unterstützt haben");
        schaumburg.Cell(4).GetString().ShouldBeOneOf(".", "/", "–");
        schaumburg.Cell(7).IsEmpty().ShouldBeTrue();

        workbook.Worksheet("Verbund").RowsUsed().ShouldContain(r => r.Cell(1).GetString() == "Verbund insgesamt");
    }

    [Fact]
    public async Task The_district_sheets_have_the_report_s_number_and_matrix_figures_and_a_row_with_a_hidden_answer_shows_only_symbols()
    {
        // In Holzminden only one establishment names "KI" as due in 3-5 years: that answer is hidden, and with it the row.
        await using (var db = CreateDb())
        {
            var later = db.Answers.Where(a => a.Question == "c_dringlichkeit" && a.Item == "ki" && a.Code == "j3_5"
                && db.Interviews.Any(i => i.Id == a.InterviewId && i.DistrictKey == Holzminden && i.ConductedOn == ReportDataset.Q3Day));
            var keep = await later.OrderBy(a => a.InterviewId).Select(a => a.InterviewId).FirstAsync();
            await later.Where(a => a.InterviewId != keep).ExecuteUpdateAsync(u => u.SetProperty(a => a.Code, "jetzt"));
        }

        using var workbook = await WorkbookAsync(Q3);
        IDistrictReportData model;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            model = (await scope.ServiceProvider.GetRequiredService<IDistrictReportSource>().LoadAsync(Network, Holzminden, Q3, CancellationToken.None)).Data;
        }

        var rows = FigureRows(workbook.Worksheet("Kreis 03255"));

        var vacancies = model.Number(NetworkQuestionnaires.EmployerKey, "f_anzahl_stellen");
        var numberRows = rows.Where(r => r["Kennzahl"] == "Schwer zu besetzende Stellen").ToDictionary(r => r["Antwort"]);
        numberRows.Keys.ShouldBe(["Summe", "Mittelwert", "Median"]);
        numberRows["Summe"]["Wert"].ShouldBe(vacancies.SumText);
        numberRows["Mittelwert"]["Wert"].ShouldBe(vacancies.MeanText);
        numberRows["Mittelwert"]["Wert"].ShouldMatch(@"^\(?\d+,\d\)?$");
        numberRows["Mittelwert"]["95-%-Konfidenzintervall"].ShouldBe(vacancies.MeanIntervalText);
        numberRows["Median"]["Wert"].ShouldBe(vacancies.MedianText);
        numberRows["Median"]["n (ungewichtet)"].ShouldBe(vacancies.NText.Replace(".", "", StringComparison.Ordinal));

        var urgency = model.Matrix(NetworkQuestionnaires.EmployerKey, "c_dringlichkeit");
        var matrixRows = rows.Where(r => r["Kennzahl"] == "Wie dringend der Bedarf ist, nach Thema").ToDictionary(r => r["Antwort"], r => r["Wert"]);
        matrixRows.Count.ShouldBe(urgency.Rows.Sum(l => l.Shares.Count));
        var ki = urgency.Rows.Single(l => l.Label == "Künstliche Intelligenz");
        ki.HiddenShare.ShouldNotBeNull();
        ki.Shares.ShouldContain(s => s.ShownPercent != null, "the answers beside the hidden one could be shown on their own");
        matrixRows.Where(p => p.Key.StartsWith("Künstliche Intelligenz – ", StringComparison.Ordinal)).ShouldAllBe(p => !p.Value.Contains('%'));
        foreach (var line in urgency.Rows)
        {
            foreach (var share in line.Shares)
            {
                matrixRows[$"{line.Label} – {share.Label}"].ShouldBe(line.HiddenShare is { } hidden ? hidden.Text : share.Text);
            }
        }

        matrixRows.Values.ShouldContain(v => v.Contains(" %", StringComparison.Ordinal), string.Join(" | ", matrixRows.Select(p => p.Key + ": " + p.Value)));
    }

    [Fact]
    public async Task The_trend_sheet_shows_the_points_and_changes_of_the_report_s_trend()
    {
        using var workbook = await WorkbookAsync(Q3);
        IDistrictReportData model;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            model = (await scope.ServiceProvider.GetRequiredService<IDistrictReportSource>().LoadAsync(Network, Holzminden, Q3, CancellationToken.None)).Data;
        }

        var trend = model.Trend(NetworkQuestionnaires.EmployerKey, "b_gefoerdert", "ja");
        var lines = workbook.Worksheet("Zeitverlauf").RowsUsed()
            .Where(r => r.Cell(1).GetString() == Holzminden && r.Cell(3).GetString() == "Betriebe, die Weiterbildung unterstützt haben")
            .ToList();

        lines.Select(l => l.Cell(4).GetString()).ShouldBe(trend.Points.Select(p => p.Quarter.ToString()).ToList());
        for (var i = 0; i < lines.Count; i++)
        {
            var point = trend.Points[i];
            lines[i].Cell(5).GetString().ShouldBe(point.Quarterly.Text);
            lines[i].Cell(6).GetString().ShouldBe(point.Quarterly.IntervalText);
            lines[i].Cell(7).GetDouble().ShouldBe(point.Quarterly.Estimate.UnweightedN);
            lines[i].Cell(9).GetString().ShouldBe(point.Rolling?.Text ?? "–");
        }

        var current = lines.Single(l => l.Cell(4).GetString() == "2026-Q3");
        current.Cell(5).GetString().ShouldBe("42,5 %");
        lines.Single(l => l.Cell(4).GetString() == "2025-Q3").Cell(5).GetString().ShouldNotBeOneOf(".", "/", "–", "");
        trend.ChangeToSameQuarterPreviousYear!.HasData.ShouldBeTrue();
        current.Cell(11).GetString().ShouldBe(Core.Formatting.GermanFigureFormat.Change(trend.ChangeToSameQuarterPreviousYear));
        current.Cell(12).GetString().ShouldBe(Core.Formatting.GermanFigureFormat.PercentagePointInterval(trend.ChangeToSameQuarterPreviousYear.Interval!.Value));
        current.Cell(12).GetString().ShouldContain("Prozentpunkte");
    }

    [Fact]
    public async Task An_empty_period_says_so_on_the_cover_and_has_data_sheets_with_headers_only()
    {
        using var workbook = await WorkbookAsync(new Quarter(2024, 1));

        workbook.Worksheet("Deckblatt").CellsUsed().ShouldContain(c => c.GetString().StartsWith("Im Zeitraum gibt es keine abgeschlossenen Interviews", StringComparison.Ordinal));
        Rows(workbook.Worksheet("Daten arbeitgeber")).ShouldBeEmpty();
        workbook.Worksheet("Daten arbeitgeber").Row(1).Cell(1).GetString().ShouldBe("interview_id");
    }

    [Fact]
    public async Task LibreOffice_in_German_shows_every_cell_of_the_data_sheet_as_ClosedXML_reads_it_in_German_formats()
    {
        Directory.CreateDirectory(_folder);
        var planned = await PlanAsync(Q3);
        var file = Path.Combine(_folder, planned.WorkbookFileName);
        await using (var output = File.Create(file))
        {
            await AnalystWorkbookWriter.WriteAsync(planned.Workbook, output);
        }

        // Sheet 3 is the employer data sheet, written as LibreOffice shows it in a German locale: 59 = semicolon,
        // 34 = quote, 76 = UTF-8, 1031 = German, "true" in the ninth place = as shown (number formats applied).
        var start = new ProcessStartInfo("soffice")
        {
            ArgumentList =
            {
                $"-env:UserInstallation=file://{_folder}/lo-profile", "--headless", "--convert-to",
                "csv:Text - txt - csv (StarCalc):59,34,76,1,,1031,false,true,true,false,false,3", "--outdir", _folder, file,
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["LANG"] = "de_DE.UTF-8", ["LC_ALL"] = "de_DE.UTF-8" },
        };
        using (var soffice = Process.Start(start)!)
        {
            await soffice.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(120));
            soffice.ExitCode.ShouldBe(0, await soffice.StandardError.ReadToEndAsync());
        }

        var csv = Directory.GetFiles(_folder, "*Daten arbeitgeber.csv").ShouldHaveSingleItem();
        var lines = CsvLines(await File.ReadAllTextAsync(csv));
        using var workbook = new XLWorkbook(file);
        var sheet = workbook.Worksheet("Daten arbeitgeber");
        var columns = AnalystWorkbookWriter.DataColumns(planned.Workbook.DataSets.Single(d => d.Key == NetworkQuestionnaires.EmployerKey).Layout);

        lines[0].ShouldBe(columns.Select(c => c.Header).ToList());
        lines.Count.ShouldBe(1 + 54);
        var german = System.Globalization.CultureInfo.GetCultureInfo("de-DE");
        for (var r = 1; r < lines.Count; r++)
        {
            for (var c = 0; c < columns.Count; c++)
            {
                var cell = sheet.Cell(r + 1, c + 1);
                var expected = cell.IsEmpty() ? "" : columns[c].Kind switch
                {
                    DataColumnKind.Integer => cell.GetDouble().ToString("#,##0", german),
                    DataColumnKind.Decimal => cell.GetDouble().ToString("#,##0.0##", german),
                    DataColumnKind.Date => cell.GetDateTime().ToString("dd.MM.yyyy", german),
                    _ => cell.GetString(),
                };
                lines[r][c].ShouldBe(expected, $"row {r + 1}, {columns[c].Header}");
            }
        }

        // What the user sees: German separators, German dates, and the formula-like remark as its text.
        var headers = lines[0];
        var linked = lines.Single(l => l[headers.IndexOf("interview_id")] == _linkedInterview.ToString());
        linked[headers.IndexOf("b_ausgaben")].ShouldBe("12.345,5");
        linked[headers.IndexOf("datum")].ShouldBe("12.08.2026");
        linked[headers.IndexOf("gewicht")].ShouldBe("1,0");
        linked[headers.IndexOf("f_anmerkungen")].ShouldBe("=HYPERLINK(\"http://example.invalid\";\"klick\") Ende");
        sheet.Column(headers.IndexOf("interview_id") + 1).Width.ShouldBeGreaterThanOrEqualTo(36);
        sheet.Column(headers.IndexOf("f_anmerkungen") + 1).Width.ShouldBeGreaterThan(sheet.Column(headers.IndexOf("c_themen_ki") + 1).Width);
        sheet.Column(headers.IndexOf("c_themen_ki") + 1).Width.ShouldBeGreaterThanOrEqualTo("c_themen_ki".Length);
    }

    /// <summary>Semicolon CSV with quoted fields (which may hold semicolons, quotes and line breaks).</summary>
    private static List<List<string>> CsvLines(string text)
    {
        var lines = new List<List<string>>();
        var line = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ';')
            {
                line.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                line.Add(field.ToString().TrimEnd('\r'));
                field.Clear();
                lines.Add(line);
                line = [];
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || line.Count > 0)
        {
            line.Add(field.ToString());
            lines.Add(line);
        }

        return [.. lines.Where(l => l.Count > 1 || l[0].Length > 0)];
    }

    [Fact]
    public async Task The_CSV_has_BOM_semicolons_and_the_SPSS_syntax_labels_every_variable()
    {
        var planned = await PlanAsync(Q3);
        var set = planned.Workbook.DataSets.Single(d => d.Key == NetworkQuestionnaires.EmployerKey);
        using var csv = new MemoryStream();
        var rows = await DataCsvWriter.WriteAsync(set, csv);
        var bytes = csv.ToArray();
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var syntax = SpssSyntaxWriter.Write(set, "daten.csv");

        rows.ShouldBe(54);
        bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        lines[0].Split(';').ShouldBe([.. InterviewColumns.All.Select(c => c.Name), .. set.Layout.Columns.Select(c => c.Name)]);
        lines.Length.ShouldBe(55);
        syntax.ShouldContain("/FILE='daten.csv'");
        syntax.ShouldContain("/DELIMITERS=\";\"");
        syntax.ShouldContain("SET DECIMAL=COMMA.");
        foreach (var column in lines[0].Split(';'))
        {
            syntax.ShouldContain($"\n    {column} ");
            syntax.ShouldContain($"\n  {column} '");
        }

        syntax.ShouldContain("\n  c_themen_ki\n    0 'nicht genannt'\n    1 'genannt'\n");
        syntax.ShouldContain("\n  b_gefoerdert\n    'ja' 'Ja'\n");
        syntax.ShouldContain("    datum EDATE10\n");
        syntax.ShouldContain("\n  befragtengruppe\n    'establishment' 'Betriebe'\n");
        syntax.ShouldContain("\n  groessenklasse\n    '1-9' '1–9 Beschäftigte'\n");
        syntax.ShouldContain("\n  kreis\n    '03251' 'Diepholz'\n");
        syntax.ShouldContain("    gewicht F14.4\n");
        syntax.ShouldContain("SUBSTR(v, 2)");
    }

    [Fact]
    public async Task An_analyst_asks_for_the_workbook_on_the_request_page_and_the_report_job_archives_it()
    {
        using var analyst = await App.SignInAsync("analyst@example.org");
        var (_, form) = await analyst.GetPageAsync("/berichte/anfordern");
        form.QuerySelector("input[name='Form.Kind'][value='xlsx']").ShouldNotBeNull();
        var response = await analyst.SubmitAsync("/berichte/anfordern", new Dictionary<string, string> { ["Form.Kind"] = "xlsx", ["Form.Quarter"] = "2026-Q3" });
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);
        var id = Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]);

        await using (var scope = App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ReportJob>().RunAsync(id, CancellationToken.None);
        }

        await using var db = CreateDb();
        var request = await db.ReportRequests.SingleAsync(r => r.Id == id);
        request.Status.ShouldBe(ReportRequest.Done, request.Error);
        var artifact = await db.ReportArtifacts.SingleAsync(a => a.Id == request.ArtifactId);
        artifact.FileName.ShouldBe("analysedaten-mehrwert-2026-Q3.xlsx");
        artifact.QuestionnaireVersionIds.Length.ShouldBe(2);
        artifact.ModelSnapshot.ShouldContain("\"network\": \"mehrwert\"");
        var content = await db.ArtifactContents.Where(c => c.ArtifactId == artifact.Id).Select(c => c.Content).SingleAsync();
        using var workbook = new XLWorkbook(new MemoryStream(content));
        workbook.Worksheet("Daten arbeitgeber").RowsUsed().Count().ShouldBe(55);
    }

    [Fact]
    public async Task The_report_job_s_workbook_of_a_range_moves_its_progress_while_the_rows_are_written()
    {
        var percentages = new List<int>();
        GeneratedArtifact artifact;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var generator = scope.ServiceProvider.GetServices<IArtifactGenerator>().Single(g => g.Kind == "xlsx");
            var request = new ReportRequest { Kind = "xlsx", NetworkId = 1, PeriodStart = new Quarter(2025, 3).FirstDay, PeriodEnd = Q3.NextFirstDay };
            artifact = await generator.GenerateAsync(request, new RecordingProgress(percentages), CancellationToken.None);
        }

        artifact.FileName.ShouldBe("analysedaten-mehrwert-2025-Q3-2026-Q3.xlsx");
        using var workbook = new XLWorkbook(new MemoryStream(artifact.Content));
        workbook.Worksheet("Daten arbeitgeber").RowsUsed().Count().ShouldBe(1 + 54 + 30);
        percentages.ShouldBe(percentages.Order().ToList());
        percentages.ShouldContain(p => p > 10 && p < 95, string.Join(", ", percentages));
        percentages[^1].ShouldBe(100);
    }

    private sealed class RecordingProgress(List<int> percentages) : IProgress<int>
    {
        public void Report(int value)
        {
            lock (percentages)
            {
                percentages.Add(value);
            }
        }
    }

    [Fact]
    public async Task A_range_of_quarters_takes_the_interviews_of_every_quarter()
    {
        using var workbook = await WorkbookAsync(new Quarter(2025, 3), Q3);

        var rows = Rows(workbook.Worksheet("Daten arbeitgeber"));
        rows.Count.ShouldBe(54 + 30);
        rows.Count(r => r["quartal"] == "2025-Q3").ShouldBe(30);
        workbook.Worksheet("Deckblatt").CellsUsed().ShouldContain(c => c.GetString() == "3. Quartal 2025 bis 3. Quartal 2026 (01.07.2025 bis 30.09.2026)");

        // The figure sheets are the report's of the last quarter, and say so.
        var district = workbook.Worksheet("Kreis 03255");
        district.Cell(1, 1).GetString().ShouldEndWith("3. Quartal 2026");
        district.Cell(2, 1).GetString().ShouldStartWith("Für den Zeitraum 3. Quartal 2025 bis 3. Quartal 2026 wie im Quartalsbericht die Zahlen für das 3. Quartal 2026;");
        workbook.Worksheet("Verbund").Cell(2, 1).GetString().ShouldStartWith("Für den Zeitraum");
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
