using Bedarfsanalyse.Data.Questionnaires;
using Bedarfsanalyse.Testing;
using Microsoft.EntityFrameworkCore;

namespace Bedarfsanalyse.IntegrationTests.Questionnaires;

public sealed class ImportQuestionnaireCommandTests(TestDatabase database) : DatabaseTest(database)
{
    [Fact]
    public async Task Import_questionnaire_publishes_the_networks_questionnaires_once()
    {
        var environment = new Dictionary<string, string?> { ["ConnectionStrings__Bedarfsanalyse"] = Database.ConnectionString };

        await using (var first = AppProcess.Start(environment, "import-questionnaire", "--network"))
        {
            (await first.WaitForExitAsync(TimeSpan.FromSeconds(90))).ShouldBeTrue();
            first.ExitCode.ShouldBe(0, first.Errors);
            first.Output.ShouldContain("Veröffentlicht: arbeitgeber, Version 1");
        }

        await using var second = AppProcess.Start(environment, "import-questionnaire", "--network");
        (await second.WaitForExitAsync(TimeSpan.FromSeconds(90))).ShouldBeTrue();
        second.Output.ShouldContain("bereits in dieser Fassung veröffentlicht");
        await using var db = CreateDb();
        (await db.QuestionnaireVersions.CountAsync(v => v.Status == QuestionnaireVersion.Published)).ShouldBe(2);
    }

    private static readonly string[][] Survey =
    [
        ["begin group", "seite", "Seite", "", ""],
        ["select_one ja_nein", "weiterbildung", "Haben Sie Weiterbildung gefördert?", "", "yes"],
        ["integer", "anzahl", "Anzahl", "${weiterbildung} = 'ja'", ""],
        ["end group", "", "", "", ""],
    ];

    [Fact]
    public async Task Import_questionnaire_stores_a_workbook_as_a_draft_and_with_publish_as_the_next_published_version()
    {
        var file = await WriteAsync(XlsFormBuilder.Build("test", "Testbogen", Survey));
        var environment = new Dictionary<string, string?> { ["ConnectionStrings__Bedarfsanalyse"] = Database.ConnectionString };

        var (draftExit, draftOutput, _) = await RunAsync(environment, "import-questionnaire", file);
        await using (var db = CreateDb())
        {
            (await db.QuestionnaireVersions.SingleAsync()).Status.ShouldBe(QuestionnaireVersion.Draft);
        }

        var (refusedExit, _, refusedErrors) = await RunAsync(environment, "import-questionnaire", file, "--publish");
        var (replacedExit, replacedOutput, _) = await RunAsync(environment, "import-questionnaire", file, "--publish", "--replace-draft");
        var (nextExit, nextOutput, _) = await RunAsync(environment, "import-questionnaire", file, "--publish");
        File.Delete(file);

        draftExit.ShouldBe(0);
        draftOutput.ShouldContain("test, Version 1: als Entwurf gespeichert.");
        refusedExit.ShouldBe(1);
        refusedErrors.ShouldContain("unveröffentlichten Entwurf (Version 1)");
        refusedErrors.ShouldContain("--replace-draft");
        replacedExit.ShouldBe(0);
        replacedOutput.ShouldContain("test, Version 1: veröffentlicht.");
        nextExit.ShouldBe(0);
        nextOutput.ShouldContain("test, Version 2: veröffentlicht.");
        await using var after = CreateDb();
        (await after.QuestionnaireVersions.OrderBy(v => v.Number).Select(v => v.Status).ToListAsync()).ShouldBe([QuestionnaireVersion.Published, QuestionnaireVersion.Published]);
    }

    private static async Task<string> WriteAsync(byte[] workbook)
    {
        var file = Path.Combine(Path.GetTempPath(), $"fragebogen-{Guid.NewGuid():N}.xlsx");
        await File.WriteAllBytesAsync(file, workbook);
        return file;
    }

    private static async Task<(int ExitCode, string Output, string Errors)> RunAsync(Dictionary<string, string?> environment, params string[] arguments)
    {
        await using var command = AppProcess.Start(environment, arguments);
        (await command.WaitForExitAsync(TimeSpan.FromSeconds(90))).ShouldBeTrue();
        command.Errors.ShouldNotContain("   at ");
        return (command.ExitCode, command.Output, command.Errors);
    }

    [Fact]
    public async Task Import_questionnaire_of_a_workbook_with_an_error_names_the_place_and_stores_nothing()
    {
        var file = Path.Combine(Path.GetTempPath(), $"fragebogen-{Guid.NewGuid():N}.xlsx");
        await File.WriteAllBytesAsync(file, XlsFormBuilder.Build("test", "Test",
        [
            ["begin group", "seite", "Seite", "", ""],
            ["integer", "anzahl", "Anzahl", "${fehlt} > 2", ""],
            ["end group", "", "", "", ""],
        ]));
        var environment = new Dictionary<string, string?> { ["ConnectionStrings__Bedarfsanalyse"] = Database.ConnectionString };

        await using var command = AppProcess.Start(environment, "import-questionnaire", file, "--publish");
        (await command.WaitForExitAsync(TimeSpan.FromSeconds(90))).ShouldBeTrue();
        File.Delete(file);

        command.ExitCode.ShouldBe(1);
        command.Errors.ShouldContain("wurde nicht übernommen");
        command.Errors.ShouldContain("Zeile 3");
        command.Errors.ShouldNotContain("   at ");
        await using var db = CreateDb();
        (await db.Questionnaires.CountAsync()).ShouldBe(0);
    }
}
