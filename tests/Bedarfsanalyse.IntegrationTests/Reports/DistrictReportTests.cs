using Bedarfsanalyse.Core.Periods;
using Bedarfsanalyse.Testing;
using Bedarfsanalyse.Web.Features.Questionnaires;
using Bedarfsanalyse.Web.Features.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;

namespace Bedarfsanalyse.IntegrationTests.Reports;

/// <summary>The quarterly district report from interviews stored in PostgreSQL, read back as a reader sees the PDF.</summary>
public sealed class DistrictReportTests(TestDatabase database) : AppTest(database)
{
    private static readonly Quarter Q3 = new(2026, 3);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<NetworkQuestionnaireSetup>().EnsurePublishedAsync(CancellationToken.None);
        await using var db = CreateDb();
        await ReportDataset.SeedAsync(db);
    }

    /// <param name="app">Another app than the test's (other settings); the test's by default.</param>
    private async Task<(RenderedDistrictReport Report, IReadOnlyList<string> Pages)> RenderAsync(string district, string quarter = "2026-Q3", TestApp? app = null)
    {
        await using var scope = (app ?? App).Services.CreateAsyncScope();
        using var output = new MemoryStream();
        var report = await scope.ServiceProvider.GetRequiredService<DistrictReportRenderer>()
            .RenderAsync(Network, district, quarter, output, CancellationToken.None);
        using var pdf = PdfDocument.Open(output.ToArray());
        return (report, pdf.GetPages().Select(p => string.Join(' ', p.GetWords().Select(w => w.Text)).Replace('\u00A0', ' ')).ToList());
    }

    private async Task<Bedarfsanalyse.Reports.Quarterly.IDistrictReportData> ModelAsync(string district)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<IDistrictReportSource>().LoadAsync(Network, district, Q3, CancellationToken.None)).Data;
    }

    [Fact]
    public async Task The_report_names_district_and_quarter_and_numbers_its_pages()
    {
        var (report, pages) = await RenderAsync(Holzminden);

        pages[0].ShouldContain("Holzminden – 3. Quartal 2026");
        report.Pages.ShouldBe(pages.Count);
        pages[0].ShouldContain($"Seite 1 von {pages.Count}");
        pages[^1].ShouldContain($"Seite {pages.Count} von {pages.Count}");
        report.FileName.ShouldBe("quartalsbericht-mehrwert-03255-2026-Q3.pdf");
        report.TemplateVersion.ShouldBe("2026-1");
        report.ModelSnapshotJson.ShouldContain("\"district_key\":\"03255\"");
    }

    [Fact]
    public async Task The_figures_in_the_PDF_are_the_models_formatted_figures()
    {
        var model = await ModelAsync(Holzminden);
        var supported = model.Share("arbeitgeber", "b_gefoerdert", "ja");

        var (_, pages) = await RenderAsync(Holzminden);
        var text = string.Join(' ', pages);

        supported.Estimate.UnweightedN.ShouldBe(ReportDataset.HolzmindenEmployers);
        supported.Estimate.UnweightedCount.ShouldBe(ReportDataset.HolzmindenSupported);
        supported.Text.ShouldBe("42,5 %");
        text.ShouldContain($"Betriebe, die Weiterbildung unterstützt haben {supported.Text} {supported.IntervalText} 40");
        text.ShouldContain($"Befragt wurden {model.EmployerInterviews} Betriebe und {model.EmployeeInterviews} Beschäftigte.");
    }

    [Fact]
    public async Task The_figures_of_the_quarter_still_in_the_field_reach_the_report_as_provisional_and_earlier_quarters_as_final()
    {
        var current = Quarter.Of(DateOnly.FromDateTime(DateTime.Now));
        await using var scope = App.Services.CreateAsyncScope();
        var data = (await scope.ServiceProvider.GetRequiredService<IDistrictReportSource>().LoadAsync(Network, Holzminden, current, CancellationToken.None)).Data;

        var points = data.Trend("arbeitgeber", "b_gefoerdert", "ja").Points;

        points[^1].Quarter.ShouldBe(current);
        points[^1].Quarterly.Revision.ShouldBe(Bedarfsanalyse.Core.Formatting.FigureRevision.Provisional);
        // An earlier quarter is final once closed, 30 days after its end (in a quarter's first month the one before is not yet).
        var today = DateOnly.FromDateTime(DateTime.Now);
        foreach (var point in points.SkipLast(1))
        {
            point.Quarterly.Revision.ShouldBe(
                today > point.Quarter.LastDay.AddDays(30) ? Bedarfsanalyse.Core.Formatting.FigureRevision.Final : Bedarfsanalyse.Core.Formatting.FigureRevision.Provisional,
                point.Quarter.ToString());
        }
    }

    [Fact]
    public async Task The_employer_results_show_the_vacancies_and_apprenticeship_figures_of_the_model()
    {
        var model = await ModelAsync(Holzminden);
        var vacancies = model.Number("arbeitgeber", "f_anzahl_stellen");
        var contracts = model.Number("arbeitgeber", "b_vertraege_neu");

        var (_, pages) = await RenderAsync(Holzminden);
        var text = string.Join(' ', pages);

        vacancies.SumText.ShouldBe($"({ReportDataset.HolzmindenVacancies})");
        vacancies.MeanText.ShouldBe("(1,9)");
        vacancies.NText.ShouldBe("10");
        text.ShouldContain($"Schwer zu besetzende Stellen {vacancies.SumText} {vacancies.MeanText} {vacancies.MeanIntervalText} {vacancies.MedianText} 10");
        text.ShouldContain($"Neu abgeschlossene Ausbildungsverträge {contracts.SumText} {contracts.MeanText} {contracts.MeanIntervalText} {contracts.MedianText} {contracts.NText}");
        text.ShouldContain("Vorzeitig gelöste Ausbildungsverträge");
    }

    [Fact]
    public async Task Urgency_per_topic_is_drawn_as_stacked_bars_from_the_models_matrix_rows()
    {
        var model = await ModelAsync(Holzminden);
        var rows = model.Matrix("arbeitgeber", "c_dringlichkeit").Rows.Where(r => r.N > 0).ToList();

        var (_, pages) = await RenderAsync(Holzminden);
        var page = pages.Single(p => p.Contains("Wie dringend der Bedarf ist, nach Thema", StringComparison.Ordinal));

        rows.Count.ShouldBe(6);
        rows.Sum(r => r.N).ShouldBe(160);
        foreach (var row in rows)
        {
            // Long labels wrap; their last word stands before the n.
            page.ShouldContain($"{row.Label.Split(' ')[^1]} (n = {row.N})");
            row.Shares.ShouldAllBe(s => s.ShownPercent != null || s.Status.Symbol == Core.Disclosure.CellSymbol.Nothing);
        }

        // The most urgent topic ("jetzt") leads the chart and its share is written into its segment.
        var chart = page[page.IndexOf("Wie dringend der Bedarf ist, nach Thema", StringComparison.Ordinal)..];
        var first = rows.OrderByDescending(r => r.Shares[0].ShownPercent ?? 0).First();
        rows.Min(r => chart.IndexOf($"{r.Label.Split(' ')[^1]} (n = {r.N})", StringComparison.Ordinal))
            .ShouldBe(chart.IndexOf($"{first.Label.Split(' ')[^1]} (n = {first.N})", StringComparison.Ordinal));
        chart.ShouldContain($"{Core.Formatting.GermanFigureFormat.Number(first.Shares[0].ShownPercent!.Value, 0)} %");

        page.ShouldContain("jetzt in 1–2 Jahren in 3–5 Jahren");
    }

    [Fact]
    public async Task The_key_messages_are_computed_from_the_model_and_call_no_unsecured_gap_a_difference()
    {
        var model = await ModelAsync(Holzminden);
        var share = model.Share("arbeitgeber", "b_gefoerdert", "ja");
        var network = model.Regional("arbeitgeber", "b_gefoerdert", "ja").Network;
        var change = model.YearOnYear("arbeitgeber", "b_gefoerdert", "ja");

        var (_, pages) = await RenderAsync(Holzminden);
        var summary = pages.First(p => p.Contains("1 Das Wichtigste in Kürze", StringComparison.Ordinal));

        network.Text.ShouldBe("46,3 %");
        model.CompareWithNetwork("arbeitgeber", "b_gefoerdert", "ja")!.IsStatisticallySecured.ShouldBeFalse();
        summary.ShouldContain($"Betriebe, die Weiterbildung unterstützt haben: in Holzminden {share.Text}, im Verbund {network.Text}; ein Unterschied zum Verbund ist statistisch nicht gesichert.");
        change.Previous.Text.ShouldBe("33,3 %");
        change.Change!.IsStatisticallySecured.ShouldBeFalse();
        summary.ShouldContain("Gegenüber dem 3. Quartal 2025 hat sich keine der Kennzahlen statistisch gesichert verändert.");
        summary.ShouldContain("Häufigster Weiterbildungsbedarf der Betriebe: „");
        summary.ShouldContain("• Feldarbeit im 3. Quartal 2026:");
    }

    [Fact]
    public async Task A_district_with_only_employer_interviews_gets_a_sentence_instead_of_an_empty_heat_map()
    {
        var (_, pages) = await RenderAsync("03252");
        var text = string.Join(' ', pages);

        text.ShouldContain("Für Hameln-Pyrmont liegen im 3. Quartal 2026 keine Interviews mit Beschäftigten vor; Ergebnisse der Beschäftigtengruppen können deshalb nicht ausgewiesen werden.");
        text.ShouldNotContain("Bedarfsthemen nach Beschäftigtengruppe");
        text.ShouldContain("Betriebe, die Weiterbildung unterstützt haben");
    }

    [Fact]
    public async Task The_field_report_shows_the_sector_mix_with_the_reference_labels()
    {
        var (_, pages) = await RenderAsync(Holzminden);
        var text = string.Join(' ', pages);

        text.ShouldContain("B-F Produzierendes Gewerbe 16");
        text.ShouldContain("G-I Handel, Verkehr, Gastgewerbe 8");
        text.ShouldContain("A Land- und Forstwirtschaft, Fischerei –");
        text.ShouldContain("10–49 Beschäftigte");
    }

    [Fact]
    public async Task A_district_with_too_few_interviews_shows_the_symbol_in_the_regional_comparison_and_never_its_share()
    {
        var model = await ModelAsync(Holzminden);
        var schaumburg = model.Regional("arbeitgeber", "b_gefoerdert", "ja").Districts.Single(d => d.DistrictKey == "03257");

        var (_, pages) = await RenderAsync(Holzminden);
        var regional = pages.Single(p => p.Contains("nach Landkreis Gebiet Anteil", StringComparison.Ordinal));

        schaumburg.Share.Text.ShouldBe(".");
        regional.ShouldContain("Schaumburg . . 2");
        regional.ShouldNotContain("Schaumburg 100");
    }

    [Fact]
    public async Task A_district_with_two_interviews_gets_a_one_page_notice_without_a_single_share()
    {
        var (report, pages) = await RenderAsync("03257");

        report.Pages.ShouldBe(1);
        pages[0].ShouldContain("Schaumburg – 3. Quartal 2026");
        pages[0].ShouldContain("Für Schaumburg liegen für das 3. Quartal 2026 nur 2 abgeschlossene Interviews vor.");
        pages[0].ShouldNotContain("%");
    }

    [Fact]
    public async Task A_pdf_request_run_by_the_report_job_archives_the_report_with_template_version_and_snapshot()
    {
        var id = Guid.CreateVersion7();
        await using (var db = CreateDb())
        {
            db.ReportRequests.Add(new Data.Reports.ReportRequest
            {
                Id = id, NetworkId = 1, DistrictKey = Holzminden, Kind = "pdf", PeriodStart = Q3.FirstDay, PeriodEnd = Q3.NextFirstDay,
                RequestedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        await using (var scope = App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Web.Features.ReportRequests.ReportJob>().RunAsync(id, CancellationToken.None);
        }

        await using var check = CreateDb();
        var request = await check.ReportRequests.SingleAsync(r => r.Id == id);
        request.Status.ShouldBe(Data.Reports.ReportRequest.Done, request.Error);
        var artifact = await check.ReportArtifacts.SingleAsync(a => a.Id == request.ArtifactId);
        artifact.FileName.ShouldBe("quartalsbericht-mehrwert-03255-2026-Q3.pdf");
        artifact.TemplateVersion.ShouldBe("2026-1");
        artifact.QuestionnaireVersionIds.Length.ShouldBe(2);
        artifact.ModelSnapshot.ShouldContain("\"district_key\": \"03255\"");
        artifact.SizeBytes.ShouldBeGreaterThan(10_000);
    }

    [Fact]
    public async Task A_quarter_without_interviews_gives_a_short_report_that_says_so()
    {
        var (report, pages) = await RenderAsync(Holzminden, "2024-Q1");

        report.Pages.ShouldBe(1);
        pages[0].ShouldContain("Für Holzminden liegen für das 1. Quartal 2024 keine abgeschlossenen Interviews vor.");
    }

    [Theory]
    [InlineData("gibtsnicht", "03255", "2026-Q3", "Einen Verbund mit dem Schlüssel „gibtsnicht“ gibt es nicht.")]
    [InlineData("mehrwert", "03241", "2026-Q3", "Der Landkreis „03241“ gehört nicht zum Verbund „Weiterbildungsverbund MehrWert“.")]
    [InlineData("mehrwert", "03255", "2026-Q5", "„2026-Q5“ ist kein Quartal. Bitte geben Sie es als 2026-Q3 an.")]
    public async Task A_bad_request_is_refused_in_German(string network, string district, string quarter, string message)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var renderer = scope.ServiceProvider.GetRequiredService<DistrictReportRenderer>();

        var error = await Should.ThrowAsync<ReportRequestException>(() => renderer.RenderAsync(network, district, quarter, Stream.Null, CancellationToken.None));

        error.Message.ShouldStartWith(message);
    }

    [Fact]
    public async Task Configured_disclosure_thresholds_are_the_ones_the_methods_and_the_symbol_table_name()
    {
        await using var app = await TestApp.StartAsync(Database.ConnectionString, new Dictionary<string, string?>
        {
            ["Analysis:MinimumCases"] = "4",
            ["Analysis:MinimumShareBase"] = "15",
            ["Analysis:FullReliabilityBase"] = "40",
        });
        var (_, pages) = await RenderAsync(Holzminden, app: app);
        var text = string.Join(' ', pages);

        text.ShouldContain("Werte aus weniger als 4 Interviews und Anteile mit einer Basis unter 15 Befragten werden nicht veröffentlicht");
        text.ShouldContain("(Basis 15 bis 39 Befragte)");
        text.ShouldNotContain("Basis 10 bis 29");
    }
}
