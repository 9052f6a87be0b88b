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
