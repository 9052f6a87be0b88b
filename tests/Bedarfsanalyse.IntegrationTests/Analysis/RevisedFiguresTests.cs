using System.Net.Http.Json;
using Bedarfsanalyse.Core.Analysis;
using Bedarfsanalyse.Core.Formatting;
using Bedarfsanalyse.Core.Periods;
using Bedarfsanalyse.IntegrationTests.Interviews;
using Bedarfsanalyse.IntegrationTests.Reports;
using Bedarfsanalyse.Testing;
using Bedarfsanalyse.Web.Features.Analysis;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bedarfsanalyse.IntegrationTests.Analysis;

/// <summary>Revised figures ("r") from interviews stored in PostgreSQL, counted and stamped by the answer count cache.</summary>
public sealed class RevisedFiguresTests(TestDatabase database) : InterviewApiTest(database)
{
    private static readonly Quarter Q3 = new(2026, 3);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = CreateDb();
        await ReportDataset.SeedAsync(db);
    }

    [Fact]
    public async Task A_completed_interview_of_a_closed_quarter_edited_through_the_API_makes_its_districts_and_the_networks_figures_revised()
    {
        // Q3/2026 closed at the end of 30.10.2026.
        var id = await CompletedInAugustAsync();
        var before = await SupportedAsync();
        before.Holzminden.ShouldBe(FigureRevision.Final);
        before.Network.ShouldBe(FigureRevision.Final);

        var reread = await JsonAsync(await Api.GetAsync($"/api/v1/interviews/{id}"));
        var edited = await SaveAsync(id, VersionOf(reread), new { a_wz = "F" });
        edited.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, await edited.Content.ReadAsStringAsync());

        var after = await SupportedAsync();
        after.Holzminden.ShouldBe(FigureRevision.Revised);
        after.HamelnPyrmont.ShouldBe(FigureRevision.Final, "in Hameln-Pyrmont wurde nichts geändert");
        after.Network.ShouldBe(FigureRevision.Revised);
        after.Rolling.ShouldBe(FigureRevision.Revised);
    }

    [Fact]
    public async Task A_completed_interview_of_a_closed_quarter_withdrawn_through_the_API_makes_its_districts_and_the_networks_figures_revised()
    {
        var id = await CompletedInAugustAsync();
        var before = await SupportedAsync();
        before.Holzminden.ShouldBe(FigureRevision.Final);
        before.Network.ShouldBe(FigureRevision.Final);

        var reread = await JsonAsync(await Api.GetAsync($"/api/v1/interviews/{id}"));
        var withdrawn = await Api.PostAsJsonAsync($"/api/v1/interviews/{id}/withdraw", new { version = VersionOf(reread), reason = "Einwilligung widerrufen" });
        withdrawn.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, await withdrawn.Content.ReadAsStringAsync());

        // The interview left the counts after the quarter had closed: the figures it was part of changed.
        var after = await SupportedAsync();
        after.Holzminden.ShouldBe(FigureRevision.Revised);
        after.HamelnPyrmont.ShouldBe(FigureRevision.Final, "in Hameln-Pyrmont wurde nichts zurückgezogen");
        after.Network.ShouldBe(FigureRevision.Revised);
        after.Rolling.ShouldBe(FigureRevision.Revised);
    }

    [Fact]
    public async Task A_draft_of_a_closed_quarter_withdrawn_later_changes_no_figure_and_marks_nothing_revised()
    {
        var (id, version) = await DraftOfAugustAsync();
        (await SupportedAsync()).Holzminden.ShouldBe(FigureRevision.Final);

        var withdrawn = await Api.PostAsJsonAsync($"/api/v1/interviews/{id}/withdraw", new { version, reason = "Doppelt erfasst" });
        withdrawn.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, await withdrawn.Content.ReadAsStringAsync());

        var after = await SupportedAsync();
        after.Holzminden.ShouldBe(FigureRevision.Final, "ein nie abgeschlossener Entwurf stand in keiner Zahl");
        after.Network.ShouldBe(FigureRevision.Final);
    }

    /// <summary>A Holzminden employer interview of 20.08.2026 with every answer, stored as a draft; its id and version.</summary>
    private async Task<(Guid Id, uint Version)> DraftOfAugustAsync()
    {
        var id = Guid.NewGuid();
        var create = await Api.PostAsJsonAsync("/api/v1/interviews", new
        {
            id, questionnaire = "arbeitgeber", respondentGroup = "establishment", district = Holzminden, conductedOn = "2026-08-20", answers = CompleteEmployerAnswers(),
        });
        create.StatusCode.ShouldBe(System.Net.HttpStatusCode.Created, await create.Content.ReadAsStringAsync());
        return (id, VersionOf(await JsonAsync(create)));
    }

    /// <summary>That interview, completed on its day (set back in the database).</summary>
    private async Task<Guid> CompletedInAugustAsync()
    {
        var (id, version) = await DraftOfAugustAsync();
        var completed = await CompleteAsync(id, version, Consent);
        completed.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, await completed.Content.ReadAsStringAsync());
        await using var db = CreateDb();
        var august = new DateTimeOffset(2026, 8, 20, 10, 0, 0, TimeSpan.Zero);
        await db.Interviews.Where(i => i.Id == id).ExecuteUpdateAsync(s => s.SetProperty(i => i.CompletedAt, august).SetProperty(i => i.UpdatedAt, august));
        return id;
    }

    /// <summary>The revision of "Weiterbildung unterstützt: ja" in Q3/2026 as the model gives it today.</summary>
    private async Task<(FigureRevision Holzminden, FigureRevision HamelnPyrmont, FigureRevision Network, FigureRevision Rolling)> SupportedAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var model = await scope.ServiceProvider.GetRequiredService<AnalysisModels>().ForQuarterAsync(Network, Q3, CancellationToken.None);
        var figures = model.Choice("arbeitgeber", "b_gefoerdert", AnalysisPeriod.Of(Q3));
        var ja = figures.Item.OptionIndex("ja");
        var rolling = model.Choice("arbeitgeber", "b_gefoerdert", AnalysisPeriod.Rolling(Q3));
        return (
            figures.District(model.DistrictIndex(Holzminden), ja).Revision,
            figures.District(model.DistrictIndex(HamelnPyrmont), ja).Revision,
            figures.Network(ja).Revision,
            rolling.District(model.DistrictIndex(Holzminden), ja).Revision);
    }
}
